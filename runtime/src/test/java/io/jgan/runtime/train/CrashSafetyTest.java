package io.jgan.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.train.Checkpoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real training JVM with SIGKILL ({@link Process#destroyForcibly()}) at random moments while
 * it writes a checkpoint after every iteration, many times, resuming each time. Every resumed run
 * must find an intact checkpoint, and the run must end with exactly the parameters of a run that was
 * never interrupted.
 */
class CrashSafetyTest {
    private static final int TRIALS = 50;
    private static final int ITERATIONS = 300;

    @TempDir
    Path dir;

    private static Process start(Path runDir) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx64m", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp",
                System.getProperty("java.class.path"), CrashTrainer.class.getName(), runDir.toString(),
                Integer.toString(ITERATIONS))
                .redirectErrorStream(true).start();
    }

    private static List<Path> temporaryFiles(Path runDir) throws IOException {
        try (Stream<Path> files = Files.list(runDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @Test
    void killedAtRandomWhileCheckpointingThenResumedEndsBitIdenticalToAnUninterruptedRun() throws Exception {
        Path reference = Files.createDirectories(dir.resolve("reference"));
        Checkpoint expected = CrashTrainer.run(reference, ITERATIONS, false);

        Path crashed = Files.createDirectories(dir.resolve("crashed"));
        Random random = new Random(2026);
        int killedDuringWrite = 0;
        long lastProgress = -1;
        int progressed = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Process p = start(crashed);
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertTrue(first != null && first.startsWith("start "), "trial " + trial + ": the resumed run said "
                    + first + (first != null ? " / " + out.readLine() : ""));
            long resumedAt = Long.parseLong(first.substring(6));
            assertTrue(resumedAt >= lastProgress, "trial " + trial + ": went back from " + lastProgress + " to "
                    + resumedAt);
            if (resumedAt > lastProgress) {
                progressed++;
            }
            lastProgress = resumedAt;
            // Let it write a checkpoint or a few, then kill it at a random moment of the next ones
            // (a write, mostly two fsyncs, takes a few milliseconds).
            int writes = 1 + random.nextInt(3);
            for (int w = 0; w < writes; w++) {
                String line = out.readLine();
                assertTrue(line != null && line.startsWith("wrote "), "trial " + trial + ": " + line);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(random.nextInt(8_000_000));
            p.destroyForcibly();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            List<Path> leftovers = temporaryFiles(crashed);
            if (!leftovers.isEmpty()) {
                killedDuringWrite++; // the process died between creating the temporary file and the rename
                for (Path t : leftovers) {
                    Files.delete(t);
                }
            }
            if (Files.exists(crashed.resolve(CrashTrainer.CHECKPOINT))) {
                Checkpoint.read(crashed.resolve(CrashTrainer.CHECKPOINT)); // intact, or this throws
            }
        }
        Process last = start(crashed);
        String output = new String(last.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(last.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, last.exitValue(), output);
        assertTrue(output.endsWith("done\n") || output.endsWith("done\r\n"), output);

        Checkpoint actual = Checkpoint.read(crashed.resolve(CrashTrainer.CHECKPOINT));
        for (String name : new String[] {"generator.parameters", "discriminator.parameters",
            "generator.optimizer.buffer.0", "discriminator.optimizer.buffer.1"}) {
            assertArrayEquals(expected.getFloats(name), actual.getFloats(name), name + " differs bit for bit");
        }
        assertArrayEquals(expected.getLongs("rng"), actual.getLongs("rng"));
        assertEquals(ITERATIONS, actual.getLongs("run.iteration")[0]);
        System.out.printf("crash safety: %d SIGKILLs, %d landed during a checkpoint write, %d resumed with progress;"
                + " all resumed from an intact checkpoint; final parameters bit-identical%n",
                TRIALS, killedDuringWrite, progressed);
        assertTrue(killedDuringWrite > 0, "no kill landed during a write; the test did not test much");
    }
}

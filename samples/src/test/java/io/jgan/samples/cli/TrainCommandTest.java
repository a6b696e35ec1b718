package io.jgan.samples.cli;

import static io.jgan.samples.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.Rng;
import io.jgan.runtime.train.CheckpointFiles;
import io.jgan.runtime.io.Npy;
import io.jgan.runtime.train.TrainedGenerator;
import io.jgan.samples.CliRun;
import io.jgan.samples.Jgan;
import io.jgan.samples.ring.RingData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jgan train|sample|export} on a spec that is not a sample's, from a user's CSV file. */
class TrainCommandTest {
    static final String SPEC = "io.jgan.samples.ring.RingSpec";

    @TempDir
    static Path dir;
    static Path csv;

    /** The ring as a user's CSV: a header, then x,y per line. */
    static Path ringCsv(Path file, int n, long seed) throws IOException {
        float[] p = RingData.sample(n, new Rng(seed));
        StringBuilder text = new StringBuilder("x,y\n");
        for (int i = 0; i < n; i++) {
            text.append(p[2 * i]).append(',').append(p[2 * i + 1]).append('\n');
        }
        return Files.writeString(file, text);
    }

    @BeforeAll
    static void data() throws IOException {
        csv = ringCsv(dir.resolve("ring.csv"), 1024, 5);
    }

    private static String[] train(Path out, String... more) {
        String[] base = {"train", "--spec", SPEC, "--data", csv.toString(), "--out", out.toString(), "--threads", "1",
            "--batch", "64"};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void badDataIsOneLineNamingWhereAndNothingIsWritten() throws IOException {
        String[][] cases = {
            {"x,y\n1,2\n3,abc\n", "line 3, column 2 (y) is \"abc\", not a number"},
            {"1,2\n3,4,5\n", "line 2 has 3 values, the first row has 2"},
            {"1\n2\n3\n", "has 1 column per row, but io.jgan.samples.ring.RingSpec's discriminator reads 2"},
            {"x,y\n1,NaN\n", "line 2, column 2 (y) is \"NaN\", not a number; every value must be a finite number"},
            {"x,y\n1,1e39\n", "line 2, column 2 (y) is 1e39, too large for a float"},
            {"", "is empty"},
            {"x,y\n", "holds no rows of numbers (only a header)"},
        };
        int k = 0;
        for (String[] c : cases) {
            Path bad = Files.writeString(dir.resolve("bad" + k + ".csv"), c[0]);
            Path out = dir.resolve("bad-out" + k++);
            CliRun r = run("train", "--spec", SPEC, "--data", bad.toString(), "--out", out.toString(), "--steps", "5");
            assertEquals(1, r.exitCode(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.lastError().contains(c[1]), r.lastError());
            assertTrue(r.lastError().contains(bad.toString()), r.lastError());
            assertFalse(Files.exists(out), "nothing may be written for " + c[0]);
        }
        CliRun noClass = run("train", "--spec", "com.example.Missing", "--data", csv.toString(), "--out",
                dir.resolve("x").toString());
        assertEquals(1, noClass.exitCode());
        assertTrue(noClass.lastError().contains("--spec com.example.Missing: no such class on the class path"),
                noClass.lastError());
    }

    @Test
    void aLossThatDoesNotFitTheSpecIsOneLineAndNothingIsWritten() {
        Path out = dir.resolve("hinge");
        CliRun hinge = run("train", "--spec", SPEC, "--data", csv.toString(), "--out", out.toString(), "--steps", "5",
                "--loss", "hinge");
        assertEquals(2, hinge.exitCode(), hinge.err());
        assertEquals(1, hinge.err().strip().lines().count(), hinge.err());
        assertTrue(hinge.lastError().contains("the hinge loss reads raw scores"), hinge.lastError());
        assertTrue(hinge.lastError().contains("remove that @Sigmoid layer"), hinge.lastError());
        assertFalse(Files.exists(out));
        CliRun unknown = run("train", "--spec", SPEC, "--data", csv.toString(), "--out", out.toString(), "--loss", "l2");
        assertEquals(2, unknown.exitCode(), unknown.err());
        assertTrue(unknown.lastError().contains("--loss must be one of bce, bce-logits, lsgan, hinge, wgan, was l2"),
                unknown.lastError());
    }

    @Test
    void resumeTakesTheRunsSettingsAndRefusesOtherOnes() throws IOException {
        Path out = dir.resolve("resume");
        CliRun first = run(train(out, "--epochs", "1", "--g-lr", "1e-3", "--ema", "0.99"));
        assertEquals(0, first.exitCode(), first.err());
        assertFalse(first.out().contains("\r"), "progress in a captured output is plain lines");
        CliRun other = run("train", "--resume", "--out", out.toString(), "--epochs", "2", "--seed", "7");
        assertEquals(2, other.exitCode(), other.err());
        assertTrue(other.lastError().contains("was trained with --seed 1, not 7"), other.lastError());
        CliRun fresh = run(train(out, "--epochs", "2"));
        assertEquals(1, fresh.exitCode());
        assertTrue(fresh.lastError().contains("already holds a run: pass --resume"), fresh.lastError());
        CliRun resumed = run("train", "--resume", "--out", out.toString(), "--epochs", "2");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("resuming: at step 16 of 32 steps"), resumed.out());
        assertTrue(resumed.out().contains("G Adam(lr=0.001"), resumed.out());

        // A user's checkpoint works with sample and export, and images sample points to them.
        Path samples = dir.resolve("resume-samples.csv");
        CliRun sample = run("sample", "--checkpoint", out.resolve(CheckpointFiles.LATEST).toString(), "--n", "10",
                "--out", samples.toString());
        assertEquals(0, sample.exitCode(), sample.err());
        assertTrue(sample.out().contains("averaged generator"), sample.out());
        assertEquals(11, Files.readAllLines(samples).size());
        for (String network : new String[] {"generator", "discriminator"}) {
            CliRun export = run("export", "--checkpoint", out.resolve(CheckpointFiles.LATEST).toString(), "--network",
                    network, "--out", dir.resolve(network + ".npz").toString());
            assertEquals(0, export.exitCode(), export.err());
            assertTrue(export.out().contains("0.weight [64, " + (network.equals("generator") ? 8 : 2) + "]"),
                    export.out());
        }
        CliRun images = run("images", "sample", "--checkpoint", out.resolve(CheckpointFiles.LATEST).toString(), "--out",
                dir.resolve("img.npy").toString());
        assertEquals(1, images.exitCode());
        assertTrue(images.lastError().contains("use jgan sample or jgan export"), images.lastError());
    }

    /** {@code java ... Jgan}, on the same dense kernels as this JVM (they round differently). */
    static java.util.List<String> javaCommand() {
        java.util.List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            command.addAll(java.util.List.of("--add-modules", "jdk.incubator.vector"));
        }
        command.addAll(java.util.List.of("-cp", System.getProperty("java.class.path"), Jgan.class.getName()));
        return command;
    }

    /**
     * Runs {@code jgan args} in another JVM and kills it (SIGKILL) at a random moment after its first
     * checkpoint in {@code out}; its output goes to {@code out}.log.
     *
     * @param args the jgan train command line
     * @param out its run directory
     * @param seed picks the moment, 0 to 40 ms after the checkpoint
     */
    static void killAfterFirstCheckpoint(String[] args, Path out, long seed) throws Exception {
        java.util.List<String> command = javaCommand();
        command.addAll(java.util.List.of(args));
        Path log = out.resolveSibling(out.getFileName() + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Path latest = out.resolve(CheckpointFiles.LATEST);
        while (!Files.exists(latest) && p.isAlive()) {
            Thread.sleep(5);
        }
        Thread.sleep(new java.util.Random(seed).nextInt(40));
        p.destroyForcibly();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        assertTrue(Files.exists(latest), Files.readString(log));
    }

    /** SIGKILL a real jgan train of the ring at a random moment after a checkpoint, resume: same bytes. */
    @Test
    void killedTrainingResumedEndsByteIdenticalAndAFreshJvmSamplesTheSame() throws Exception {
        String[] options = {"--steps", "120", "--checkpoint-every", "10", "--ema", "0.99", "--d-steps", "2"};
        Path whole = dir.resolve("whole");
        assertEquals(0, run(train(whole, options)).exitCode());

        Path killed = dir.resolve("killed");
        Path latest = killed.resolve(CheckpointFiles.LATEST);
        killAfterFirstCheckpoint(train(killed, options), killed, 7);
        CliRun resumed = run("train", "--resume", "--out", killed.toString());
        assertEquals(0, resumed.exitCode(), resumed.err() + resumed.out());
        assertArrayEquals(Files.readAllBytes(whole.resolve(CheckpointFiles.LATEST)), Files.readAllBytes(latest));
        assertArrayEquals(Files.readAllBytes(whole.resolve(TrainCommand.GENERATOR_FILE)),
                Files.readAllBytes(killed.resolve(TrainCommand.GENERATOR_FILE)));

        // A fresh JVM loads the generator alone and samples what this one does.
        Path npy = dir.resolve("fresh.npy");
        java.util.List<String> command = javaCommand();
        command.addAll(java.util.List.of("sample", "--checkpoint", whole.resolve(TrainCommand.GENERATOR_FILE).toString(),
                "--n", "300", "--seed", "3", "--out", npy.toString()));
        Process sample = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(sample.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, sample.waitFor(), said);
        float[] expected = TrainedGenerator.read(whole.resolve(TrainCommand.GENERATOR_FILE)).sample(300, new Rng(3));
        assertArrayEquals(expected, Npy.read(npy).data());
    }
}

package io.jgan.runtime.io;

import io.jgan.runtime.train.Checkpoint;
import io.jgan.runtime.train.CheckpointException;
import io.jgan.runtime.train.CheckpointFiles;
import io.jgan.runtime.internal.FileErrors;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.Network;
import io.jgan.runtime.NetworkInfo.Role;
import io.jgan.runtime.Rng;
import io.jgan.runtime.optim.Adam;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-user cases of the runtime's file layer, each named after its case in the issue
 * ("Files are never lost or mixed", "Bad input fails fast with a reason"): the run lock, the output
 * guard, the checkpoint rotation, checkpoint reads that check before they allocate, and restored
 * values that must be possible. The command-line side of each case is in the samples'
 * {@code HostileUserTest}.
 */
class FileSafetyTest {
    @TempDir
    Path dir;

    private static Checkpoint checkpoint(double learningRate) {
        Network g = new TinyNetworks.TwoDense(Role.GENERATOR, 3, 5, 4);
        Network d = new TinyNetworks.TwoDense(Role.DISCRIMINATOR, 4, 6, 1);
        Rng rng = new Rng(7);
        g.initialize(rng);
        d.initialize(rng);
        return Checkpoint.capture(g, d, new Adam(g, learningRate), new Adam(d, learningRate), rng);
    }

    private static void restoreInto(Checkpoint c) throws CheckpointException {
        Network g = new TinyNetworks.TwoDense(Role.GENERATOR, 3, 5, 4);
        Network d = new TinyNetworks.TwoDense(Role.DISCRIMINATOR, 4, 6, 1);
        c.restore(g, d, new Adam(g, 1e-3), new Adam(d, 1e-3), new Rng(1));
    }

    // --- 1. No lock on a run directory

    @Test
    void case01_aSecondWriterOfARunDirectoryIsRefusedNamingTheHolder() throws Exception {
        Path run = dir.resolve("run");
        // Another JVM holds the lock, as a second `images train --out` would meet the first.
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), run.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine());
            IOException e = assertThrows(IOException.class, () -> RunLock.acquire(run));
            assertTrue(e.getMessage().contains("in use by another jgan run (pid " + holder.pid() + " on host "),
                    e.getMessage());
        } finally {
            holder.destroyForcibly().waitFor();
        }
        // SIGKILLed holding it: the OS lock is gone, the file still names the dead holder.
        try (RunLock lock = RunLock.acquire(run)) {
            assertTrue(lock.recovered().orElseThrow().contains("pid " + holder.pid()), lock.recovered().toString());
            // and within one JVM too
            assertThrows(IOException.class, () -> RunLock.acquire(run));
        }
        try (RunLock lock = RunLock.acquire(run)) {
            assertTrue(lock.recovered().isEmpty(), "a lock released cleanly is not stale");
        }
    }

    /** Holds a run lock until killed. */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            RunLock lock = RunLock.acquire(Path.of(args[0]));
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(60_000);
            lock.close();
        }
    }

    // --- 2. and 3. Outputs: never an input, never an existing file without --force, never twice

    @Test
    void case02_anExistingOutputIsRefusedUnlessForcedAndTheInputNeverEvenForced() throws Exception {
        Path input = Files.writeString(dir.resolve("ck.jgan"), "model");
        Path existing = Files.writeString(dir.resolve("old.npy"), "old");
        IOException e = assertThrows(IOException.class,
                () -> OutputFiles.create(false).input(input).output("--out", existing, 10).check());
        assertTrue(e.getMessage().contains("--out " + existing + " already exists: pass --force"), e.getMessage());
        OutputFiles.create(true).input(input).output("--out", existing, 10).check();
        for (boolean force : new boolean[] {false, true}) {
            // also spelled another way
            Path same = dir.resolve(".").resolve("ck.jgan");
            e = assertThrows(IOException.class,
                    () -> OutputFiles.create(force).input(input).output("--out", same, 10).check());
            assertTrue(e.getMessage().contains("is the file this command reads: it is never overwritten, not even with"
                    + " --force"), e.getMessage());
        }
        assertEquals("model", Files.readString(input));
    }

    @Test
    void case03_theSamePathForTwoOutputsIsRefused() {
        Path same = dir.resolve("same.npy");
        IOException e = assertThrows(IOException.class, () -> OutputFiles.create(true)
                .output("--out", same, 10).output("--noise-out", dir.resolve("x/../same.npy"), 10).check());
        assertEquals("--out and --noise-out are the same file " + dir.resolve("x/../same.npy")
                + ": give each its own file", e.getMessage());
        assertFalse(Files.exists(same));
    }

    // --- 4. Temporary files after kills; rotation keeps a distinct previous checkpoint

    @Test
    void case04_temporaryFilesOfKilledWritesAreRemovedAndRotationKeepsADistinctPrevious() throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.write(run.resolve(".checkpoint.jgan.k3j9x2a.tmp"), new byte[1000]);
        Files.write(run.resolve(".checkpoint.prev.jgan.zz01.tmp"), new byte[500]);
        Files.writeString(run.resolve("notes.tmp"), "the user's, not ours");
        AtomicFile.Leftovers left = AtomicFile.removeTemporaries(run);
        assertEquals(2, left.count());
        assertEquals(1500, left.bytes());
        assertEquals("2 temporary files (1.5 KB)", left.toString());
        assertTrue(Files.exists(run.resolve("notes.tmp")));

        CheckpointFiles files = new CheckpointFiles(run);
        Checkpoint first = checkpoint(1e-3);
        first.put("epoch", new int[] {1});
        Checkpoint second = checkpoint(1e-3);
        second.put("epoch", new int[] {2});
        files.write(first);
        files.write(second);
        assertEquals(2, Checkpoint.read(files.latest()).getInts("epoch")[0]);
        assertEquals(1, Checkpoint.read(files.previous()).getInts("epoch")[0]);

        // Killed between the renames: latest gone to previous, next complete. The next start completes it.
        Checkpoint third = checkpoint(1e-3);
        third.put("epoch", new int[] {3});
        third.write(files.next());
        Files.move(files.latest(), files.previous(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertTrue(files.finishRotation().orElseThrow().contains("is now checkpoint.jgan"));
        assertEquals(3, Checkpoint.read(files.latest()).getInts("epoch")[0]);
        assertEquals(2, Checkpoint.read(files.previous()).getInts("epoch")[0]);
        // Killed before the renames: the same, one step later.
        Checkpoint fourth = checkpoint(1e-3);
        fourth.put("epoch", new int[] {4});
        fourth.write(files.next());
        files.finishRotation();
        assertEquals(4, Checkpoint.read(files.latest()).getInts("epoch")[0]);
        assertEquals(3, Checkpoint.read(files.previous()).getInts("epoch")[0]);
        assertNotEquals(Files.size(files.latest()) + "" + Checksums.sha256Hex(files.latest()),
                Files.size(files.previous()) + "" + Checksums.sha256Hex(files.previous()));
        assertTrue(files.finishRotation().isEmpty());
    }

    // --- 5. A directory with only a previous checkpoint holds a run

    @Test
    void case05_aDirectoryWithOnlyAPreviousCheckpointHoldsARun() throws IOException {
        Path run = Files.createDirectories(dir.resolve("run"));
        CheckpointFiles files = new CheckpointFiles(run);
        assertFalse(files.anyExists());
        Files.write(files.previous(), checkpoint(1e-3).toBytes());
        assertTrue(files.anyExists());
    }

    // --- 6. The header is checked before the file is read

    @Test
    void case06_aCheckpointIsCheckedAgainstItsLengthBeforeItIsRead() throws IOException {
        Path zero = Path.of("/dev/zero");
        if (Files.exists(zero)) {
            CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.read(zero));
            assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        }
        // 3 GB of nothing (sparse: no disk used), a valid header claiming all of it.
        Path huge = dir.resolve("huge.jgan");
        byte[] header = Arrays.copyOf(checkpoint(1e-3).toBytes(), 20);
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(3_000_000_000L);
            ByteBuffer.wrap(header).putLong(12, 3_000_000_000L - 52);
            f.write(header);
        }
        CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.read(huge));
        assertTrue(e.getMessage().contains("truncated or damaged"), e.getMessage());
        // 600 MB, consistent, under this test JVM's 256 MB heap: refused with the heap it needs.
        Path big = dir.resolve("big.jgan");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(600_000_000L);
            ByteBuffer.wrap(header).putLong(12, 600_000_000L - 52);
            f.write(header);
        }
        Assumptions.assumeTrue(Runtime.getRuntime().maxMemory() < 1_200_000_000L, "needs a heap below 1.2 GB");
        e = assertThrows(CheckpointException.class, () -> Checkpoint.read(big));
        assertTrue(e.getMessage().contains("600.0 MB, too large for this JVM's heap") && e.getMessage().contains("-Xmx"),
                e.getMessage());
        e = assertThrows(CheckpointException.class, () -> Checkpoint.read(dir));
        assertEquals("checkpoint " + dir + " is a directory, not a checkpoint file", e.getMessage());
    }

    // --- 7. Valid checksum, impossible content

    @Test
    void case07_aResignedCheckpointWithImpossibleValuesIsRefused() throws IOException {
        Checkpoint nan = checkpoint(1e-3);
        nan.getFloats("generator.parameters")[3] = Float.NaN;
        Checkpoint read = Checkpoint.fromBytes(nan.toBytes(), "checkpoint nan.jgan"); // toBytes signs it
        CheckpointException e = assertThrows(CheckpointException.class, () -> restoreInto(read));
        assertTrue(e.getMessage().contains("impossible content: generator.parameters[3] is NaN"), e.getMessage());
        Network g = new TinyNetworks.TwoDense(Role.GENERATOR, 3, 5, 4);
        assertThrows(CheckpointException.class, () -> read.restoreGenerator(g));

        Checkpoint buffer = checkpoint(1e-3);
        buffer.getFloats("discriminator.optimizer.buffer.1")[0] = Float.POSITIVE_INFINITY;
        e = assertThrows(CheckpointException.class,
                () -> restoreInto(Checkpoint.fromBytes(buffer.toBytes(), "checkpoint b.jgan")));
        assertTrue(e.getMessage().contains("discriminator.optimizer.buffer.1[0] is Infinity"), e.getMessage());

        for (double lr : new double[] {Double.NaN, -1e-3, 0, Double.POSITIVE_INFINITY}) {
            Checkpoint c = checkpoint(1e-3);
            c.put("generator.optimizer.learningRate", new long[] {Double.doubleToRawLongBits(lr)});
            e = assertThrows(CheckpointException.class,
                    () -> restoreInto(Checkpoint.fromBytes(c.toBytes(), "checkpoint lr.jgan")));
            assertTrue(e.getMessage().contains("generator learning rate " + lr), e.getMessage());
        }
        Checkpoint steps = checkpoint(1e-3);
        steps.put("generator.optimizer.steps", new long[] {-5});
        e = assertThrows(CheckpointException.class,
                () -> restoreInto(Checkpoint.fromBytes(steps.toBytes(), "checkpoint s.jgan")));
        assertTrue(e.getMessage().contains("step count -5"), e.getMessage());
    }

    // --- 10. Messages name the file and the reason

    @Test
    void case10_aFullDiskNamesTheFileAndKeepsTheOldOne() throws IOException {
        Path target = Files.writeString(dir.resolve("log.csv"), "old");
        WritableByteChannel full = new WritableByteChannel() {
            @Override
            public int write(ByteBuffer src) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
            }
        };
        IOException e = assertThrows(IOException.class,
                () -> AtomicFile.write(target, out -> out.write(new byte[100_000]), channel -> full));
        assertEquals("cannot write " + target + ": No space left on device", e.getMessage());
        assertEquals("old", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
        assertEquals("permission denied", FileErrors.reason(new AccessDeniedException("data/x")));
        assertEquals("unexpected end of file (truncated?)", FileErrors.reason(new java.io.EOFException()));
    }

    @Test
    void case10_permissionDeniedOnACheckpointNamesTheFileAndTheReason() throws IOException {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root ignores file modes");
        Path file = Files.write(dir.resolve("ck.jgan"), checkpoint(1e-3).toBytes());
        Assumptions.assumeTrue(file.toFile().setReadable(false, false));
        CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.read(file));
        assertEquals("cannot read checkpoint " + file + ": permission denied", e.getMessage());
    }

    // --- 12. The output directory is checked before training

    @Test
    void case12_anOutputDirectoryUnderAFileOrWithoutRoomIsRefusedUpFront() throws IOException {
        Path file = Files.writeString(dir.resolve("afile.txt"), "x");
        IOException e = assertThrows(IOException.class, () -> OutputFiles.requireDirectory("--out", file, 0));
        assertTrue(e.getMessage().startsWith("--out " + file + " is a file, not a directory"), e.getMessage());
        e = assertThrows(IOException.class, () -> OutputFiles.requireDirectory("--out", file.resolve("run"), 0));
        assertTrue(e.getMessage().contains(file + " is a file, not a directory"), e.getMessage());
        e = assertThrows(IOException.class,
                () -> OutputFiles.requireDirectory("--out", dir.resolve("run"), Long.MAX_VALUE / 2));
        assertTrue(e.getMessage().matches("--out .*run needs 4\\.6 EB but only .* are free there: free some"
                + " space, or choose another place"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("run")), "nothing is created when there is no room");
        OutputFiles.requireDirectory("--out", dir.resolve("run"), 1000);
        assertTrue(Files.isDirectory(dir.resolve("run")));
        try (Stream<Path> files = Files.list(dir.resolve("run"))) {
            assertEquals(0, files.count(), "the write probe is removed");
        }
    }

    @Test
    void sizeInBytesIsTheWrittenSize() {
        Checkpoint c = checkpoint(1e-3);
        assertEquals(c.toBytes().length, c.sizeInBytes());
        assertArrayEquals(c.toBytes(), c.toBytes());
    }
}

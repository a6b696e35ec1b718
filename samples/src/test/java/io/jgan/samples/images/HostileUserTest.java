package io.jgan.samples.images;

import static io.jgan.samples.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.Rng;
import io.jgan.data.idx.IdxImages;
import io.jgan.data.idx.IdxLabels;
import io.jgan.data.idx.IdxWriter;
import io.jgan.runtime.train.Checkpoint;
import io.jgan.runtime.io.Checksums;
import io.jgan.runtime.io.RunLock;
import io.jgan.samples.CliRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile user's issue, case by case, through the command line a user runs: each test is named
 * after its case and checks the exit code (0 done, 1 a data or file problem, 2 a bad option) and the
 * one line the user reads. One real run of {@code images train} (200 generated 28x28 images, one
 * epoch: 2 batches) gives the checkpoint the others damage; the file layer's side of each case is in
 * the runtime's {@code FileSafetyTest}.
 */
class HostileUserTest {
    @TempDir
    static Path dir;
    static Path data;
    static Path trained;
    static Path checkpoint;

    /** {@code count} images of {@code rows x cols}, a bright square each, and {@code labels} labels. */
    static Path dataSet(String name, int count, int rows, int cols) throws IOException {
        Path d = dir.resolve(name);
        Rng rng = new Rng(1);
        byte[] pixels = new byte[count * rows * cols];
        for (int n = 0; n < count; n++) {
            int top = rng.nextInt(rows / 2), left = rng.nextInt(cols / 2);
            for (int r = top; r < top + rows / 3; r++) {
                for (int c = left; c < left + cols / 3; c++) {
                    pixels[(n * rows + r) * cols + c] = (byte) 200;
                }
            }
        }
        IdxWriter.writeImages(d.resolve("train-images-idx3-ubyte.gz"), new IdxImages(count, rows, cols, pixels), true);
        IdxWriter.writeLabels(d.resolve("train-labels-idx1-ubyte.gz"), new IdxLabels(count, new byte[count]), true);
        return d;
    }

    @BeforeAll
    static void trainOneEpoch() throws IOException {
        data = dataSet("data", 200, 28, 28);
        trained = dir.resolve("trained");
        CliRun r = run("images", "train", "--data", data.toString(), "--epochs", "1", "--out", trained.toString());
        assertEquals(0, r.exitCode(), r.err());
        checkpoint = trained.resolve(ImageGan.CHECKPOINT);
    }

    /** A copy of the trained run directory, to damage. */
    static Path copyOfRun(String name) throws IOException {
        Path copy = Files.createDirectories(dir.resolve(name));
        try (Stream<Path> files = Files.list(trained)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }

    /** The trained checkpoint, changed by {@code edit} and signed again (a valid checksum). */
    @FunctionalInterface
    interface Edit {
        void apply(Checkpoint c) throws IOException;
    }

    static void resigned(Path target, Edit edit) throws IOException {
        Checkpoint c = Checkpoint.read(checkpoint);
        edit.apply(c);
        Files.write(target, c.toBytes());
    }

    /** {@code images train --resume} into {@code out}, up to epoch 1 unless {@code more} says otherwise. */
    static CliRun resume(Path out, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("images", "train", "--data",
                data.toString(), "--out", out.toString(), "--resume"));
        if (!Arrays.asList(more).contains("--epochs")) {
            args.addAll(java.util.List.of("--epochs", "1"));
        }
        args.addAll(Arrays.asList(more));
        return run(args.toArray(String[]::new));
    }

    // ## Files are never lost or mixed

    @Test
    void case01_aSecondTrainingIntoTheSameDirectoryIsRefusedAndAStaleLockRecovered() throws IOException {
        Path out = copyOfRun("locked");
        try (RunLock first = RunLock.acquire(out)) {
            CliRun second = resume(out);
            assertEquals(1, second.exitCode());
            assertTrue(second.lastError().startsWith("jgan: " + out + " is in use by another jgan run (pid "
                    + ProcessHandle.current().pid() + " on host "), second.err());
            assertTrue(second.lastError().endsWith("wait for it to end, or choose another directory"), second.err());
        }
        Files.writeString(out.resolve(RunLock.FILE), "pid 4242 on host gone since 2026-11-28T00:00:00Z\n");
        CliRun after = resume(out);
        assertEquals(0, after.exitCode(), after.err());
        assertTrue(after.out().contains("note: took over the lock of " + out + " from a run that ended without"
                + " releasing it (pid 4242 on host gone"), after.out());
    }

    @Test
    void case02_sampleAndExportNeverOverwriteTheirCheckpointNorAnExistingFileWithoutForce() throws IOException {
        String before = Checksums.sha256Hex(checkpoint);
        for (boolean force : new boolean[] {false, true}) {
            CliRun r = run("images", "sample", "--checkpoint", checkpoint.toString(), "--n", "5", "--force=" + force,
                    "--out", checkpoint.toString());
            assertEquals(1, r.exitCode());
            assertEquals("jgan: --out " + checkpoint + " is the file this command reads: it is never overwritten, not"
                    + " even with --force; choose another file", r.lastError());
            r = run("images", "export", "--checkpoint", checkpoint.toString(), "--force=" + force, "--out",
                    checkpoint.toString());
            assertEquals(1, r.exitCode());
        }
        assertEquals(before, Checksums.sha256Hex(checkpoint));

        Path npy = dir.resolve("case02.npy");
        assertEquals(0, run("images", "sample", "--checkpoint", checkpoint.toString(), "--n", "5", "--out",
                npy.toString()).exitCode());
        Files.writeString(npy, "mine");
        CliRun again = run("images", "sample", "--checkpoint", checkpoint.toString(), "--n", "5", "--out", npy.toString());
        assertEquals(1, again.exitCode());
        assertEquals("jgan: --out " + npy + " already exists: pass --force to replace it, or choose another file",
                again.lastError());
        assertEquals("mine", Files.readString(npy));
        CliRun forced = run("images", "sample", "--checkpoint", checkpoint.toString(), "--n", "5", "--out", npy.toString(),
                "--force");
        assertEquals(0, forced.exitCode(), forced.err());
        assertArrayEquals(new int[] {5, 784}, io.jgan.runtime.io.Npy.read(npy).shape());
        Path npz = Files.writeString(dir.resolve("case02.npz"), "mine");
        CliRun export = run("images", "export", "--checkpoint", checkpoint.toString(), "--out", npz.toString());
        assertEquals(1, export.exitCode());
        assertTrue(export.lastError().contains("already exists: pass --force"), export.err());
    }

    @Test
    void case03_theSamePathForImagesAndNoiseIsRefused() {
        Path same = dir.resolve("same.npy");
        CliRun r = run("images", "sample", "--checkpoint", checkpoint.toString(), "--n", "5", "--out", same.toString(),
                "--noise-out", same.toString());
        assertEquals(1, r.exitCode());
        assertEquals("jgan: --out and --noise-out are the same file " + same + ": give each its own file", r.lastError());
        assertFalse(Files.exists(same));
    }

    @Test
    void case04_temporaryFilesOfKilledRunsAreRemovedAndAnInterruptedRotationIsCompleted() throws IOException {
        Path out = copyOfRun("killed");
        Files.write(out.resolve(".checkpoint.jgan.3k2m9x.tmp"), new byte[2000]);
        Files.write(out.resolve(".checkpoint.next.jgan.0a1b2c.tmp"), new byte[1000]);
        // Killed between the two renames: the latest was renamed to next's place... of a rotation to complete.
        Files.move(out.resolve(ImageGan.CHECKPOINT), out.resolve("checkpoint.next.jgan"));
        CliRun r = resume(out);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("note: removed 2 temporary files (3.0 KB) that a killed run left in " + out), r.out());
        assertTrue(r.out().contains("checkpoint.next.jgan was written completely before the last run stopped: it is"
                + " now checkpoint.jgan"), r.out());
        assertTrue(r.out().contains("resuming after epoch 1"), r.out());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(0, files.filter(f -> f.toString().endsWith(".tmp")).count());
        }
    }

    @Test
    void case04_rotationKeepsAPreviousCheckpointDistinctFromTheLatest() throws Exception {
        Path out = dir.resolve("rotation");
        ImageGan.Settings s = new ImageGan.Settings(ImageGanTest.TINY, 3, false, 3, 2, out, false);
        new ImageGan(s, ImageGanTest.images(), 8, 8, new PrintStream(new ByteArrayOutputStream())).run();
        assertEquals(3, Checkpoint.read(out.resolve(ImageGan.CHECKPOINT)).getInts("run.progress")[0]);
        assertEquals(2, Checkpoint.read(out.resolve(ImageGan.PREVIOUS_CHECKPOINT)).getInts("run.progress")[0]);
        assertFalse(Files.exists(out.resolve("checkpoint.next.jgan")));
    }

    @Test
    void case05_aFreshRunIntoADirectoryWithOnlyAPreviousCheckpointIsRefused() throws IOException {
        Path out = Files.createDirectories(dir.resolve("onlyprev"));
        Path prev = Files.copy(checkpoint, out.resolve(ImageGan.PREVIOUS_CHECKPOINT));
        CliRun r = run("images", "train", "--data", data.toString(), "--epochs", "1", "--out", out.toString());
        assertEquals(1, r.exitCode());
        assertEquals("jgan: " + prev + " already exists: pass --resume to continue that run, or choose another --out"
                + " (a fresh run would overwrite it)", r.lastError());
        assertEquals(Checksums.sha256Hex(checkpoint), Checksums.sha256Hex(prev));
    }

    // ## Bad input fails fast with a reason

    @Test
    void case06_aDeviceOrAHugeFileAsCheckpointIsRefusedFromItsHeader() throws IOException {
        if (Files.exists(Path.of("/dev/zero"))) {
            CliRun r = run("images", "export", "--checkpoint", "/dev/zero", "--out", dir.resolve("z.npz").toString());
            assertEquals(1, r.exitCode());
            assertEquals("jgan: checkpoint /dev/zero is not a regular file (a device or a pipe?)", r.lastError());
        }
        Path huge = dir.resolve("huge.jgan");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(3_000_000_000L); // sparse: no disk used
            f.write(Arrays.copyOf(Files.readAllBytes(checkpoint), 20));
        }
        CliRun r = run("images", "sample", "--checkpoint", huge.toString(), "--out", dir.resolve("h.npy").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.lastError().startsWith("jgan: checkpoint " + huge + ": truncated or damaged: the header promises"),
                r.err());
    }

    @Test
    void case07_aResignedCheckpointWithImpossibleValuesIsRefusedAndTheBannerShowsTheRatesInUse() throws IOException {
        Path nan = dir.resolve("nan.jgan");
        resigned(nan, c -> c.getFloats("generator.parameters")[0] = Float.NaN);
        CliRun r = run("images", "sample", "--checkpoint", nan.toString(), "--n", "5", "--out",
                dir.resolve("nan.npy").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.lastError().startsWith("jgan: checkpoint " + nan + ": impossible content: generator.parameters[0]"
                + " is NaN"), r.err());
        assertFalse(Files.exists(dir.resolve("nan.npy")));

        Path out = copyOfRun("lr");
        resigned(out.resolve(ImageGan.CHECKPOINT), c -> c.put("generator.optimizer.learningRate",
                new long[] {Double.doubleToRawLongBits(1e6)}));
        r = resume(out);
        assertEquals(1, r.exitCode());
        assertTrue(r.lastError().contains("impossible content: generator learning rate 1000000.0, this sample trains"
                + " with 2.0E-4 or less"), r.err());

        for (int epochs : new int[] {-3, Integer.MAX_VALUE}) {
            resigned(out.resolve(ImageGan.CHECKPOINT), c -> c.getInts("run.progress")[0] = epochs);
            r = resume(out);
            assertEquals(1, r.exitCode());
            assertTrue(r.lastError().contains("impossible content: it says " + epochs + " epochs were done, its log ends"
                    + " in epoch 1"), r.err());
        }

        // A lowered rate (as after rollbacks) is possible: resumed, and the banner says which.
        resigned(out.resolve(ImageGan.CHECKPOINT), c -> {
            c.put("generator.optimizer.learningRate", new long[] {Double.doubleToRawLongBits(1e-4)});
            c.put("discriminator.optimizer.learningRate", new long[] {Double.doubleToRawLongBits(5e-5)});
        });
        r = resume(out);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Adam G 1e-04, D 5e-05"), r.out());
    }

    @Test
    void case08_brokenLabelFilesAreRefusedNamingThem() throws IOException {
        Path base = dataSet("labels", 200, 28, 28);
        byte[] images = Files.readAllBytes(base.resolve("train-images-idx3-ubyte.gz"));
        ByteArrayOutputStream wrongMagic = new ByteArrayOutputStream();
        wrongMagic.write(new byte[] {0, 0, 8, 2, 0, 0, 0, (byte) 200});
        wrongMagic.write(new byte[200]);
        ByteArrayOutputStream short150 = new ByteArrayOutputStream();
        short150.write(new byte[] {0, 0, 8, 1, 0, 0, 0, (byte) 150});
        short150.write(new byte[150]);
        Object[][] cases = {
            {"empty", new byte[0], "too short for an IDX header"},
            {"magic", wrongMagic.toByteArray(), "has 2 dimension(s)"},
            {"count", short150.toByteArray(), "holds 200 images but "},
            {"images", images, "is it an image file?"},
        };
        for (Object[] c : cases) {
            Path d = Files.createDirectories(dir.resolve("labels-" + c[0]));
            Files.write(d.resolve("train-images-idx3-ubyte.gz"), images);
            Path labels = Files.write(d.resolve("train-labels-idx1-ubyte"), (byte[]) c[1]);
            CliRun r = run("images", "train", "--data", d.toString(), "--epochs", "1", "--out",
                    dir.resolve("out-labels-" + c[0]).toString());
            assertEquals(1, r.exitCode(), c[0] + ": " + r.out());
            assertTrue(r.lastError().contains(labels.toString()) && r.lastError().contains((String) c[2]),
                    c[0] + ": " + r.err());
            assertFalse(Files.exists(dir.resolve("out-labels-" + c[0]).resolve(ImageGan.CHECKPOINT)));
        }
    }

    @Test
    void case09_userErrorsEndInOneLineWithTheRightExitCodeAndTracesOnlyWithDebug() throws IOException {
        Path few = dataSet("few", 50, 28, 28);
        CliRun r = run("images", "train", "--data", few.toString(), "--epochs", "1", "--out", dir.resolve("few-out").toString());
        assertEquals(1, r.exitCode());
        assertEquals("jgan: " + few.resolve("train-images-idx3-ubyte.gz") + " holds 50 images; images train needs at"
                + " least 100 (one batch): pass a larger data set with --data", r.err().strip());
        Path small = dataSet("small", 200, 10, 10);
        r = run("images", "train", "--data", small.toString(), "--epochs", "1", "--out", dir.resolve("small-out").toString());
        assertEquals(1, r.exitCode());
        assertEquals("jgan: " + small.resolve("train-images-idx3-ubyte.gz") + " holds 10x10 images; images train needs"
                + " 28x28 images (MNIST, Fashion-MNIST): pass another --data", r.err().strip());

        // Too large for the disk: refused before anything is generated, with the size it needs.
        Path big = dir.resolve("big.npy");
        long needed = io.jgan.runtime.io.Npy.fileSize(Integer.MAX_VALUE, 784);
        Assumptions.assumeTrue(Files.getFileStore(dir).getUsableSpace() < needed, "this disk has room for 6.7 TB");
        r = run("images", "sample", "--checkpoint", checkpoint.toString(), "--n", "" + Integer.MAX_VALUE, "--out",
                big.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().strip().matches("jgan: --out .*big\\.npy needs 6\\.7 TB but only .* are free there: free"
                + " some space, or choose another place"), r.err());

        // A run that diverges (weights of 1e30, re-signed: finite, so accepted) stops with what to do.
        Path out = copyOfRun("diverges");
        resigned(out.resolve(ImageGan.CHECKPOINT), c -> {
            float[] w = c.getFloats("discriminator.parameters");
            for (int k = 0; k < w.length; k++) {
                w[k] = k % 2 == 0 ? 1e30f : -1e30f;
            }
        });
        r = resume(out, "--epochs", "2");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().strip().startsWith("jgan: training diverged: ") && r.lastError().endsWith("the checkpoint after"
                + " epoch 1 in " + out + " is intact: resume with --resume --on-divergence rollback to continue from it"
                + " with lower learning rates"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        r = resume(out, "--epochs", "2", "--on-divergence", "rollback");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().strip().startsWith("jgan: training diverged after 5 rollbacks: "), r.err());

        // --debug adds the trace, and only then.
        r = run("images", "export", "--checkpoint", dir.toString(), "--out", dir.resolve("d.npz").toString(), "--debug");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("\tat io.jgan.runtime.train.Checkpoint.read"), r.err());
        assertEquals("jgan: checkpoint " + dir + " is a directory, not a checkpoint file", r.lastError());
    }

    @Test
    void case10_messagesNameTheFileAndTheReason() throws IOException {
        Path file = Files.writeString(dir.resolve("afile.txt"), "x");
        CliRun r = run("images", "train", "--data", data.toString(), "--out", file.toString());
        assertEquals(1, r.exitCode());
        assertEquals("jgan: --out " + file + " is a file, not a directory: give a directory (it is created if missing)",
                r.lastError());
        r = run("images", "sample", "--checkpoint", dir.toString(), "--out", dir.resolve("s.npy").toString());
        assertEquals("jgan: checkpoint " + dir + " is a directory, not a checkpoint file", r.lastError());
        r = run("images", "sample", "--checkpoint", checkpoint.toString(), "--n", "5", "--out", dir.toString());
        assertEquals(1, r.exitCode());
        assertEquals("jgan: --out " + dir + " is a directory: give the file to write (a new name in it, or another path)",
                r.lastError());
        r = run("images", "sample", "--checkpoint", checkpoint.toString(), "--n", "5", "--out", "");
        assertEquals(1, r.exitCode());
        assertEquals("jgan: --out is empty: give the file to write", r.lastError());

        // A gzip file cut inside its 8-byte trailer.
        Path cut = Files.createDirectories(dir.resolve("cut"));
        byte[] gz = Files.readAllBytes(data.resolve("train-images-idx3-ubyte.gz"));
        Path images = Files.write(cut.resolve("train-images-idx3-ubyte.gz"), Arrays.copyOf(gz, gz.length - 4));
        Files.copy(data.resolve("train-labels-idx1-ubyte.gz"), cut.resolve("train-labels-idx1-ubyte.gz"));
        r = run("images", "train", "--data", cut.toString(), "--out", dir.resolve("cut-out").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.lastError().startsWith("jgan: file " + images + " has corrupt or truncated gzip data: ")
                && !r.lastError().contains("null") && r.lastError().endsWith("download it again"), r.err());
    }

    @Test
    void case11_threadsAreCappedAtTheCoresAndBenchCountsBelowOneRefused() throws IOException {
        Path out = copyOfRun("threads");
        CliRun r = resume(out, "--threads", "100000");
        assertEquals(0, r.exitCode(), r.err());
        int cores = Runtime.getRuntime().availableProcessors();
        assertTrue(r.out().contains("note: --threads 100000 is more than the " + cores + " cores; using " + cores), r.out());
        String[][] benches = {
            {"even", "bench", "--rounds", "0"},
            {"even", "bench", "--rounds", "-3"},
            {"gaussian", "bench", "--rounds", "0"},
            {"gaussian", "bench", "--epochs", "0"},
            {"images", "bench", "--steps", "0"},
        };
        for (String[] args : benches) {
            r = run(args);
            assertEquals(2, r.exitCode(), String.join(" ", args));
            assertEquals("jgan " + args[0] + " bench: " + args[2] + " must be at least 1, was " + args[3] + " (see jgan "
                    + args[0] + " bench --help)", r.err().strip());
            assertFalse(r.out().contains("ms"), r.out());
        }
    }

    @Test
    void case12_anOutputDirectoryThatCannotBeWrittenIsFoundBeforeTraining() throws IOException {
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        Path out = file.resolve("run");
        CliRun r = run("images", "train", "--data", data.toString(), "--epochs", "1", "--out", out.toString());
        assertEquals(1, r.exitCode());
        assertEquals("jgan: --out " + out + ": " + file + " is a file, not a directory", r.lastError());
        assertFalse(r.out().contains("Data:"), "refused before the data is even read: " + r.out());
    }
}

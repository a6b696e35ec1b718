package io.jgan.samples.images;

import static io.jgan.samples.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.Rng;
import io.jgan.data.idx.IdxImages;
import io.jgan.data.idx.IdxLabels;
import io.jgan.data.idx.IdxWriter;
import io.jgan.runtime.io.Npy;
import io.jgan.runtime.io.NpyArray;
import io.jgan.runtime.io.Npz;
import io.jgan.samples.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jgan images train|sample|export} with the real networks (VanillaGan) on a generated IDX set
 * of 200 images: 2 batches per epoch, so a few seconds.
 */
class ImagesCommandTest {
    @TempDir
    static Path dir;
    static Path data;
    static Path out;

    /** 200 28x28 images with a random bright rectangle each; trained for 1 epoch, then resumed for a 2nd. */
    @BeforeAll
    static void trainTwoEpochs() throws Exception {
        data = dir.resolve("data");
        Rng rng = new Rng(1);
        byte[] pixels = new byte[200 * 784];
        for (int n = 0; n < 200; n++) {
            int top = rng.nextInt(14), left = rng.nextInt(14);
            for (int r = top; r < top + 10; r++) {
                for (int c = left; c < left + 10; c++) {
                    pixels[n * 784 + r * 28 + c] = (byte) 200;
                }
            }
        }
        IdxWriter.writeImages(data.resolve("train-images-idx3-ubyte.gz"), new IdxImages(200, 28, 28, pixels), true);
        IdxWriter.writeLabels(data.resolve("train-labels-idx1-ubyte.gz"), new IdxLabels(200, new byte[200]), true);
        out = dir.resolve("out");
        CliRun first = run("images", "train", "--data", data.toString(), "--epochs", "1", "--out", out.toString(),
                "--log-every", "1", "--threads", "2");
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("2 batches per epoch") && first.out().contains("epoch 1: D loss"), first.out());
        CliRun second = run("images", "train", "--data", data.toString(), "--epochs", "2", "--out", out.toString(),
                "--log-every", "1", "--resume");
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.out().contains("resuming after epoch 1") && second.out().contains("epoch 2: D loss"),
                second.out());
    }

    @Test
    void trainingWroteTheGridsLogAndCharts() throws Exception {
        for (String f : List.of("samples_epoch_001.png", "samples_epoch_002.png", "losses.png", "scores.png")) {
            assertTrue(Files.size(out.resolve(f)) > 1000, f);
        }
        assertEquals(1 + 4, Files.readAllLines(out.resolve("log.csv")).size());
    }

    @Test
    void sampleWritesFloat32ImagesInMinusOneToOne() throws Exception {
        Path npy = dir.resolve("samples.npy");
        Path noise = dir.resolve("noise.npy");
        CliRun r = run("images", "sample", "--checkpoint", out.resolve("checkpoint.jgan").toString(), "--n", "7",
                "--out", npy.toString(), "--noise-out", noise.toString());
        assertEquals(0, r.exitCode(), r.err());
        NpyArray a = Npy.read(npy);
        assertArrayEquals(new int[] {7, 784}, a.shape());
        for (float v : a.data()) {
            assertTrue(v >= -1f && v <= 1f, "value " + v);
        }
        // The noise file is what the images were made from: the generator maps it to them exactly.
        NpyArray z = Npy.read(noise);
        assertArrayEquals(new int[] {7, 100}, z.shape());
        io.jgan.runtime.Network g = ImagesCommand.loadGenerator(out.resolve("checkpoint.jgan"), 7);
        g.setTraining(false);
        assertArrayEquals(a.data(), java.util.Arrays.copyOf(g.forward(z.data(), 7), 7 * 784));
    }

    @Test
    void exportKeysFollowNnSequential() throws Exception {
        Path g = dir.resolve("g.npz");
        CliRun r = run("images", "export", "--checkpoint", out.resolve("checkpoint.jgan").toString(), "--out", g.toString());
        assertEquals(0, r.exitCode(), r.err());
        Map<String, NpyArray> sd = Npz.read(g);
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias", "6.weight", "6.bias"),
                List.copyOf(sd.keySet()));
        assertArrayEquals(new int[] {256, 100}, sd.get("0.weight").shape());
        assertArrayEquals(new int[] {784, 1024}, sd.get("6.weight").shape());
        assertArrayEquals(new int[] {784}, sd.get("6.bias").shape());

        Path d = dir.resolve("d.npz");
        r = run("images", "export", "--checkpoint", out.resolve("checkpoint.jgan").toString(), "--out", d.toString(),
                "--network", "discriminator");
        assertEquals(0, r.exitCode(), r.err());
        sd = Npz.read(d);
        // Dense, LeakyReLU, Dropout three times, then Dense, Sigmoid: the Dense layers are 0, 3, 6, 9.
        assertEquals(List.of("0.weight", "0.bias", "3.weight", "3.bias", "6.weight", "6.bias", "9.weight", "9.bias"),
                List.copyOf(sd.keySet()));
        assertArrayEquals(new int[] {1024, 784}, sd.get("0.weight").shape());
        assertArrayEquals(new int[] {1, 256}, sd.get("9.weight").shape());
    }

    @Test
    void aDamagedCheckpointIsAnErrorNamingTheFile() throws Exception {
        Path bad = dir.resolve("bad.jgan");
        byte[] bytes = Files.readAllBytes(out.resolve("checkpoint.jgan"));
        Files.write(bad, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        CliRun r = run("images", "sample", "--checkpoint", bad.toString(), "--n", "1", "--out",
                dir.resolve("x.npy").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains(bad.toString()) && r.err().contains("truncated"), r.err());
    }

    @Test
    void resumeWithOtherSettingsIsAUsageError() {
        CliRun r = run("images", "train", "--data", data.toString(), "--epochs", "3", "--out", out.toString(), "--resume",
                "--noise", "128");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--noise 100"), r.err());
    }

    @Test
    void seed004VariantTrainsWith128NoiseValuesAndSmoothedLabels() throws Exception {
        Path out128 = dir.resolve("out128");
        CliRun r = run("images", "train", "--data", data.toString(), "--epochs", "1", "--out", out128.toString(),
                "--noise", "128", "--smooth");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("VanillaGan128: noise 128") && r.out().contains("labels 0.98/0.02"), r.out());
        io.jgan.runtime.train.Checkpoint c = io.jgan.runtime.train.Checkpoint.read(out128.resolve("checkpoint.jgan"));
        assertEquals("VanillaGan128", c.getString("run.model"));
        assertEquals("true", c.getString("run.smooth"));
        Path g = dir.resolve("g128.npz");
        assertEquals(0, run("images", "export", "--checkpoint", out128.resolve("checkpoint.jgan").toString(), "--out",
                g.toString()).exitCode());
        assertArrayEquals(new int[] {256, 128}, Npz.read(g).get("0.weight").shape());
    }

    @Test
    void otherNoiseSizesAreAUsageError() {
        CliRun r = run("images", "train", "--data", data.toString(), "--noise", "64", "--out", dir.resolve("x").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("100") && r.err().contains("128"), r.err());
    }

    /** Options are checked before --out is touched: a refused run leaves no directory (and no lock file) behind. */
    @Test
    void aBadOptionCombinationCreatesNoOutputDirectory() {
        for (String[] bad : List.of(new String[] {"--model", "dcgan", "--loss", "hinge"},
                new String[] {"--fake-labels", "data"}, new String[] {"--model", "other"})) {
            Path never = dir.resolve("never-" + bad[1]);
            List<String> args = new java.util.ArrayList<>(List.of("images", "train", "--data", data.toString(),
                    "--epochs", "1", "--out", never.toString()));
            args.addAll(List.of(bad));
            CliRun r = run(args.toArray(String[]::new));
            assertEquals(2, r.exitCode(), String.join(" ", bad) + ": " + r.err());
            assertTrue(!Files.exists(never), String.join(" ", bad) + ": " + never + " was created");
        }
        Path none = dir.resolve("never-resumed");
        CliRun r = run("images", "train", "--data", data.toString(), "--epochs", "1", "--out", none.toString(), "--resume");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(!Files.exists(none), none + " was created");
    }
}

package io.jgan.samples.images;

import static io.jgan.samples.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.Rng;
import io.jgan.data.idx.IdxImages;
import io.jgan.data.idx.IdxLabels;
import io.jgan.data.idx.IdxWriter;
import io.jgan.runtime.train.Checkpoint;
import io.jgan.runtime.io.Npy;
import io.jgan.runtime.io.NpyArray;
import io.jgan.runtime.io.Npz;
import io.jgan.samples.CliRun;
import io.jgan.samples.conditional.TinyHalves_Discriminator;
import io.jgan.samples.conditional.TinyHalves_Generator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conditional runs of the images sample: the tiny conditional spec through {@link ImageGan} (grid
 * rows, resume bit for bit, fake labels by the data's frequencies), and {@code images train
 * --conditional}, {@code sample --class}, {@code export} with the real {@link ConditionalGan}.
 */
class ConditionalImagesTest {
    static final ImageModel TINY = new ImageModel("TinyHalves", 6, 32, 0.5, TinyHalves_Generator::new,
            TinyHalves_Discriminator::new, 2);

    @TempDir
    Path dir;

    /** 96 8x8 images: class 0 bright on the left half, class 1 on the right. */
    private static float[] images(int[] labels) {
        Rng rng = new Rng(7);
        float[] x = new float[labels.length * 64];
        for (int n = 0; n < labels.length; n++) {
            labels[n] = n % 3 == 0 ? 1 : 0; // class 0 twice as frequent
            for (int p = 0; p < 64; p++) {
                x[n * 64 + p] = (p % 8 < 4) == (labels[n] == 0) ? 1f : -1f + 0.2f * rng.nextFloat();
            }
        }
        return x;
    }

    private static ImageGan gan(Path out, int epochs, boolean resume, boolean fakesFromData) throws Exception {
        int[] labels = new int[96];
        float[] x = images(labels);
        ImageGan.Settings s = new ImageGan.Settings(TINY, 3, false, epochs, 2, out, resume,
                io.jgan.runtime.loss.GanLoss.bce(), fakesFromData);
        return new ImageGan(s, x, labels, 8, 8, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void theGridHasOneRowPerClassAndAResumedRunMatchesBitForBit() throws Exception {
        Path straight = dir.resolve("straight");
        gan(straight, 3, false, true).run();
        Path resumed = dir.resolve("resumed");
        gan(resumed, 1, false, true).run();
        gan(resumed, 3, true, true).run();
        for (String f : List.of("checkpoint.jgan", "checkpoint.prev.jgan", "log.csv", "samples_epoch_003.png")) {
            assertArrayEquals(Files.readAllBytes(straight.resolve(f)), Files.readAllBytes(resumed.resolve(f)), f);
        }
        assertEquals("data", Checkpoint.read(straight.resolve("checkpoint.jgan")).getString("run.fake-labels"));
        BufferedImage grid = ImageIO.read(straight.resolve("samples_epoch_001.png").toFile());
        assertTrue(grid.getHeight() < grid.getWidth(), "2 rows of 8: " + grid.getWidth() + "x" + grid.getHeight());
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1}, ImageGan.gridLabels(2));
    }

    @Test
    void aResumeWithOtherFakeLabelsIsRefused() throws Exception {
        Path out = dir.resolve("run");
        gan(out, 1, false, false).run();
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.jgan.runtime.train.CheckpointException.class,
                () -> gan(out, 2, true, true));
        assertTrue(e.getMessage().contains("--fake-labels uniform"), e.getMessage());
    }

    /** 200 28x28 images of 10 classes, a bright square placed by class; labels 0..9 in turn. */
    private Path data(byte badLabel) throws Exception {
        Path data = dir.resolve("data" + badLabel);
        byte[] pixels = new byte[200 * 784];
        byte[] labels = new byte[200];
        for (int n = 0; n < 200; n++) {
            labels[n] = (byte) (n % 10);
            int top = 2 * (n % 10);
            for (int r = top; r < top + 8; r++) {
                for (int c = 0; c < 8; c++) {
                    pixels[n * 784 + r * 28 + c] = (byte) 200;
                }
            }
        }
        if (badLabel != 0) {
            labels[123] = badLabel;
        }
        IdxWriter.writeImages(data.resolve("train-images-idx3-ubyte.gz"), new IdxImages(200, 28, 28, pixels), true);
        IdxWriter.writeLabels(data.resolve("train-labels-idx1-ubyte.gz"), new IdxLabels(200, labels), true);
        return data;
    }

    @Test
    void trainSampleAndExportAConditionalGan() throws Exception {
        Path data = data((byte) 0);
        Path out = dir.resolve("out");
        CliRun train = run("images", "train", "--conditional", "--data", data.toString(), "--epochs", "1", "--out",
                out.toString());
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("ConditionalGan: noise 100, 10 classes (fakes uniform)"), train.out());
        BufferedImage grid = ImageIO.read(out.resolve("samples_epoch_001.png").toFile());
        assertTrue(grid.getHeight() > grid.getWidth(), "10 rows of 8: " + grid.getWidth() + "x" + grid.getHeight());

        Path checkpoint = out.resolve("checkpoint.jgan");
        Path three = dir.resolve("three.npy");
        CliRun sample = run("images", "sample", "--checkpoint", checkpoint.toString(), "--class", "3", "--n", "4",
                "--out", three.toString());
        assertEquals(0, sample.exitCode(), sample.err());
        assertTrue(sample.out().contains("of classes 3 to"), sample.out());
        Path mixed = dir.resolve("mixed.npy");
        assertEquals(0, run("images", "sample", "--checkpoint", checkpoint.toString(), "--class", "3,5", "--n", "4",
                "--out", mixed.toString()).exitCode());
        float[] a = Npy.read(three).data();
        float[] b = Npy.read(mixed).data();
        // The same noise: images 0 and 2 (class 3 in both) agree, 1 and 3 (class 5 in the second) do not.
        assertArrayEquals(Arrays.copyOfRange(a, 0, 784), Arrays.copyOfRange(b, 0, 784));
        assertArrayEquals(Arrays.copyOfRange(a, 2 * 784, 3 * 784), Arrays.copyOfRange(b, 2 * 784, 3 * 784));
        assertTrue(!Arrays.equals(Arrays.copyOfRange(a, 784, 2 * 784), Arrays.copyOfRange(b, 784, 2 * 784)));

        CliRun bad = run("images", "sample", "--checkpoint", checkpoint.toString(), "--class", "10", "--out",
                dir.resolve("x.npy").toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--class 10 is not a class of"), bad.err());

        Path npz = dir.resolve("g.npz");
        assertEquals(0, run("images", "export", "--checkpoint", checkpoint.toString(), "--out", npz.toString())
                .exitCode());
        Map<String, NpyArray> dict = Npz.read(npz);
        assertArrayEquals(new int[] {10, 10}, dict.get("0.weight").shape());
        assertArrayEquals(new int[] {256, 110}, dict.get("1.weight").shape());
    }

    /** The conditional DCGAN's discriminator reads the label as 10 more channels: its first convolution has 11 inputs. */
    @Test
    void aConditionalDcganTrainsAndExports() throws Exception {
        Path data = data((byte) 0);
        Path out = dir.resolve("dcgan");
        CliRun train = run("images", "train", "--conditional", "--model", "dcgan", "--data", data.toString(), "--epochs",
                "1", "--out", out.toString());
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("ConditionalDcgan: noise 100, 10 classes"), train.out());
        Path npz = dir.resolve("d.npz");
        assertEquals(0, run("images", "export", "--checkpoint", out.resolve("checkpoint.jgan").toString(), "--network",
                "discriminator", "--out", npz.toString()).exitCode());
        assertArrayEquals(new int[] {64, 11, 4, 4}, Npz.read(npz).get("1.weight").shape());
        CliRun resume = run("images", "train", "--no-conditional", "--data", data.toString(), "--epochs", "2", "--out",
                out.toString(), "--resume");
        assertEquals(2, resume.exitCode());
        assertTrue(resume.err().contains("is a conditional run"), resume.err());
    }

    /** jgan train of a conditional spec on .npy data asks for the labels in one line, before any data is read. */
    @Test
    void jganTrainAsksForTheLabelsOfAConditionalSpec() {
        CliRun r = run("train", "--spec", "io.jgan.samples.images.ConditionalGan", "--data", dir.resolve("x.npy").toString(),
                "--out", dir.resolve("train").toString());
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("ConditionalGan is conditional (@Condition, 10 classes): give each row's class of "),
                r.err());
        assertTrue(r.err().contains("with --labels FILE.npy"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void aLabelOutsideTheClassesIsAnErrorNamingTheFileAndRow() throws Exception {
        Path data = data((byte) 12);
        CliRun train = run("images", "train", "--conditional", "--data", data.toString(), "--epochs", "1", "--out",
                dir.resolve("bad").toString());
        assertEquals(1, train.exitCode(), train.out() + train.err());
        String labels = data.resolve("train-labels-idx1-ubyte.gz").toString();
        assertTrue(train.err().contains(labels + " row 123: label 12 is outside [0, 10)"), train.err());
        assertEquals(1, train.err().strip().lines().count(), train.err());
    }
}

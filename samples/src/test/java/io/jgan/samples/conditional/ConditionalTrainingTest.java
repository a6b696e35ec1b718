package io.jgan.samples.conditional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.Network;
import io.jgan.runtime.Rng;
import io.jgan.data.idx.IdxImages;
import io.jgan.data.idx.IdxLabels;
import io.jgan.data.idx.IdxReader;
import io.jgan.data.idx.IdxWriter;
import io.jgan.runtime.data.LabelledEpochData;
import io.jgan.runtime.optim.Adam;
import io.jgan.runtime.train.GanTrainer;
import io.jgan.runtime.train.Sampler;
import io.jgan.runtime.train.TrainingConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short conditional run on a labelled IDX set whose two classes differ plainly: class 0 is bright on
 * the left half, class 1 on the right. Afterwards the generator must draw the half its label asks
 * for; one that ignored the label would be right about half the time.
 */
class ConditionalTrainingTest {
    private static final int SIDE = 8;
    private static final int IMAGES = 512;
    private static final int BATCH = 32;

    @TempDir
    Path dir;

    /** Unsigned pixels: 255 on the class's half, dark noise (0..40) on the other; labels alternate at random. */
    private static IdxImages halves(Rng rng, byte[] labels) {
        byte[] pixels = new byte[IMAGES * SIDE * SIDE];
        for (int n = 0; n < IMAGES; n++) {
            int label = rng.nextInt(2);
            labels[n] = (byte) label;
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    boolean bright = (x < SIDE / 2) == (label == 0);
                    pixels[(n * SIDE + y) * SIDE + x] = (byte) (bright ? 255 : rng.nextInt(41));
                }
            }
        }
        return new IdxImages(IMAGES, SIDE, SIDE, pixels);
    }

    /** The share of {@code samples} brighter on the half of their label. */
    private static double followLabel(float[] samples, int[] labels) {
        int right = 0;
        for (int n = 0; n < labels.length; n++) {
            double left = 0;
            double rightHalf = 0;
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    float v = samples[(n * SIDE + y) * SIDE + x];
                    if (x < SIDE / 2) {
                        left += v;
                    } else {
                        rightHalf += v;
                    }
                }
            }
            if ((left > rightHalf) == (labels[n] == 0)) {
                right++;
            }
        }
        return right / (double) labels.length;
    }

    @Test
    void theGeneratorDrawsTheClassItIsAskedFor() throws Exception {
        byte[] labelBytes = new byte[IMAGES];
        IdxImages written = halves(new Rng(5), labelBytes);
        Path imageFile = dir.resolve("train-images-idx3-ubyte");
        Path labelFile = dir.resolve("train-labels-idx1-ubyte");
        IdxWriter.writeImages(imageFile, written, false);
        IdxWriter.writeLabels(labelFile, new IdxLabels(IMAGES, labelBytes), false);

        Rng rng = new Rng(11);
        Network g = new TinyHalves_Generator(BATCH);
        Network d = new TinyHalves_Discriminator(BATCH);
        g.initialize(rng);
        d.initialize(rng);
        IdxImages images = IdxReader.readImages(imageFile);
        LabelledEpochData data = LabelledEpochData.ofPixels(images.pixels(), images.imageSize(),
                IdxReader.readLabels(labelFile).toInts(), 2, labelFile.toString(), BATCH, rng);
        GanTrainer trainer = new GanTrainer(g, d, new Adam(g, 2e-3, 0.5, 0.999), new Adam(d, 2e-3, 0.5, 0.999), data,
                TrainingConfig.defaults(BATCH), rng);

        int[] asked = new int[200];
        for (int n = 0; n < asked.length; n++) {
            asked[n] = n % 2;
        }
        double before = followLabel(Sampler.generate(g, asked, new Rng(3)), asked);
        // The generator first collapses onto one half for both labels (about 200 steps), then follows them (by 600).
        for (int step = 0; step < 1000; step++) {
            trainer.iterate();
        }
        double after = followLabel(Sampler.generate(g, asked, new Rng(3)), asked);
        assertTrue(before < 0.7, "an untrained generator follows the label by chance only, but " + before + " did");
        assertTrue(after > 0.95, "after training, " + after + " of the samples follow their label (before: " + before + ")");
    }

    @Test
    void aLabelOutsideTheClassesNamesTheFileAndRow() throws Exception {
        byte[] labelBytes = new byte[IMAGES];
        IdxImages images = halves(new Rng(5), labelBytes);
        labelBytes[37] = 2;
        int[] labels = new IdxLabels(IMAGES, labelBytes).toInts();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabelledEpochData.ofPixels(
                images.pixels(), images.imageSize(), labels, 2, "labels.idx", BATCH, new Rng(1)));
        assertEquals("labels.idx row 37: label 2 is outside [0, 2), the classes of the spec's @Condition; use labels 0"
                + " to 1 or a spec with more classes", e.getMessage());
    }

    /** The divergence guard covers the embedding: a NaN in D's table makes its loss NaN, caught before any step. */
    @Test
    void theDivergenceGuardCoversTheEmbedding() throws Exception {
        byte[] labelBytes = new byte[IMAGES];
        IdxImages images = halves(new Rng(5), labelBytes);
        Rng rng = new Rng(11);
        Network g = new TinyHalves_Generator(BATCH);
        Network d = new TinyHalves_Discriminator(BATCH);
        g.initialize(rng);
        d.initialize(rng);
        LabelledEpochData data = LabelledEpochData.ofPixels(images.pixels(), images.imageSize(),
                new IdxLabels(IMAGES, labelBytes).toInts(), 2, "labels", BATCH, rng);
        GanTrainer trainer = new GanTrainer(g, d, new Adam(g, 1e-3), new Adam(d, 1e-3), data,
                TrainingConfig.defaults(BATCH), rng);
        trainer.iterate();
        java.util.Arrays.fill(d.parameters(), 0, 8, Float.NaN); // both rows of D's [2, 4] table
        float[] before = g.parameters().clone();
        io.jgan.runtime.train.TrainingDivergedException e = assertThrows(
                io.jgan.runtime.train.TrainingDivergedException.class, trainer::iterate);
        assertTrue(e.getMessage().contains("TinyHalves discriminator"), e.getMessage());
        assertTrue(java.util.Arrays.equals(before, g.parameters()), "the generator did not step");
    }

    @Test
    void unlabelledDataIsRefused() {
        Rng rng = new Rng(1);
        Network g = new TinyHalves_Generator(BATCH);
        Network d = new TinyHalves_Discriminator(BATCH);
        var data = new io.jgan.runtime.data.EpochData(new float[IMAGES * 64], 64, BATCH, rng);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GanTrainer(g, d,
                new Adam(g, 1e-3), new Adam(d, 1e-3), data, TrainingConfig.defaults(BATCH), rng));
        assertTrue(e.getMessage().contains("unlabelled data"), e.getMessage());
    }
}

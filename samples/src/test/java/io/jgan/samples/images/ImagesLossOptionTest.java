package io.jgan.samples.images;

import static io.jgan.samples.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.Network;
import io.jgan.runtime.Rng;
import io.jgan.data.idx.IdxImages;
import io.jgan.data.idx.IdxLabels;
import io.jgan.data.idx.IdxWriter;
import io.jgan.runtime.loss.GanLoss;
import io.jgan.runtime.train.TrainingConfig;
import io.jgan.samples.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code images train --loss}: a loss on raw scores trains the spec whose discriminator has no sigmoid,
 * the checkpoint remembers the loss, and a wrong name or combination is one line.
 */
class ImagesLossOptionTest {
    @TempDir
    static Path dir;
    static Path data;

    /** 200 28x28 images with a bright square each: 2 batches per epoch. */
    @BeforeAll
    static void writeData() throws Exception {
        data = dir.resolve("data");
        Rng rng = new Rng(2);
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
    }

    private static CliRun train(String out, String... more) {
        String[] base = {"images", "train", "--data", data.toString(), "--epochs", "1", "--out",
            dir.resolve(out).toString(), "--log-every", "1"};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return run(args);
    }

    @Test
    void hingeTrainsTheSpecWithoutASigmoidAndTheCheckpointKeepsTheLoss() {
        CliRun first = train("hinge", "--loss", "hinge");
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("VanillaGanScores: noise 100, seed 1, labels 1/0, batch 100, loss hinge, Adam 2e-04"),
                first.out());
        assertTrue(first.out().contains("epoch 1: D loss"), first.out());

        CliRun resumed = run("images", "train", "--data", data.toString(), "--epochs", "2", "--out",
                dir.resolve("hinge").toString(), "--resume");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("loss hinge") && resumed.out().contains("epoch 2: D loss"), resumed.out());

        CliRun other = run("images", "train", "--data", data.toString(), "--epochs", "3", "--out",
                dir.resolve("hinge").toString(), "--resume", "--loss", "lsgan");
        assertNotEquals(0, other.exitCode());
        assertTrue(other.err().contains("is a run with --loss hinge; --resume continues it with that loss"),
                other.err());
    }

    @Test
    void wganUsesFiveCriticStepsAndRmsProp() {
        ImageGan.Settings wgan = new ImageGan.Settings(ImageModel.VANILLA_SCORES, 1, false, 1, 1, dir, false,
                GanLoss.wasserstein());
        assertEquals(5, wgan.config().discriminatorSteps());
        assertEquals(GanLoss.wasserstein(), wgan.config().loss());
        Network d = ImageModel.VANILLA_SCORES.discriminator().apply(1);
        assertEquals("RMSprop(lr=5.0E-5, alpha=0.99, eps=1.0E-8)", wgan.optimizer(d).toString());
        ImageGan.Settings article = new ImageGan.Settings(ImageModel.VANILLA, 1, false, 1, 1, dir, false);
        assertEquals(TrainingConfig.defaults(ImageGan.BATCH), article.config(), "the article's run is unchanged");
        assertEquals("Adam(lr=2.0E-4, betas=(0.9, 0.999), eps=1.0E-8)", article.optimizer(d).toString());
    }

    @Test
    void badChoicesAreOneLine() {
        CliRun unknown = train("unknown", "--loss", "nope");
        assertNotEquals(0, unknown.exitCode());
        assertTrue(unknown.err().contains("--loss: unknown loss 'nope'; choose one of bce, bce-logits, lsgan, hinge, wgan"),
                unknown.err());

        CliRun noise = train("noise", "--loss", "lsgan", "--noise", "128");
        assertNotEquals(0, noise.exitCode());
        assertTrue(noise.err().contains("--loss lsgan needs a discriminator without a sigmoid, which this sample has"
                + " with --noise 100 only"), noise.err());

        CliRun smooth = train("smooth", "--loss", "wgan", "--smooth");
        assertNotEquals(0, smooth.exitCode());
        assertTrue(smooth.err().contains("the wgan loss has no labels"), smooth.err());
    }
}

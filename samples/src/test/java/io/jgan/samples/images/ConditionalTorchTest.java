package io.jgan.samples.images;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jgan.runtime.Network;
import io.jgan.runtime.Rng;
import io.jgan.runtime.data.LabelledData;
import io.jgan.runtime.optim.Adam;
import io.jgan.runtime.train.GanTrainer;
import io.jgan.runtime.train.TrainingConfig;
import io.jgan.samples.images.DcganTest.Reference;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The images sample's conditional GANs replayed against PyTorch, labels included: three iterations
 * recorded by {@code src/test/python/conditional_reference.py} from parameters, noise, images and real
 * labels given by a formula both sides evaluate. The fakes' labels and the dropout masks are the
 * trainer's own draws from {@code Rng(0)}, which the script reproduces draw for draw; so the losses
 * and every final tensor (the label embeddings too) must agree within float rounding.
 */
class ConditionalTorchTest {
    /** Smaller than the samples' batches (100, 128): the same arithmetic, a quarter of the time. */
    private static final int BATCH = 32;
    private static final int CLASSES = 10;

    /** The script's real labels: {@code (k * 7 + iteration * 3) % 10}. */
    private static int[] realLabels(int iteration) {
        int[] labels = new int[BATCH];
        for (int k = 0; k < BATCH; k++) {
            labels[k] = (k * 7 + iteration * 3) % CLASSES;
        }
        return labels;
    }

    /** The recorded images with their labels, batch after batch. */
    private static LabelledData replay(List<float[]> images, int size) {
        return new LabelledData() {
            private int next;

            @Override
            public int classes() {
                return CLASSES;
            }

            @Override
            public int[] classCounts() {
                int[] counts = new int[CLASSES];
                java.util.Arrays.fill(counts, 1);
                return counts;
            }

            @Override
            public int sampleSize() {
                return size;
            }

            @Override
            public void next(float[] dst, int[] labels, int n, Rng rng) {
                assertEquals(BATCH, n);
                System.arraycopy(images.get(next), 0, dst, 0, n * size);
                System.arraycopy(realLabels(next++), 0, labels, 0, n);
            }

            @Override
            public void next(float[] dst, int n, Rng rng) {
                throw new AssertionError("a conditional trainer takes the labels too");
            }
        };
    }

    private static void replays(String resource, IntFunction<Network> generator, IntFunction<Network> discriminator,
            double beta1) throws IOException {
        Reference reference = Reference.read(resource);
        Network g = generator.apply(BATCH);
        Network d = discriminator.apply(BATCH);
        g.initialize(new Rng(1));
        d.initialize(new Rng(2));
        DcganTest.initialise(g, 10);
        DcganTest.initialise(d, 50);
        List<float[]> real = new ArrayList<>();
        List<float[]> noise = new ArrayList<>();
        for (int i = 0; i < reference.losses().size(); i++) {
            real.add(DcganTest.value(BATCH * 784, 1000 + i, 1f, 0f));
            noise.add(DcganTest.value(BATCH * 100, 2000 + 2 * i, 1.5f, 0f));
            noise.add(DcganTest.value(BATCH * 100, 2001 + 2 * i, 1.5f, 0f));
        }
        GanTrainer trainer = new GanTrainer(g, d, new Adam(g, 2e-4, beta1, 0.999), new Adam(d, 2e-4, beta1, 0.999),
                replay(real, 784), TrainingConfig.defaults(BATCH), new Rng(0));
        trainer.replaceNoise(DcganTest.replay(noise, 100));
        int iteration = 0;
        for (float[] expected : reference.losses()) {
            trainer.iterate();
            iteration++;
            assertEquals(expected[0], trainer.stats().discriminatorLoss, 2e-5, "D loss, iteration " + iteration);
            assertEquals(expected[1], trainer.stats().generatorLoss, 2e-5, "G loss, iteration " + iteration);
        }
        DcganTest.compare("g.", g, reference.tensors());
        DcganTest.compare("d.", d, reference.tensors());
    }

    @Test
    void theConditionalMlpMatchesPyTorchIterationForIteration() throws IOException {
        replays("/conditional_gan_reference.txt", ConditionalGan_Generator::new, ConditionalGan_Discriminator::new,
                0.9);
    }

    @Test
    void theConditionalDcganMatchesPyTorchIterationForIteration() throws IOException {
        replays("/conditional_dcgan_reference.txt", ConditionalDcgan_Generator::new,
                ConditionalDcgan_Discriminator::new, 0.5);
    }
}

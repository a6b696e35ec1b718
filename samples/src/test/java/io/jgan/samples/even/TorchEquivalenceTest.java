package io.jgan.samples.even;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.Network;
import io.jgan.runtime.Rng;
import io.jgan.runtime.data.RealData;
import io.jgan.runtime.optim.Adam;
import io.jgan.runtime.train.GanTrainer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Replays a PyTorch run of the seed's even-numbers GAN (same initial parameters, noise and data,
 * recorded by {@code src/test/python/even_reference.py}) through the generated networks and the
 * runtime's trainer, Adam and BCE, and checks that every loss and the final parameters match.
 */
class TorchEquivalenceTest {

    @Test
    void matchesPyTorchStepForStep() throws IOException {
        Map<String, float[]> single = new HashMap<>();
        Deque<float[]> noise = new ArrayDeque<>();
        Deque<float[]> real = new ArrayDeque<>();
        List<float[]> losses = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/even_reference.txt"), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                String[] parts = line.trim().split(" ");
                float[] values = new float[Integer.parseInt(parts[1])];
                for (int k = 0; k < values.length; k++) {
                    values[k] = Float.parseFloat(parts[k + 2]);
                }
                switch (parts[0]) {
                    case "noise" -> noise.add(values);
                    case "real" -> real.add(values);
                    case "losses" -> losses.add(values);
                    default -> single.put(parts[0], values);
                }
            }
        }
        int batch = 16;
        Network generator = new EvenNumbers_Generator(batch);
        Network discriminator = new EvenNumbers_Discriminator(batch);
        load(generator, single.get("g.weight"), single.get("g.bias"));
        load(discriminator, single.get("d.weight"), single.get("d.bias"));
        GanTrainer trainer = new GanTrainer(generator, discriminator, new Adam(generator, 1e-3),
                new Adam(discriminator, 1e-3), replay(real), EvenGan.seedConfig(batch), new Rng(0));
        trainer.replaceNoise(replay(noise));

        for (float[] expected : losses) {
            trainer.iterate();
            assertEquals(expected[0], trainer.stats().generatorLoss, 2e-6, "generator loss at iteration " + trainer.stats().iteration);
            assertEquals(expected[1], trainer.stats().discriminatorLoss, 2e-6, "discriminator loss at iteration " + trainer.stats().iteration);
        }
        assertClose(generator, single.get("final.g.weight"), single.get("final.g.bias"));
        assertClose(discriminator, single.get("final.d.weight"), single.get("final.d.bias"));
    }

    /** Copies PyTorch's [out, in] weight into jgan's [in][out] layout, then the bias. */
    private static void load(Network network, float[] weight, float[] bias) {
        float[] p = network.parameters();
        int out = bias.length;
        int in = weight.length / out;
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                p[i * out + o] = weight[o * in + i];
            }
        }
        System.arraycopy(bias, 0, p, in * out, out);
    }

    private static void assertClose(Network network, float[] weight, float[] bias) {
        float[] p = network.parameters();
        int out = bias.length;
        int in = weight.length / out;
        double worst = 0;
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                worst = Math.max(worst, Math.abs(p[i * out + o] - weight[o * in + i]));
            }
            worst = Math.max(worst, Math.abs(p[in * out + o] - bias[o]));
        }
        assertTrue(worst < 1e-5, network.info().displayName() + " differs from PyTorch by up to " + worst);
    }

    private static RealData replay(Deque<float[]> batches) {
        return new RealData() {
            @Override
            public int sampleSize() {
                return EvenData.BITS;
            }

            @Override
            public void next(float[] dst, int n, Rng rng) {
                float[] b = batches.remove();
                assertEquals(b.length, n * EvenData.BITS);
                System.arraycopy(b, 0, dst, 0, b.length);
            }
        };
    }

}

package io.jgan.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.Noise;
import io.jgan.runtime.Rng;
import org.junit.jupiter.api.Test;

class SamplerTest {

    private static Tiny.Generator generator() {
        Tiny.Generator g = new Tiny.Generator(2, 4);
        g.parameters()[0] = 2f;
        g.parameters()[1] = 1f;
        return g;
    }

    @Test
    void generatesNSamplesInChunksOfMaxBatch() {
        Tiny.Generator g = generator();
        float[] samples = Sampler.generate(g, 10, new Rng(5));
        assertEquals(10 * 2, samples.length);
        assertEquals(3, g.inferenceForwards, "chunks of 4, 4 and 2");
        assertEquals(0, g.trainingForwards);

        // The chunks draw the noise in order, as if all 20 values had been drawn at once.
        float[] z = new float[20];
        new Noise(Noise.Distribution.GAUSSIAN, 2, 0f, 1f).sample(z, 10, new Rng(5));
        for (int k = 0; k < 20; k++) {
            assertEquals(2f * z[k] + 1f, samples[k], "value " + k);
        }
    }

    @Test
    void anExactMultipleOfMaxBatchAndZeroSamples() {
        Tiny.Generator g = generator();
        assertEquals(16, Sampler.generate(g, 8, new Rng(1)).length);
        assertEquals(2, g.inferenceForwards);
        assertEquals(0, Sampler.generate(g, 0, new Rng(1)).length);
        assertEquals(2, g.inferenceForwards, "no forward pass for zero samples");
        assertThrows(IllegalArgumentException.class, () -> Sampler.generate(g, -1, new Rng(1)));
    }

    @Test
    void restoresTheModeAndLeavesParametersAlone() {
        Tiny.Generator g = generator();
        g.gradients()[0] = 0.25f;
        assertTrue(g.isTraining());
        Sampler.generate(g, 5, new Rng(1));
        assertTrue(g.isTraining(), "back in training mode");
        g.setTraining(false);
        Sampler.generate(g, 5, new Rng(1));
        assertFalse(g.isTraining(), "still in inference mode");
        assertArrayEquals(new float[] {2f, 1f}, g.parameters());
        assertArrayEquals(new float[] {0.25f, 0f}, g.gradients());
    }

    @Test
    void rejectsADiscriminator() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sampler.generate(new Tiny.Discriminator(2, 4), 3, new Rng(1)));
        assertTrue(e.getMessage().contains("not a generator"), e.getMessage());
    }
}

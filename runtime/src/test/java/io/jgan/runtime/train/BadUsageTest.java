package io.jgan.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.Noise;
import io.jgan.runtime.Rng;
import io.jgan.runtime.optim.Adam;
import io.jgan.runtime.train.Tiny.Discriminator;
import io.jgan.runtime.train.Tiny.GaussianData;
import io.jgan.runtime.train.Tiny.Generator;
import org.junit.jupiter.api.Test;

/** Misuse at run time is an exception that names the problem, and changes nothing. */
class BadUsageTest {
    private final Generator g = new Generator(2, 4);
    private final Discriminator d = new Discriminator(2, 4);
    private final Rng rng = new Rng(1);

    private GanTrainer trainer() {
        g.initialize(rng);
        d.initialize(rng);
        return new GanTrainer(g, d, new Adam(g, 1e-2), new Adam(d, 1e-2), new GaussianData(2, 0f, 1f),
                TrainingConfig.defaults(4), rng);
    }

    @Test
    void trainingANetworkSwitchedToInferenceModeIsRefusedWithoutAnUpdate() {
        GanTrainer t = trainer();
        d.setTraining(false);
        float[] before = d.parameters().clone();
        IllegalStateException e = assertThrows(IllegalStateException.class, t::iterate);
        assertTrue(e.getMessage().contains("Tiny discriminator: backward after a forward pass in inference mode"),
                e.getMessage());
        assertArrayEquals(before, d.parameters());
    }

    @Test
    void replacementNoiseOfTheWrongSizeIsRefused() {
        GanTrainer t = trainer();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.replaceNoise(new GaussianData(3, 0f, 1f)));
        assertTrue(e.getMessage().contains("gives 3 values per sample but Tiny generator reads 2"), e.getMessage());
    }

    @Test
    void samplerRefusesAbsurdCountsAndAMissingRng() {
        Generator big = new Generator(2, 4, new Noise(Noise.Distribution.GAUSSIAN, 2, 0f, 1f));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sampler.generate(big, Integer.MAX_VALUE, new Rng(1)));
        assertTrue(e.getMessage().contains("do not fit in one Java array"), e.getMessage());
        NullPointerException n = assertThrows(NullPointerException.class, () -> Sampler.generate(big, 3, null));
        assertTrue(n.getMessage().contains("rng"), n.getMessage());
    }

    @Test
    void forwardWithTheWrongArraySizeOrBatchNamesBoth() {
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> g.forward(new float[5], 2));
        assertTrue(size.getMessage().contains("input has 5 floats, expected 4"), size.getMessage());
        IllegalArgumentException batch = assertThrows(IllegalArgumentException.class, () -> g.forward(new float[10], 5));
        assertTrue(batch.getMessage().contains("batch 5 is outside 1..4"), batch.getMessage());
    }
}

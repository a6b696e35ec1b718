package io.jgan.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jgan.runtime.Network;
import io.jgan.runtime.NetworkInfo;
import io.jgan.runtime.Noise;
import io.jgan.runtime.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterAverageTest {
    /** A network with two parameters and no layers: only its arrays matter here. */
    private static final class Two extends Network {
        static final NetworkInfo INFO = new NetworkInfo("test.Two", NetworkInfo.Role.GENERATOR, 1, 1, 2, List.of(),
                new Noise(Noise.Distribution.UNIFORM, 1, 0f, 1f));

        Two() {
            super(INFO, 1, false);
        }

        @Override
        protected void forwardLayers(int batch) {}

        @Override
        protected void backwardParameterLayers(int batch) {}

        @Override
        protected void initializeLayers(Rng rng) {}
    }

    @Test
    void averagesWithBiasCorrection() {
        Two n = new Two();
        ParameterAverage average = new ParameterAverage(n, 0.5);
        assertArrayEquals(new float[] {0, 0}, average.values());
        n.parameters()[0] = 4;
        n.parameters()[1] = -2;
        average.update();
        // One update: the corrected average is the value itself, not half of it.
        assertArrayEquals(new float[] {4, -2}, average.values());
        n.parameters()[0] = 8;
        average.update();
        // (0.5 * 0.5 * 4 + 0.5 * 8) / (1 - 0.25) = 6.67: recent values weigh more.
        assertEquals(20 / 3.0, average.values()[0], 1e-6);
        assertEquals(-2, average.values()[1], 1e-6);
        assertEquals(2, average.updates());
        Two target = new Two();
        average.copyTo(target);
        assertArrayEquals(average.values(), target.parameters());
    }

    @Test
    void rejectsADecayOutsideTheUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> new ParameterAverage(new Two(), 1.0));
        assertThrows(IllegalArgumentException.class, () -> new ParameterAverage(new Two(), -0.1));
    }
}

package io.jgan.runtime.io;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TicksTest {

    @Test
    void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(0.2, Ticks.step(0, 1, 8), 1e-12);
        assertEquals(1.0, Ticks.step(-4, 4, 8), 1e-12);
        assertEquals(500, Ticks.step(0, 3000, 8), 1e-9);
        assertEquals(0.05, Ticks.step(0.1, 0.4, 8), 1e-12);
        assertEquals(1, Ticks.step(3, 3, 8), 0);
    }

    @Test
    void valuesAreMultiplesInsideTheRange() {
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6000000000000001, 0.8, 1}, Ticks.values(0, 1, 0.2), 1e-9);
        assertArrayEquals(new double[] {-2, 0, 2}, Ticks.values(-3.1, 2.5, 2), 1e-12);
        assertEquals(0, Ticks.values(0.1, 0.9, 1).length);
    }

    @Test
    void labelsUseJustEnoughDecimals() {
        assertEquals("0.6", Ticks.format(0.6000000000000001, 0.2));
        assertEquals("1500", Ticks.format(1500, 500));
        assertEquals("-0.25", Ticks.format(-0.25, 0.05));
        assertEquals("0", Ticks.format(-1e-17, 0.1));
        assertEquals("2.0e6", Ticks.format(2e6, 1e6));
        assertEquals("3.0e-5", Ticks.format(3e-5, 1e-5));
    }
}

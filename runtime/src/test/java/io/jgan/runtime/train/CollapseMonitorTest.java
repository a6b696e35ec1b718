package io.jgan.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CollapseMonitorTest {
    @Test
    void warnsWhenTheFigureFallsBelowAFractionOfItsBest() {
        CollapseMonitor m = new CollapseMonitor("distinct numbers of 64", 0.5);
        assertNull(m.update(10));
        assertNull(m.update(40));
        assertNull(m.update(20), "exactly half of the best is not below it");
        String w = m.update(19);
        assertNotNull(w);
        assertTrue(w.contains("distinct numbers of 64") && w.contains("19") && w.contains("best so far 40"), w);
        assertEquals(40, m.best());
        assertEquals(19, m.last());
        assertNull(m.update(41), "recovered");
        assertNotNull(m.update(Double.NaN), "NaN is collapsed");
        assertEquals(2, m.warnings());
    }

    @Test
    void comparesWithTheRealFigureWhenGiven() {
        CollapseMonitor m = new CollapseMonitor("pairwise distance", 0.6).withRealFigure(10);
        assertNotNull(m.update(5), "the first measurement can already warn against real data");
        assertNull(m.update(6));
        assertNull(m.update(9));
        String w = m.update(5.9);
        assertTrue(w.contains("real data's 10"), w);
        assertThrows(IllegalArgumentException.class, () -> new CollapseMonitor("x", 0));
    }

    @Test
    void meanPairwiseDistance() {
        // Three points on a line at 0, 3 and 4 (2-d, second coordinate 0): distances 3, 4 and 1.
        float[] s = {0, 0, 3, 0, 4, 0};
        assertEquals(8.0 / 3, CollapseMonitor.meanPairwiseDistance(s, 3, 2), 1e-12);
        assertEquals(0, CollapseMonitor.meanPairwiseDistance(new float[] {1, 1, 1, 1}, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> CollapseMonitor.meanPairwiseDistance(s, 1, 2));
    }
}

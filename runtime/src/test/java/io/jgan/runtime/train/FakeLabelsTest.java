package io.jgan.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.Rng;
import org.junit.jupiter.api.Test;

class FakeLabelsTest {
    private static int[] histogram(FakeLabels labels, int n) {
        int[] drawn = new int[n];
        labels.draw(drawn, n, new Rng(9));
        int[] counts = new int[labels.classes()];
        for (int label : drawn) {
            counts[label]++;
        }
        return counts;
    }

    @Test
    void uniformDrawsEveryClassAboutEquallyOften() {
        int[] counts = histogram(FakeLabels.uniform(4), 40_000);
        for (int c : counts) {
            assertEquals(10_000, c, 400); // 4 standard deviations
        }
    }

    /** Class 1 is absent from the data, class 2 three times as frequent as class 0. */
    @Test
    void frequenciesFollowTheData() {
        int[] counts = histogram(FakeLabels.withFrequencies(new int[] {100, 0, 300}), 40_000);
        assertEquals(0, counts[1]);
        assertEquals(10_000, counts[0], 400);
        assertEquals(30_000, counts[2], 400);
        assertTrue(FakeLabels.withFrequencies(new int[] {1, 1}).followsData());
        assertThrows(IllegalArgumentException.class, () -> FakeLabels.withFrequencies(new int[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> FakeLabels.uniform(1));
    }
}

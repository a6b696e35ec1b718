package io.jgan.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jgan.runtime.Rng;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LabelledEpochDataTest {
    /** Sample i is the value i and has label i % 3: every batch's labels must be its samples' own. */
    @Test
    void labelsTravelWithTheirSamplesThroughTheShuffle() {
        int n = 30;
        float[] data = new float[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            data[i] = i;
            labels[i] = i % 3;
        }
        LabelledEpochData batches = new LabelledEpochData(data, 1, labels, 3, "test", 4, new Rng(2));
        assertArrayEquals(new int[] {10, 10, 10}, batches.classCounts());
        float[] x = new float[4];
        int[] y = new int[4];
        Set<Integer> seen = new HashSet<>();
        for (int b = 0; b < batches.batchesPerEpoch() * 3; b++) {
            batches.next(x, y, 4, null);
            for (int k = 0; k < 4; k++) {
                assertEquals((int) x[k] % 3, y[k], "batch " + b + " sample " + k);
                seen.add((int) x[k]);
            }
        }
        assertEquals(n, seen.size(), "three epochs of 7 shuffled batches of 4 reach all 30 samples");
    }

    @Test
    void aNegativeLabelNamesTheRow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LabelledEpochData(new float[4], 1, new int[] {0, 1, -1, 0}, 2, "y.csv", 2, new Rng(1)));
        assertEquals("y.csv row 2: label -1 is outside [0, 2), the classes of the spec's @Condition; use labels 0 to 1"
                + " or a spec with more classes", e.getMessage());
    }
}

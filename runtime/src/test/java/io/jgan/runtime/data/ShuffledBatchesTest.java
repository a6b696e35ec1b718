package io.jgan.runtime.data;

import io.jgan.runtime.io.AllocationMeter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShuffledBatchesTest {

    /** {@code n} samples of width {@code w}; sample s holds s*w .. s*w + w - 1. */
    private static float[] data(int n, int w) {
        float[] d = new float[n * w];
        for (int i = 0; i < d.length; i++) {
            d[i] = i;
        }
        return d;
    }

    /** Which samples a batch holds, checking each row is an intact copy. */
    private static List<Integer> samplesIn(float[] batch, int batchSize, int w) {
        List<Integer> samples = new ArrayList<>();
        for (int j = 0; j < batchSize; j++) {
            int s = (int) batch[j * w] / w;
            for (int k = 0; k < w; k++) {
                assertEquals(s * w + k, batch[j * w + k], 0f, "row " + j + " is not one whole sample");
            }
            samples.add(s);
        }
        return samples;
    }

    /** The sample order of one whole epoch. */
    private static List<Integer> epoch(ShuffledBatches b) {
        float[] batch = new float[b.batchSize() * b.width()];
        List<Integer> order = new ArrayList<>();
        while (b.next(batch)) {
            order.addAll(samplesIn(batch, b.batchSize(), b.width()));
        }
        return order;
    }

    @Test
    void everyEpochVisitsEachSampleExactlyOnce() {
        ShuffledBatches b = new ShuffledBatches(data(12, 3), 3, 4, new Random(1)::nextInt);
        assertEquals(12, b.samples());
        assertEquals(3, b.batchesPerEpoch());
        for (int e = 0; e < 5; e++) {
            assertEquals(e, b.epoch());
            List<Integer> order = epoch(b);
            assertEquals(12, order.size());
            assertEquals(12, new HashSet<>(order).size());
            assertEquals(e + 1, b.epoch());
        }
    }

    @Test
    void incompleteLastBatchIsSkipped() {
        ShuffledBatches b = new ShuffledBatches(data(10, 2), 2, 3, new Random(2)::nextInt);
        assertEquals(3, b.batchesPerEpoch());
        float[] batch = new float[6];
        for (int i = 0; i < 3; i++) {
            assertTrue(b.next(batch));
            assertEquals(i, b.batchIndex());
        }
        Arrays.fill(batch, -7);
        assertFalse(b.next(batch));
        assertTrue(Arrays.stream(new int[] {0, 1, 2, 3, 4, 5}).allMatch(i -> batch[i] == -7), "dst untouched");
        assertEquals(1, b.epoch());
        assertEquals(-1, b.batchIndex());
        assertTrue(b.next(batch));
        assertEquals(0, b.batchIndex());
    }

    @Test
    void orderIsReshuffledEachEpochAndReproducibleFromTheSeed() {
        ShuffledBatches a = new ShuffledBatches(data(20, 1), 1, 5, new Random(42)::nextInt);
        ShuffledBatches b = new ShuffledBatches(data(20, 1), 1, 5, new Random(42)::nextInt);
        ShuffledBatches c = new ShuffledBatches(data(20, 1), 1, 5, new Random(43)::nextInt);
        List<Integer> a1 = epoch(a);
        List<Integer> a2 = epoch(a);
        assertEquals(a1, epoch(b));
        assertEquals(a2, epoch(b));
        assertNotEquals(a1, a2);
        assertNotEquals(a1, epoch(c));
        List<Integer> identity = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            identity.add(i);
        }
        assertNotEquals(identity, a1);
    }

    @Test
    void labelsFollowTheirSamples() {
        int[] labels = {10, 11, 12, 13, 14, 15};
        ShuffledBatches b = new ShuffledBatches(data(6, 2), 2, labels, 3, new Random(5)::nextInt);
        float[] x = new float[6];
        int[] y = new int[3];
        while (b.next(x, y)) {
            List<Integer> samples = samplesIn(x, 3, 2);
            for (int j = 0; j < 3; j++) {
                assertEquals(10 + samples.get(j), y[j]);
            }
        }
        ShuffledBatches unlabelled = new ShuffledBatches(data(6, 2), 2, 3, new Random(5)::nextInt);
        assertThrows(IllegalStateException.class, () -> unlabelled.next(x, y));
    }

    @Test
    void permutationsAreUniform() {
        // Fisher-Yates makes all 6 orders of 3 samples equally likely; common off-by-one
        // variants (e.g. swapping with any index) are measurably biased.
        ShuffledBatches b = new ShuffledBatches(data(3, 1), 1, 3, new Random(9)::nextInt);
        Map<List<Integer>, Integer> counts = new HashMap<>();
        int epochs = 60_000;
        for (int e = 0; e < epochs; e++) {
            counts.merge(epoch(b), 1, Integer::sum);
        }
        assertEquals(6, counts.size());
        for (Map.Entry<List<Integer>, Integer> entry : counts.entrySet()) {
            double share = entry.getValue() / (double) epochs;
            assertEquals(1 / 6.0, share, 0.01, entry.getKey().toString());
        }
    }

    @Test
    void nextWrappingCrossesEpochs() {
        ShuffledBatches b = new ShuffledBatches(data(4, 1), 1, 2, new Random(3)::nextInt);
        float[] batch = new float[2];
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            b.nextWrapping(batch);
            seen.addAll(samplesIn(batch, 2, 1));
        }
        assertEquals(Set.of(0, 1, 2, 3), seen);
        b.nextWrapping(batch);
        assertEquals(1, b.epoch());
        assertEquals(0, b.batchIndex());
    }

    @Test
    void copyingBatchesDoesNotAllocate() {
        ShuffledBatches b = new ShuffledBatches(data(1000, 16), 16, 32, new Random(4)::nextInt);
        float[] batch = new float[32 * 16];
        b.nextWrapping(batch); // warm up
        long allocated = AllocationMeter.bytesAllocatedBy(() -> {
            for (int i = 0; i < 20_000; i++) {
                b.nextWrapping(batch);
            }
        });
        assertTrue(allocated < 64 * 1024, "allocated " + allocated + " bytes for 20000 batches");
    }

    @Test
    void badRandomnessAndArgumentsAreRejected() {
        ShuffledBatches bad = new ShuffledBatches(data(5, 1), 1, 1, n -> n);
        assertThrows(IllegalStateException.class, () -> bad.next(new float[1]));
        assertThrows(IllegalArgumentException.class, () -> new ShuffledBatches(data(5, 2), 3, 1, n -> 0));
        assertThrows(IllegalArgumentException.class, () -> new ShuffledBatches(data(5, 1), 1, 6, n -> 0));
        assertThrows(IllegalArgumentException.class, () -> new ShuffledBatches(data(5, 1), 1, 0, n -> 0));
        assertThrows(IllegalArgumentException.class, () -> new ShuffledBatches(new float[0], 1, 1, n -> 0));
        assertThrows(IllegalArgumentException.class,
                () -> new ShuffledBatches(data(5, 1), 1, new int[4], 1, n -> 0));
        ShuffledBatches ok = new ShuffledBatches(data(5, 2), 2, 2, n -> 0);
        assertThrows(IllegalArgumentException.class, () -> ok.next(new float[3]));
    }

    @Test
    void constantRandomnessGivesAPredictablePermutation() {
        // randomBelow always 0: i swaps with 0 for i = n-1 .. 1, a fixed rotation-like permutation.
        ShuffledBatches b = new ShuffledBatches(data(4, 1), 1, 4, n -> 0);
        float[] batch = new float[4];
        assertTrue(b.next(batch));
        // [0,1,2,3] -> swap(3,0) [3,1,2,0] -> swap(2,0) [2,1,3,0] -> swap(1,0) [1,2,3,0]
        assertArrayEquals(new float[] {1, 2, 3, 0}, batch);
    }

    @Test
    void restoringTheStateContinuesWithTheSameBatches() {
        io.jgan.runtime.Rng rngA = new io.jgan.runtime.Rng(5);
        ShuffledBatches a = new ShuffledBatches(data(23, 2), 2, 4, rngA::nextInt);
        float[] batch = new float[8];
        for (int k = 0; k < 7; k++) { // into the second epoch (5 batches per epoch)
            a.nextWrapping(batch);
        }
        ShuffledBatches.State state = a.state();
        long[] rngState = rngA.state();
        io.jgan.runtime.Rng rngB = new io.jgan.runtime.Rng(99);
        ShuffledBatches b = new ShuffledBatches(data(23, 2), 2, 4, rngB::nextInt);
        b.restore(state);
        rngB.restore(rngState);
        float[] other = new float[8];
        for (int k = 0; k < 12; k++) { // across two more epoch boundaries, so the reshuffle is checked too
            a.nextWrapping(batch);
            b.nextWrapping(other);
            assertArrayEquals(batch, other, "batch " + k);
            assertEquals(a.epoch(), b.epoch());
            assertEquals(a.batchIndex(), b.batchIndex());
        }
    }

    @Test
    void aStateThatDoesNotFitIsRejected() {
        ShuffledBatches a = new ShuffledBatches(data(10, 1), 1, 2, n -> 0);
        assertThrows(IllegalArgumentException.class,
                () -> a.restore(new ShuffledBatches.State(0, 0, -1, false, new int[9])));
        assertThrows(IllegalArgumentException.class,
                () -> a.restore(new ShuffledBatches.State(0, 0, -1, false, new int[10]))); // not a permutation
        int[] identity = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertThrows(IllegalArgumentException.class,
                () -> a.restore(new ShuffledBatches.State(0, 3, 0, true, identity))); // not a batch boundary
    }

    @Test
    void pixelBatchesEqualFloatBatchesOfTheSameImages() {
        byte[] pixels = new byte[30 * 4];
        for (int k = 0; k < pixels.length; k++) {
            pixels[k] = (byte) (k * 37);
        }
        float[] floats = new float[pixels.length];
        for (int k = 0; k < pixels.length; k++) {
            floats[k] = (pixels[k] & 0xFF) / 127.5f - 1f;
        }
        io.jgan.runtime.Rng a = new io.jgan.runtime.Rng(9);
        io.jgan.runtime.Rng b = new io.jgan.runtime.Rng(9);
        ShuffledBatches fromFloats = new ShuffledBatches(floats, 4, 7, a::nextInt);
        ShuffledBatches fromPixels = ShuffledBatches.ofPixels(pixels, 4, 7, b::nextInt);
        float[] x = new float[28];
        float[] y = new float[28];
        for (int batch = 0; batch < 20; batch++) { // several epochs
            fromFloats.nextWrapping(x);
            fromPixels.nextWrapping(y);
            org.junit.jupiter.api.Assertions.assertArrayEquals(x, y, "batch " + batch);
        }
    }
}

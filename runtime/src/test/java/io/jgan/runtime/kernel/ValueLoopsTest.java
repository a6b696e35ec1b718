package io.jgan.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jgan.runtime.Rng;
import io.jgan.runtime.generated.Activations;
import io.jgan.runtime.generated.Parallel;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ValueRanges} visits every value once on any thread count; {@link ReluGradient} keeps the scalar mask's bits. */
class ValueLoopsTest {
    @ParameterizedTest(name = "{0} values on {1} threads")
    @CsvSource({"0, 2", "1, 2", "32768, 2", "32769, 2", "100000, 1", "100000, 2", "1605632, 2", "1000003, 3"})
    void everyValueIsVisitedOnce(int n, int threads) {
        AtomicIntegerArray visits = new AtomicIntegerArray(n + 1);
        int[] backward = new int[1];
        ValueRanges ranges = new ValueRanges((from, to) -> {
            for (int k = from; k < to; k++) {
                visits.incrementAndGet(k);
            }
        }, (from, to) -> backward[0]++);
        ranges.forward(Parallel.withThreads(threads), n);
        for (int k = 0; k <= n; k++) {
            assertEquals(k < n ? 1 : 0, visits.get(k), "value " + k);
        }
        assertEquals(0, backward[0], "the backward loop did not run");
    }

    @ParameterizedTest(name = "from {0}")
    @ValueSource(ints = {0, 3, 17})
    void reluGradientHasTheScalarMasksBits(int from) {
        float[] special = {0f, -0f, 1f, -1f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
                Float.MIN_VALUE, -Float.MIN_VALUE, 1e-30f};
        int n = 1000;
        float[] v = new float[n];
        float[] d = new float[n];
        Rng rng = new Rng(5);
        for (int k = 0; k < n; k++) {
            v[k] = k < 100 ? special[k % special.length] : rng.nextFloat() - 0.5f;
            d[k] = k < 100 ? special[(k / special.length) % special.length] : rng.nextFloat() - 0.5f;
        }
        float[] dx = new float[n];
        dx[from > 0 ? from - 1 : n - 1] = 7f;
        ReluGradient.apply(v, d, dx, from, n - 1);
        for (int k = 0; k < n; k++) {
            float expected = k >= from && k < n - 1 ? Activations.reluGradient(v[k], d[k])
                    : k == (from > 0 ? from - 1 : n - 1) ? 7f : 0f;
            assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(dx[k]),
                    "value " + k + ": v " + v[k] + ", d " + d[k]);
        }
    }
}

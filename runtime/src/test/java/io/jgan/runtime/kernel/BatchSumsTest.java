package io.jgan.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jgan.runtime.Rng;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link BatchSums} against sums in double precision; it refuses to run without the Vector API. */
class BatchSumsTest {
    @ParameterizedTest(name = "{0} -> {1}, batch {2}")
    @CsvSource({"1, 5, 500", "5, 5, 500", "5, 1, 500", "3, 2, 1", "2, 3, 15", "4, 4, 16", "2, 2, 67", "1, 1, 64"})
    void sumsOverTheBatch(int in, int out, int batch) {
        Rng rng = new Rng(in * 100 + out * 10 + batch);
        float[][] x = rows(in, batch + 5, rng);
        float[][] dy = rows(out, batch + 5, rng);
        int weight = 3;
        int bias = weight + in * out;
        float[] grads = new float[bias + out + 2];
        for (int k = 0; k < grads.length; k++) {
            grads[k] = 2 * rng.nextFloat() - 1;
        }
        float[] before = grads.clone();
        if (!BatchSums.vectorised()) {
            assertThrows(IllegalStateException.class, () -> BatchSums.dense(x, dy, grads, weight, bias, batch));
            return;
        }
        BatchSums.dense(x, dy, grads, weight, bias, batch);
        for (int o = 0; o < out; o++) {
            double s = before[bias + o];
            double abs = Math.abs(s);
            for (int b = 0; b < batch; b++) {
                s += dy[o][b];
                abs += Math.abs(dy[o][b]);
            }
            assertEquals(s, grads[bias + o], 1e-6 * (1 + abs), "bias " + o);
            for (int i = 0; i < in; i++) {
                double w = before[weight + i * out + o];
                double wAbs = Math.abs(w);
                for (int b = 0; b < batch; b++) {
                    w += (double) x[i][b] * dy[o][b];
                    wAbs += Math.abs(x[i][b] * dy[o][b]);
                }
                assertEquals(w, grads[weight + i * out + o], 1e-6 * (1 + wAbs), "weight " + i + ", " + o);
            }
        }
        // Nothing outside the layer's gradients is touched.
        for (int k = 0; k < weight; k++) {
            assertEquals(before[k], grads[k]);
        }
        for (int k = bias + out; k < grads.length; k++) {
            assertEquals(before[k], grads[k]);
        }
    }

    private static float[][] rows(int n, int length, Rng rng) {
        float[][] r = new float[n][length];
        for (float[] row : r) {
            for (int k = 0; k < length; k++) {
                row[k] = 2 * rng.nextFloat() - 1;
            }
        }
        return r;
    }
}

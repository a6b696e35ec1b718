package io.jgan.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.generated.Parallel;
import io.jgan.runtime.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link BatchNormKernel}'s statistics, running estimates and modes, computed here from the definitions. */
class BatchNormKernelTest {
    private static final int WEIGHT = 1;

    private static float[] random(int n, Rng rng, float scale, float shift) {
        float[] v = new float[n];
        for (int k = 0; k < n; k++) {
            v[k] = scale * (2 * rng.nextFloat() - 1) + shift;
        }
        return v;
    }

    @Test
    void trainingNormalisesWithTheBatchStatisticsAndUpdatesTheRunningOnes() {
        int channels = 3, size = 4, batch = 5;
        Rng rng = new Rng(1);
        float[] x = random(batch * channels * size, rng, 2f, 3f);
        float[] params = random(WEIGHT + 2 * channels, rng, 1f, 0f);
        float[] state = new float[2 + BatchNormKernel.stateSize(channels)];
        BatchNormKernel.resetState(channels, state, 2);
        float[] y = new float[x.length];
        BatchNormKernel kernel = new BatchNormKernel(channels, size, 0.25, 1e-3, WEIGHT, batch);
        kernel.forward(Parallel.withThreads(1), x, params, state, 2, y, batch, true);

        int n = batch * size;
        for (int c = 0; c < channels; c++) {
            double mean = 0;
            for (int b = 0; b < batch; b++) {
                for (int s = 0; s < size; s++) {
                    mean += x[(b * channels + c) * size + s];
                }
            }
            mean /= n;
            double squares = 0;
            for (int b = 0; b < batch; b++) {
                for (int s = 0; s < size; s++) {
                    double d = x[(b * channels + c) * size + s] - mean;
                    squares += d * d;
                }
            }
            for (int b = 0; b < batch; b++) {
                for (int s = 0; s < size; s++) {
                    int k = (b * channels + c) * size + s;
                    double expected = params[WEIGHT + c] * (x[k] - mean) / Math.sqrt(squares / n + 1e-3)
                            + params[WEIGHT + channels + c];
                    assertEquals(expected, y[k], 1e-5, "y at " + k);
                }
            }
            assertEquals(0.25 * mean, state[2 + c], 1e-6, "running mean, channel " + c);
            assertEquals(0.75 + 0.25 * squares / (n - 1), state[2 + channels + c], 1e-6, "running var (unbiased)");
        }
        assertEquals(1f, state[2 + 2 * channels], "num_batches_tracked");
        assertEquals(0f, state[0]);
    }

    @Test
    void inferenceUsesTheRunningStatisticsAndLeavesThemAlone() {
        int channels = 2;
        float[] x = {1f, 2f, 3f, 4f}; // batch 2, BatchNorm1d
        float[] params = {0f, 2f, 3f, 0.5f, -1f};
        float[] state = {0.5f, -1f, 4f, 0.25f, 7f};
        float[] y = new float[4];
        new BatchNormKernel(channels, 1, 0.1, 1e-5, WEIGHT, 2).forward(Parallel.withThreads(1), x, params, state, 0, y,
                2, false);
        assertEquals(2 * (1 - 0.5) / Math.sqrt(4 + 1e-5) + 0.5, y[0], 1e-6);
        assertEquals(3 * (2 + 1) / Math.sqrt(0.25 + 1e-5) - 1, y[1], 1e-5);
        assertEquals(2 * (3 - 0.5) / Math.sqrt(4 + 1e-5) + 0.5, y[2], 1e-6);
        assertArrayEquals(new float[] {0.5f, -1f, 4f, 0.25f, 7f}, state, "inference changed the running statistics");
    }

    @Test
    void oneAndTwoThreadsAgreeBitForBit() {
        int channels = 64, size = 49, batch = 32;
        Rng rng = new Rng(2);
        float[] x = random(batch * channels * size, rng, 1f, 0.5f);
        float[] params = random(WEIGHT + 2 * channels, rng, 1f, 0f);
        float[] dy = random(x.length, rng, 1f, 0f);
        float[][] one = run(1, x, params, dy, channels, size, batch);
        float[][] two = run(2, x, params, dy, channels, size, batch);
        for (int k = 0; k < one.length; k++) {
            assertArrayEquals(one[k], two[k], "result " + k + " differs between 1 and 2 threads");
        }
    }

    private static float[][] run(int threads, float[] x, float[] params, float[] dy, int channels, int size, int batch) {
        Parallel parallel = Parallel.withThreads(threads);
        BatchNormKernel kernel = new BatchNormKernel(channels, size, 0.1, 1e-5, WEIGHT, batch);
        float[] state = new float[BatchNormKernel.stateSize(channels)];
        BatchNormKernel.resetState(channels, state, 0);
        float[] y = new float[x.length];
        kernel.forward(parallel, x, params, state, 0, y, batch, true);
        float[] grads = new float[params.length];
        float[] dx = new float[x.length];
        kernel.backward(parallel, x, dy, params, grads, dx, batch);
        return new float[][] {y, state, grads, dx};
    }

    /**
     * Channels go eight at a time, their sums side by side; every channel's sums must still be the
     * one-channel loops below, bit for bit (19 channels: two groups of eight and three alone).
     */
    @ParameterizedTest(name = "{0} channels of {1}, batch {2}")
    @CsvSource({"19, 1, 7", "16, 5, 3", "19, 9, 4", "8, 1, 2"})
    void channelsInGroupsSumAsOneChannelAlone(int channels, int size, int batch) {
        Rng rng = new Rng(channels * 31L + size);
        float[] x = random(batch * channels * size, rng, 1.5f, 0.25f);
        float[] params = random(WEIGHT + 2 * channels, rng, 1f, 0.5f);
        float[] dy = random(x.length, rng, 1f, 0f);
        float[][] got = run(1, x, params, dy, channels, size, batch);

        float[] y = new float[x.length];
        float[] state = new float[BatchNormKernel.stateSize(channels)];
        BatchNormKernel.resetState(channels, state, 0);
        float[] grads = new float[params.length];
        float[] dx = new float[x.length];
        int n = batch * size;
        int stride = channels * size;
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            for (int b = 0; b < batch; b++) {
                for (int k = b * stride + c * size; k < b * stride + (c + 1) * size; k++) {
                    sum += x[k];
                }
            }
            double m = sum / n;
            double squares = 0;
            for (int b = 0; b < batch; b++) {
                for (int k = b * stride + c * size; k < b * stride + (c + 1) * size; k++) {
                    double d = x[k] - m;
                    squares += d * d;
                }
            }
            float is = (float) (1.0 / Math.sqrt(squares / n + 1e-5));
            state[c] = (float) (0.1 * m + 0.9 * (double) state[c]);
            state[channels + c] = (float) (0.1 * squares / (n - 1) + 0.9 * (double) state[channels + c]);
            float mf = (float) m;
            float scale = params[WEIGHT + c] * is;
            double sumDy = 0;
            double sumDyXhat = 0;
            for (int b = 0; b < batch; b++) {
                for (int k = b * stride + c * size; k < b * stride + (c + 1) * size; k++) {
                    y[k] = (x[k] - mf) * scale + params[WEIGHT + channels + c];
                    sumDy += dy[k];
                    sumDyXhat += (double) dy[k] * ((x[k] - mf) * is);
                }
            }
            grads[WEIGHT + c] += (float) sumDyXhat;
            grads[WEIGHT + channels + c] += (float) sumDy;
            float meanDy = (float) (sumDy / n);
            float meanDyXhat = (float) (sumDyXhat / n);
            for (int b = 0; b < batch; b++) {
                for (int k = b * stride + c * size; k < b * stride + (c + 1) * size; k++) {
                    dx[k] = scale * (dy[k] - meanDy - (x[k] - mf) * is * meanDyXhat);
                }
            }
        }
        state[2 * channels] = 1f;
        String[] names = {"output", "state", "parameter gradients", "input gradient"};
        float[][] expected = {y, state, grads, dx};
        for (int k = 0; k < expected.length; k++) {
            assertArrayEquals(expected[k], got[k], names[k] + " differs from one channel at a time");
        }
    }

    @Test
    void oneValuePerChannelCannotBeNormalisedInTraining() {
        BatchNormKernel kernel = new BatchNormKernel(2, 1, 0.1, 1e-5, 0, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kernel.forward(
                Parallel.withThreads(1), new float[2], new float[4], new float[5], 0, new float[2], 1, true));
        assertTrue(e.getMessage().contains("more than one value per channel"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BatchNormKernel(2, 1, 1.5, 1e-5, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> new BatchNormKernel(2, 1, 0.1, 0, 0, 4));
    }
}

package io.jgan.runtime.kernel;

/**
 * The oracle for {@link DenseKernel}: the dense products written as plainly as possible, in double.
 * W is [in][out] at {@code weight}, the bias at {@code bias}, as in the kernel.
 */
final class DenseReference {
    private DenseReference() {}

    /** y[b][o] = bias[o] + sum_i x[b][i] W[i][o]. */
    static double[] forward(float[] x, float[] p, int in, int out, int weight, int bias, int batch) {
        double[] y = new double[batch * out];
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < out; o++) {
                double s = p[bias + o];
                for (int i = 0; i < in; i++) {
                    s += (double) x[b * in + i] * p[weight + i * out + o];
                }
                y[b * out + o] = s;
            }
        }
        return y;
    }

    /** The weight gradient sum_b x[b][i] dy[b][o], [in][out]. */
    static double[] weightGradient(float[] x, float[] dy, int in, int out, int batch) {
        double[] g = new double[in * out];
        for (int i = 0; i < in; i++) {
            for (int o = 0; o < out; o++) {
                double s = 0;
                for (int b = 0; b < batch; b++) {
                    s += (double) x[b * in + i] * dy[b * out + o];
                }
                g[i * out + o] = s;
            }
        }
        return g;
    }

    /** The bias gradient sum_b dy[b][o]. */
    static double[] biasGradient(float[] dy, int out, int batch) {
        double[] g = new double[out];
        for (int o = 0; o < out; o++) {
            for (int b = 0; b < batch; b++) {
                g[o] += dy[b * out + o];
            }
        }
        return g;
    }

    /** dx[b][i] = sum_o dy[b][o] W[i][o]. */
    static double[] inputGradient(float[] dy, float[] p, int in, int out, int weight, int batch) {
        double[] dx = new double[batch * in];
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < in; i++) {
                double s = 0;
                for (int o = 0; o < out; o++) {
                    s += (double) dy[b * out + o] * p[weight + i * out + o];
                }
                dx[b * in + i] = s;
            }
        }
        return dx;
    }

    /**
     * Asserts |actual - expected| <= tolerance * scale[k] for every k, where scale is the sum of the
     * absolute values of the terms (the error bound of float summation grows with it); reports the
     * largest violation and the first bad index, as llm.c's check_tensor does.
     */
    static void assertClose(String what, double[] expected, float[] actual, int offset, double[] scale, double tolerance) {
        double worst = 0;
        int first = -1;
        for (int k = 0; k < expected.length; k++) {
            double err = Math.abs(actual[offset + k] - expected[k]);
            double bound = tolerance * Math.max(scale[k], 1e-30);
            if (!(err <= bound)) {
                if (first < 0) {
                    first = k;
                }
            }
            worst = Math.max(worst, err / Math.max(scale[k], 1e-30));
        }
        if (first >= 0) {
            throw new AssertionError(what + ": max relative error " + worst + " > " + tolerance + "; first bad index "
                    + first + ": expected " + expected[first] + ", got " + actual[offset + first]);
        }
    }
}

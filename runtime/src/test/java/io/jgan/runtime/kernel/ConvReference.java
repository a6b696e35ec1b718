package io.jgan.runtime.kernel;

/**
 * The test oracle of the convolution kernels: PyTorch's definitions as plain loops in double over
 * every connection (input pixel, weight, output pixel) of {@code nn.Conv2d} and
 * {@code nn.ConvTranspose2d}: input [batch][c][h][w], weights in PyTorch's layouts, square kernels.
 * Each connection adds {@code w x} to the output, {@code dy x} to the weight's gradient and
 * {@code dy w} to the input's.
 *
 * @param y the output
 * @param weightGradient the weight's gradient for {@code dy}
 * @param biasGradient the bias's gradient
 * @param inputGradient the input's gradient
 */
record ConvReference(double[] y, double[] weightGradient, double[] biasGradient, double[] inputGradient) {

    /** {@code nn.Conv2d} from [c][h][wd] to [o][..][..]: output (oy, ox) sees input (oy s - p + i, ox s - p + j). */
    static ConvReference conv(float[] x, float[] w, float[] bias, float[] dy, int batch, int c, int h, int wd, int o,
            int k, int s, int p) {
        int oh = Math.floorDiv(h + 2 * p - k, s) + 1;
        int ow = Math.floorDiv(wd + 2 * p - k, s) + 1;
        ConvReference r = new ConvReference(new double[batch * o * oh * ow], new double[w.length], new double[o],
                new double[x.length]);
        for (int b = 0; b < batch; b++) {
            for (int m = 0; m < o; m++) {
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        int out = ((b * o + m) * oh + oy) * ow + ox;
                        r.addBias(bias, dy, out, m);
                        for (int ch = 0; ch < c; ch++) {
                            for (int i = 0; i < k; i++) {
                                for (int j = 0; j < k; j++) {
                                    int iy = oy * s - p + i;
                                    int ix = ox * s - p + j;
                                    if (iy >= 0 && iy < h && ix >= 0 && ix < wd) {
                                        r.connect(x, w, dy, ((b * c + ch) * h + iy) * wd + ix,
                                                ((m * c + ch) * k + i) * k + j, out);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return r;
    }

    /** {@code nn.ConvTranspose2d} from [c][h][wd] to [o][..][..]: input (iy, ix) reaches output (iy s - p + i, ix s - p + j). */
    static ConvReference convTranspose(float[] x, float[] w, float[] bias, float[] dy, int batch, int c, int h, int wd,
            int o, int k, int s, int p, int op) {
        int oh = (h - 1) * s - 2 * p + k + op;
        int ow = (wd - 1) * s - 2 * p + k + op;
        ConvReference r = new ConvReference(new double[batch * o * oh * ow], new double[w.length], new double[o],
                new double[x.length]);
        for (int b = 0; b < batch; b++) {
            for (int m = 0; m < o; m++) {
                for (int q = 0; q < oh * ow; q++) {
                    r.addBias(bias, dy, (b * o + m) * oh * ow + q, m);
                }
            }
            for (int ch = 0; ch < c; ch++) {
                for (int iy = 0; iy < h; iy++) {
                    for (int ix = 0; ix < wd; ix++) {
                        for (int m = 0; m < o; m++) {
                            for (int i = 0; i < k; i++) {
                                for (int j = 0; j < k; j++) {
                                    int oy = iy * s - p + i;
                                    int ox = ix * s - p + j;
                                    if (oy >= 0 && oy < oh && ox >= 0 && ox < ow) {
                                        r.connect(x, w, dy, ((b * c + ch) * h + iy) * wd + ix,
                                                ((ch * o + m) * k + i) * k + j, ((b * o + m) * oh + oy) * ow + ox);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return r;
    }

    private void addBias(float[] bias, float[] dy, int out, int m) {
        if (bias != null) {
            y[out] += bias[m];
        }
        biasGradient[m] += dy[out];
    }

    private void connect(float[] x, float[] w, float[] dy, int in, int wi, int out) {
        y[out] += (double) w[wi] * x[in];
        weightGradient[wi] += (double) dy[out] * x[in];
        inputGradient[in] += (double) dy[out] * w[wi];
    }

    /** The same computation on |x|, |w|, |bias|, |dy|: the scale of each result's rounding error. */
    static float[] abs(float[] a) {
        if (a == null) {
            return null;
        }
        float[] r = new float[a.length];
        for (int k = 0; k < a.length; k++) {
            r[k] = Math.abs(a[k]);
        }
        return r;
    }
}

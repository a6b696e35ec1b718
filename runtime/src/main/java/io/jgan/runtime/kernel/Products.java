package io.jgan.runtime.kernel;

/**
 * The two matrix products the convolution kernels are made of, on the path {@link Simd} chose:
 * {@link VectorProducts}' register-blocked kernels, or the plain loops here (the oracle-shaped
 * fallback when the JVM has no Vector API). Both compute every result in an order fixed by the
 * shape alone, so a result does not depend on which thread computes it.
 */
final class Products {
    static final boolean VECTOR = Simd.enabled();

    private Products() {}

    /** Floats of scratch {@link #dots} needs. */
    static int lanes() {
        return VECTOR ? 16 * VectorProducts.LANES : 0;
    }

    /**
     * {@code C[r][col] += sum_k A(r, k) B[k][col]}: see {@link VectorProducts#multiplyAdd} for the
     * arguments.
     */
    static void multiplyAdd(float[] a, int aAt, int aRow, int aK, float[] b, int bAt, int bK, float[] c, int cAt,
            int cRow, int rows, int n, int col0, int col1) {
        if (VECTOR) {
            VectorProducts.multiplyAdd(a, aAt, aRow, aK, b, bAt, bK, c, cAt, cRow, rows, n, col0, col1);
            return;
        }
        final int width = col1 - col0;
        for (int r = 0; r < rows; r++) {
            final int cr = cAt + r * cRow + col0;
            for (int k = 0; k < n; k++) {
                final float ark = a[aAt + r * aRow + k * aK];
                final int bk = bAt + k * bK + col0;
                for (int j = 0; j < width; j++) {
                    c[cr + j] += ark * b[bk + j];
                }
            }
        }
    }

    /**
     * {@code D[r][q] = sum_k U[r][k] V[q][k]}: see {@link VectorProducts#dots} for the arguments.
     */
    static void dots(float[] u, int uAt, int uRow, float[] v, int vAt, int vRow, float[] d, int dAt, int dRow,
            int rows, int n, int q0, int q1, float[] lanes) {
        if (VECTOR) {
            VectorProducts.dots(u, uAt, uRow, v, vAt, vRow, d, dAt, dRow, rows, n, q0, q1, lanes);
            return;
        }
        for (int r = 0; r < rows; r++) {
            final int ur = uAt + r * uRow;
            for (int q = q0; q < q1; q++) {
                final int vq = vAt + q * vRow;
                // Four partial sums, so that the additions overlap.
                float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f;
                int k = 0;
                for (; k + 4 <= n; k += 4) {
                    s0 += u[ur + k] * v[vq + k];
                    s1 += u[ur + k + 1] * v[vq + k + 1];
                    s2 += u[ur + k + 2] * v[vq + k + 2];
                    s3 += u[ur + k + 3] * v[vq + k + 3];
                }
                for (; k < n; k++) {
                    s0 += u[ur + k] * v[vq + k];
                }
                d[dAt + r * dRow + q] = (s0 + s1) + (s2 + s3);
            }
        }
    }
}

package io.jgan.runtime.kernel;

/**
 * The matrix product the convolution kernels are made of, on the path {@link Simd} chose:
 * {@link VectorProducts}' register-blocked kernels, or the plain loops here (the oracle-shaped
 * fallback when the JVM has no Vector API). Both compute every result in an order fixed by the
 * shape alone, so a result does not depend on which thread computes it.
 */
final class Products {
    static final boolean VECTOR = Simd.enabled();

    private Products() {}

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
     * {@code C[r][col] += sum_k A(r, k) B[k][col]} with {@code A(r, k) = a[rowAt[rowFrom + r] + kAt[kFrom + k]]}:
     * see {@link VectorProducts#multiplyAddGathered}. The plain loops sum in the order of
     * {@link #multiplyAdd}'s.
     */
    static void multiplyAddGathered(float[] a, int[] rowAt, int rowFrom, int[] kAt, int kFrom, float[] b, int bAt,
            int bK, float[] c, int cAt, int cRow, int rows, int n, int col0, int col1) {
        if (VECTOR) {
            VectorProducts.multiplyAddGathered(a, rowAt, rowFrom, kAt, kFrom, b, bAt, bK, c, cAt, cRow, rows, n, col0,
                    col1);
            return;
        }
        final int width = col1 - col0;
        for (int r = 0; r < rows; r++) {
            final int cr = cAt + r * cRow + col0;
            final int ar = rowAt[rowFrom + r];
            for (int k = 0; k < n; k++) {
                final float ark = a[ar + kAt[kFrom + k]];
                final int bk = bAt + k * bK + col0;
                for (int j = 0; j < width; j++) {
                    c[cr + j] += ark * b[bk + j];
                }
            }
        }
    }
}

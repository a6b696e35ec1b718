package io.jgan.runtime.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The matrix products of {@link DenseKernel} written with the Vector API (the incubating module
 * {@code jdk.incubator.vector}), used when the JVM runs with {@code --add-modules jdk.incubator.vector}.
 * This class is loaded only then: see {@link Simd}.
 *
 * <p><b>Register blocking.</b> C2's auto-vectorisation keeps every accumulator in memory, so each
 * multiply-add costs loads and stores. Here a block of 5 rows by 4 vectors of the result (20 of
 * the 32 vector registers) stays in registers while the whole shared dimension streams past: per
 * step, 4 vector loads of one row of B and 5 broadcasts of A feed 20 fused multiply-adds. This is
 * the micro-kernel shape of BLAS libraries; on one core it runs at about 150 GFLOP/s with 16-float
 * vectors against about 55 for the auto-vectorised loops.
 *
 * <p>All three products of a dense layer are {@code C += A B} with A read through strides:
 * <ul>
 * <li>forward {@code y = x W}: A = x [batch][in], B = W [in][out];
 * <li>weight gradient {@code gW += x^T dy}: A = x read transposed, B = dy;
 * <li>input gradient {@code dx = dy W^T}: B would be W transposed, which is not contiguous along
 *     the vector, so it is done as dot products of rows of dy and rows of W ({@link #dots}).
 * </ul>
 *
 * <p><b>No vector leaves a method.</b> A {@code FloatVector} passed to or returned from a call
 * that C2 does not inline becomes an object. So there are no helpers that take or return vectors
 * (not even a one-line {@code load}: C2 compiled it on its own once, then declined to inline it at
 * the kernels' cold call sites, and every accumulator load allocated), only calls of the JDK's own
 * vector methods, which are force-inlined.
 *
 * <p><b>Determinism.</b> Each result is one fused multiply-add chain in the order of the shared
 * dimension (dot products: per lane, then the lanes summed left to right), computed by one thread:
 * the same for any thread count, and the same interpreted or compiled, since a fused multiply-add
 * has one correctly rounded result. It differs in rounding from the auto-vectorised path.
 */
final class VectorProducts {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Floats per vector. */
    static final int LANES = S.length();
    /** Columns of the register block. */
    static final int PANEL = 4 * LANES;

    private VectorProducts() {}

    /** Whether the vectors are wide enough to beat the auto-vectorised loops (AVX2 or better). */
    static boolean worthwhile() {
        return LANES >= 8;
    }

    /**
     * {@code C[r][col] += sum_k A(r, k) B[k][col]} for rows {@code r < rows}, columns
     * {@code [col0, col1)} and {@code k < n}, where A(r, k) is {@code a[aAt + r aRow + k aK]},
     * B[k][col] is {@code b[bAt + k bK + col]} and C[r][col] is {@code c[cAt + r cRow + col]}.
     *
     * @param a the left factor's array
     * @param aAt offset of A(0, 0)
     * @param aRow stride between rows of A
     * @param aK stride along the shared dimension in A
     * @param b the right factor's array
     * @param bAt offset of B[0][0]
     * @param bK stride between rows of B
     * @param c the result's array
     * @param cAt offset of C[0][0]
     * @param cRow stride between rows of C
     * @param rows rows of A and C
     * @param n the shared dimension
     * @param col0 first column
     * @param col1 end of the columns
     */
    static void multiplyAdd(float[] a, int aAt, int aRow, int aK, float[] b, int bAt, int bK, float[] c, int cAt,
            int cRow, int rows, int n, int col0, int col1) {
        int col = col0;
        for (; col + PANEL <= col1; col += PANEL) {
            int r = 0;
            for (; r + 5 <= rows; r += 5) {
                block5x4(a, aAt + r * aRow, aRow, aK, b, bAt + col, bK, c, cAt + r * cRow + col, cRow, n);
            }
            for (; r < rows; r++) {
                block1x4(a, aAt + r * aRow, aK, b, bAt + col, bK, c, cAt + r * cRow + col, n);
            }
        }
        for (; col + LANES <= col1; col += LANES) {
            int r = 0;
            for (; r + 5 <= rows; r += 5) {
                block5x1(a, aAt + r * aRow, aRow, aK, b, bAt + col, bK, c, cAt + r * cRow + col, cRow, n);
            }
            for (; r < rows; r++) {
                block1x1(a, aAt + r * aRow, aK, b, bAt + col, bK, c, cAt + r * cRow + col, n);
            }
        }
        // The last columns, fewer than a vector, one by one: masked vector loads and stores are not
        // compiled to vector instructions in JDK 17 (they run about 50 times slower).
        for (; col < col1; col++) {
            for (int r = 0; r < rows; r++) {
                float s = c[cAt + r * cRow + col];
                for (int k = 0, ak = aAt + r * aRow, bk = bAt + col; k < n; k++, ak += aK, bk += bK) {
                    s = Math.fma(a[ak], b[bk], s);
                }
                c[cAt + r * cRow + col] = s;
            }
        }
    }

    /**
     * {@link #multiplyAdd} with A gathered: {@code A(r, k) = a[rowAt[rowFrom + r] + kAt[kFrom + k]]}, the
     * form of a convolution's patches read from a zero-padded image (row: where a patch starts;
     * k: where its entry sits in the patch), so they need not be copied out (implicit GEMM). Every
     * result is the same fused multiply-add chain over k in order as in {@link #multiplyAdd}. Its
     * blocks repeat {@link #multiplyAdd}'s with another address for A, and six rows instead of five
     * (8-14% faster on the DCGAN's convolutions with 16-float vectors): no vector may leave a
     * method (see the class comment), and an offset table would cost the dense layers a load per step.
     *
     * @param a the gathered factor's array
     * @param rowAt offsets of the rows of A
     * @param rowFrom the first of them
     * @param kAt offsets of A's entries along the shared dimension
     * @param kFrom the first of them
     * @param b the right factor's array
     * @param bAt offset of B[0][0]
     * @param bK stride between rows of B
     * @param c the result's array
     * @param cAt offset of C[0][0]
     * @param cRow stride between rows of C
     * @param rows rows of A and C
     * @param n the shared dimension
     * @param col0 first column
     * @param col1 end of the columns
     */
    static void multiplyAddGathered(float[] a, int[] rowAt, int rowFrom, int[] kAt, int kFrom, float[] b, int bAt,
            int bK, float[] c, int cAt, int cRow, int rows, int n, int col0, int col1) {
        int col = col0;
        for (; col + PANEL <= col1; col += PANEL) {
            int r = 0;
            for (; r + 6 <= rows; r += 6) {
                gathered6x4(a, rowAt, rowFrom + r, kAt, kFrom, b, bAt + col, bK, c, cAt + r * cRow + col, cRow, n);
            }
            for (; r < rows; r++) {
                gathered1x4(a, rowAt[rowFrom + r], kAt, kFrom, b, bAt + col, bK, c, cAt + r * cRow + col, n);
            }
        }
        for (; col + LANES <= col1; col += LANES) {
            for (int r = 0; r < rows; r++) {
                gathered1x1(a, rowAt[rowFrom + r], kAt, kFrom, b, bAt + col, bK, c, cAt + r * cRow + col, n);
            }
        }
        for (; col < col1; col++) {
            for (int r = 0; r < rows; r++) {
                final int ar = rowAt[rowFrom + r];
                float s = c[cAt + r * cRow + col];
                for (int k = 0, bk = bAt + col; k < n; k++, bk += bK) {
                    s = Math.fma(a[ar + kAt[kFrom + k]], b[bk], s);
                }
                c[cAt + r * cRow + col] = s;
            }
        }
    }

    /** {@link #block1x1} with A gathered. */
    private static void gathered1x1(float[] a, int aAt, int[] kAt, int kFrom, float[] b, int bAt, int bK, float[] c,
            int cAt, int n) {
        FloatVector s = FloatVector.fromArray(S, c, cAt);
        for (int k = 0, bk = bAt; k < n; k++, bk += bK) {
            s = FloatVector.fromArray(S, b, bk).fma(FloatVector.broadcast(S, a[aAt + kAt[kFrom + k]]), s);
        }
        s.intoArray(c, cAt);
    }

    /** {@link #block5x4} with A gathered, and six rows: 24 accumulators, 4 vectors of B and a broadcast in 29 of the 32 registers. */
    private static void gathered6x4(float[] a, int[] rowAt, int r, int[] kAt, int kFrom, float[] b, int bAt, int bK,
            float[] c, int cAt, int cRow, int n) {
        final int l = LANES;
        final int c0 = cAt + 0 * cRow;
        final int c1 = cAt + 1 * cRow;
        final int c2 = cAt + 2 * cRow;
        final int c3 = cAt + 3 * cRow;
        final int c4 = cAt + 4 * cRow;
        final int c5 = cAt + 5 * cRow;
        FloatVector s00 = FloatVector.fromArray(S, c, c0);
        FloatVector s01 = FloatVector.fromArray(S, c, c0 + l);
        FloatVector s02 = FloatVector.fromArray(S, c, c0 + 2 * l);
        FloatVector s03 = FloatVector.fromArray(S, c, c0 + 3 * l);
        FloatVector s10 = FloatVector.fromArray(S, c, c1);
        FloatVector s11 = FloatVector.fromArray(S, c, c1 + l);
        FloatVector s12 = FloatVector.fromArray(S, c, c1 + 2 * l);
        FloatVector s13 = FloatVector.fromArray(S, c, c1 + 3 * l);
        FloatVector s20 = FloatVector.fromArray(S, c, c2);
        FloatVector s21 = FloatVector.fromArray(S, c, c2 + l);
        FloatVector s22 = FloatVector.fromArray(S, c, c2 + 2 * l);
        FloatVector s23 = FloatVector.fromArray(S, c, c2 + 3 * l);
        FloatVector s30 = FloatVector.fromArray(S, c, c3);
        FloatVector s31 = FloatVector.fromArray(S, c, c3 + l);
        FloatVector s32 = FloatVector.fromArray(S, c, c3 + 2 * l);
        FloatVector s33 = FloatVector.fromArray(S, c, c3 + 3 * l);
        FloatVector s40 = FloatVector.fromArray(S, c, c4);
        FloatVector s41 = FloatVector.fromArray(S, c, c4 + l);
        FloatVector s42 = FloatVector.fromArray(S, c, c4 + 2 * l);
        FloatVector s43 = FloatVector.fromArray(S, c, c4 + 3 * l);
        FloatVector s50 = FloatVector.fromArray(S, c, c5);
        FloatVector s51 = FloatVector.fromArray(S, c, c5 + l);
        FloatVector s52 = FloatVector.fromArray(S, c, c5 + 2 * l);
        FloatVector s53 = FloatVector.fromArray(S, c, c5 + 3 * l);
        final int a0 = rowAt[r + 0];
        final int a1 = rowAt[r + 1];
        final int a2 = rowAt[r + 2];
        final int a3 = rowAt[r + 3];
        final int a4 = rowAt[r + 4];
        final int a5 = rowAt[r + 5];
        for (int k = 0, bk = bAt; k < n; k++, bk += bK) {
            final int ak = kAt[kFrom + k];
            FloatVector b0 = FloatVector.fromArray(S, b, bk);
            FloatVector b1 = FloatVector.fromArray(S, b, bk + l);
            FloatVector b2 = FloatVector.fromArray(S, b, bk + 2 * l);
            FloatVector b3 = FloatVector.fromArray(S, b, bk + 3 * l);
            FloatVector v = FloatVector.broadcast(S, a[a0 + ak]);
            s00 = b0.fma(v, s00);
            s01 = b1.fma(v, s01);
            s02 = b2.fma(v, s02);
            s03 = b3.fma(v, s03);
            v = FloatVector.broadcast(S, a[a1 + ak]);
            s10 = b0.fma(v, s10);
            s11 = b1.fma(v, s11);
            s12 = b2.fma(v, s12);
            s13 = b3.fma(v, s13);
            v = FloatVector.broadcast(S, a[a2 + ak]);
            s20 = b0.fma(v, s20);
            s21 = b1.fma(v, s21);
            s22 = b2.fma(v, s22);
            s23 = b3.fma(v, s23);
            v = FloatVector.broadcast(S, a[a3 + ak]);
            s30 = b0.fma(v, s30);
            s31 = b1.fma(v, s31);
            s32 = b2.fma(v, s32);
            s33 = b3.fma(v, s33);
            v = FloatVector.broadcast(S, a[a4 + ak]);
            s40 = b0.fma(v, s40);
            s41 = b1.fma(v, s41);
            s42 = b2.fma(v, s42);
            s43 = b3.fma(v, s43);
            v = FloatVector.broadcast(S, a[a5 + ak]);
            s50 = b0.fma(v, s50);
            s51 = b1.fma(v, s51);
            s52 = b2.fma(v, s52);
            s53 = b3.fma(v, s53);
        }
        s00.intoArray(c, c0);
        s01.intoArray(c, c0 + l);
        s02.intoArray(c, c0 + 2 * l);
        s03.intoArray(c, c0 + 3 * l);
        s10.intoArray(c, c1);
        s11.intoArray(c, c1 + l);
        s12.intoArray(c, c1 + 2 * l);
        s13.intoArray(c, c1 + 3 * l);
        s20.intoArray(c, c2);
        s21.intoArray(c, c2 + l);
        s22.intoArray(c, c2 + 2 * l);
        s23.intoArray(c, c2 + 3 * l);
        s30.intoArray(c, c3);
        s31.intoArray(c, c3 + l);
        s32.intoArray(c, c3 + 2 * l);
        s33.intoArray(c, c3 + 3 * l);
        s40.intoArray(c, c4);
        s41.intoArray(c, c4 + l);
        s42.intoArray(c, c4 + 2 * l);
        s43.intoArray(c, c4 + 3 * l);
        s50.intoArray(c, c5);
        s51.intoArray(c, c5 + l);
        s52.intoArray(c, c5 + 2 * l);
        s53.intoArray(c, c5 + 3 * l);
    }

    /** {@link #block1x4} with A gathered: row {@code aAt + kAt[k]}. */
    private static void gathered1x4(float[] a, int aAt, int[] kAt, int kFrom, float[] b, int bAt, int bK, float[] c,
            int cAt, int n) {
        final int l = LANES;
        FloatVector s0 = FloatVector.fromArray(S, c, cAt);
        FloatVector s1 = FloatVector.fromArray(S, c, cAt + l);
        FloatVector s2 = FloatVector.fromArray(S, c, cAt + 2 * l);
        FloatVector s3 = FloatVector.fromArray(S, c, cAt + 3 * l);
        for (int k = 0, bk = bAt; k < n; k++, bk += bK) {
            FloatVector v = FloatVector.broadcast(S, a[aAt + kAt[kFrom + k]]);
            s0 = FloatVector.fromArray(S, b, bk).fma(v, s0);
            s1 = FloatVector.fromArray(S, b, bk + l).fma(v, s1);
            s2 = FloatVector.fromArray(S, b, bk + 2 * l).fma(v, s2);
            s3 = FloatVector.fromArray(S, b, bk + 3 * l).fma(v, s3);
        }
        s0.intoArray(c, cAt);
        s1.intoArray(c, cAt + l);
        s2.intoArray(c, cAt + 2 * l);
        s3.intoArray(c, cAt + 3 * l);
    }

    /** Five rows by four vectors: the micro-kernel, 20 accumulators in registers. */
    private static void block5x4(float[] a, int aAt, int aRow, int aK, float[] b, int bAt, int bK, float[] c,
            int cAt, int cRow, int n) {
        final int l = LANES;
        final int c0 = cAt;
        final int c1 = c0 + cRow;
        final int c2 = c1 + cRow;
        final int c3 = c2 + cRow;
        final int c4 = c3 + cRow;
        FloatVector s00 = FloatVector.fromArray(S, c, c0);
        FloatVector s01 = FloatVector.fromArray(S, c, c0 + l);
        FloatVector s02 = FloatVector.fromArray(S, c, c0 + 2 * l);
        FloatVector s03 = FloatVector.fromArray(S, c, c0 + 3 * l);
        FloatVector s10 = FloatVector.fromArray(S, c, c1);
        FloatVector s11 = FloatVector.fromArray(S, c, c1 + l);
        FloatVector s12 = FloatVector.fromArray(S, c, c1 + 2 * l);
        FloatVector s13 = FloatVector.fromArray(S, c, c1 + 3 * l);
        FloatVector s20 = FloatVector.fromArray(S, c, c2);
        FloatVector s21 = FloatVector.fromArray(S, c, c2 + l);
        FloatVector s22 = FloatVector.fromArray(S, c, c2 + 2 * l);
        FloatVector s23 = FloatVector.fromArray(S, c, c2 + 3 * l);
        FloatVector s30 = FloatVector.fromArray(S, c, c3);
        FloatVector s31 = FloatVector.fromArray(S, c, c3 + l);
        FloatVector s32 = FloatVector.fromArray(S, c, c3 + 2 * l);
        FloatVector s33 = FloatVector.fromArray(S, c, c3 + 3 * l);
        FloatVector s40 = FloatVector.fromArray(S, c, c4);
        FloatVector s41 = FloatVector.fromArray(S, c, c4 + l);
        FloatVector s42 = FloatVector.fromArray(S, c, c4 + 2 * l);
        FloatVector s43 = FloatVector.fromArray(S, c, c4 + 3 * l);
        final int a0 = aAt;
        final int a1 = a0 + aRow;
        final int a2 = a1 + aRow;
        final int a3 = a2 + aRow;
        final int a4 = a3 + aRow;
        for (int k = 0, ak = 0, bk = bAt; k < n; k++, ak += aK, bk += bK) {
            FloatVector b0 = FloatVector.fromArray(S, b, bk);
            FloatVector b1 = FloatVector.fromArray(S, b, bk + l);
            FloatVector b2 = FloatVector.fromArray(S, b, bk + 2 * l);
            FloatVector b3 = FloatVector.fromArray(S, b, bk + 3 * l);
            FloatVector v = FloatVector.broadcast(S, a[a0 + ak]);
            s00 = b0.fma(v, s00);
            s01 = b1.fma(v, s01);
            s02 = b2.fma(v, s02);
            s03 = b3.fma(v, s03);
            v = FloatVector.broadcast(S, a[a1 + ak]);
            s10 = b0.fma(v, s10);
            s11 = b1.fma(v, s11);
            s12 = b2.fma(v, s12);
            s13 = b3.fma(v, s13);
            v = FloatVector.broadcast(S, a[a2 + ak]);
            s20 = b0.fma(v, s20);
            s21 = b1.fma(v, s21);
            s22 = b2.fma(v, s22);
            s23 = b3.fma(v, s23);
            v = FloatVector.broadcast(S, a[a3 + ak]);
            s30 = b0.fma(v, s30);
            s31 = b1.fma(v, s31);
            s32 = b2.fma(v, s32);
            s33 = b3.fma(v, s33);
            v = FloatVector.broadcast(S, a[a4 + ak]);
            s40 = b0.fma(v, s40);
            s41 = b1.fma(v, s41);
            s42 = b2.fma(v, s42);
            s43 = b3.fma(v, s43);
        }
        s00.intoArray(c, c0);
        s01.intoArray(c, c0 + l);
        s02.intoArray(c, c0 + 2 * l);
        s03.intoArray(c, c0 + 3 * l);
        s10.intoArray(c, c1);
        s11.intoArray(c, c1 + l);
        s12.intoArray(c, c1 + 2 * l);
        s13.intoArray(c, c1 + 3 * l);
        s20.intoArray(c, c2);
        s21.intoArray(c, c2 + l);
        s22.intoArray(c, c2 + 2 * l);
        s23.intoArray(c, c2 + 3 * l);
        s30.intoArray(c, c3);
        s31.intoArray(c, c3 + l);
        s32.intoArray(c, c3 + 2 * l);
        s33.intoArray(c, c3 + 3 * l);
        s40.intoArray(c, c4);
        s41.intoArray(c, c4 + l);
        s42.intoArray(c, c4 + 2 * l);
        s43.intoArray(c, c4 + 3 * l);
    }

    /** One row by four vectors, for the rows left after the blocks of five. */
    private static void block1x4(float[] a, int aAt, int aK, float[] b, int bAt, int bK, float[] c, int cAt, int n) {
        final int l = LANES;
        FloatVector s0 = FloatVector.fromArray(S, c, cAt);
        FloatVector s1 = FloatVector.fromArray(S, c, cAt + l);
        FloatVector s2 = FloatVector.fromArray(S, c, cAt + 2 * l);
        FloatVector s3 = FloatVector.fromArray(S, c, cAt + 3 * l);
        for (int k = 0, ak = aAt, bk = bAt; k < n; k++, ak += aK, bk += bK) {
            FloatVector v = FloatVector.broadcast(S, a[ak]);
            s0 = FloatVector.fromArray(S, b, bk).fma(v, s0);
            s1 = FloatVector.fromArray(S, b, bk + l).fma(v, s1);
            s2 = FloatVector.fromArray(S, b, bk + 2 * l).fma(v, s2);
            s3 = FloatVector.fromArray(S, b, bk + 3 * l).fma(v, s3);
        }
        s0.intoArray(c, cAt);
        s1.intoArray(c, cAt + l);
        s2.intoArray(c, cAt + 2 * l);
        s3.intoArray(c, cAt + 3 * l);
    }

    /** Five rows by one vector: the columns left after the panels. */
    private static void block5x1(float[] a, int aAt, int aRow, int aK, float[] b, int bAt, int bK, float[] c,
            int cAt, int cRow, int n) {
        FloatVector s0 = FloatVector.fromArray(S, c, cAt);
        FloatVector s1 = FloatVector.fromArray(S, c, cAt + cRow);
        FloatVector s2 = FloatVector.fromArray(S, c, cAt + 2 * cRow);
        FloatVector s3 = FloatVector.fromArray(S, c, cAt + 3 * cRow);
        FloatVector s4 = FloatVector.fromArray(S, c, cAt + 4 * cRow);
        for (int k = 0, ak = aAt, bk = bAt; k < n; k++, ak += aK, bk += bK) {
            FloatVector w = FloatVector.fromArray(S, b, bk);
            s0 = w.fma(FloatVector.broadcast(S, a[ak]), s0);
            s1 = w.fma(FloatVector.broadcast(S, a[ak + aRow]), s1);
            s2 = w.fma(FloatVector.broadcast(S, a[ak + 2 * aRow]), s2);
            s3 = w.fma(FloatVector.broadcast(S, a[ak + 3 * aRow]), s3);
            s4 = w.fma(FloatVector.broadcast(S, a[ak + 4 * aRow]), s4);
        }
        s0.intoArray(c, cAt);
        s1.intoArray(c, cAt + cRow);
        s2.intoArray(c, cAt + 2 * cRow);
        s3.intoArray(c, cAt + 3 * cRow);
        s4.intoArray(c, cAt + 4 * cRow);
    }

    /** One row by one vector. */
    private static void block1x1(float[] a, int aAt, int aK, float[] b, int bAt, int bK, float[] c, int cAt, int n) {
        FloatVector s = FloatVector.fromArray(S, c, cAt);
        for (int k = 0, ak = aAt, bk = bAt; k < n; k++, ak += aK, bk += bK) {
            s = FloatVector.fromArray(S, b, bk).fma(FloatVector.broadcast(S, a[ak]), s);
        }
        s.intoArray(c, cAt);
    }

    /**
     * {@code D[r][q] = sum_k U[r][k] V[q][k]} for rows {@code r < rows} and {@code q} in
     * {@code [q0, q1)}, {@code k < n}: U[r][k] is {@code u[uAt + r uRow + k]}, V[q][k] is
     * {@code v[vAt + q vRow + k]}, D[r][q] is {@code d[dAt + r dRow + q]}. Both factors are read
     * along their rows, so this is the input gradient {@code dx = dy W^T} without transposing W.
     *
     * @param u the left factor's array
     * @param uAt offset of U[0][0]
     * @param uRow stride between rows of U
     * @param v the right factor's array
     * @param vAt offset of V[0][0]
     * @param vRow stride between rows of V
     * @param d the result's array
     * @param dAt offset of D[0][0]
     * @param dRow stride between rows of D
     * @param rows rows of U and D
     * @param n the shared dimension
     * @param q0 first row of V (column of D)
     * @param q1 end of the rows of V
     * @param lanes scratch of at least {@code 16 * LANES} floats
     */
    static void dots(float[] u, int uAt, int uRow, float[] v, int vAt, int vRow, float[] d, int dAt, int dRow,
            int rows, int n, int q0, int q1, float[] lanes) {
        int q = q0;
        for (; q + 4 <= q1; q += 4) {
            int r = 0;
            for (; r + 4 <= rows; r += 4) {
                dots4x4(u, uAt + r * uRow, uRow, v, vAt + q * vRow, vRow, n, lanes);
                final int full = n - n % LANES;
                for (int i = 0; i < 16; i++) {
                    final int ur = uAt + (r + i / 4) * uRow;
                    final int vq = vAt + (q + i % 4) * vRow;
                    d[dAt + (r + i / 4) * dRow + q + i % 4] = sumLanes(lanes, i * LANES) + tail(u, ur, v, vq, full, n);
                }
            }
            for (; r < rows; r++) {
                for (int j = q; j < q + 4; j++) {
                    d[dAt + r * dRow + j] = dot(u, uAt + r * uRow, v, vAt + j * vRow, n, lanes);
                }
            }
        }
        for (; q < q1; q++) {
            for (int r = 0; r < rows; r++) {
                d[dAt + r * dRow + q] = dot(u, uAt + r * uRow, v, vAt + q * vRow, n, lanes);
            }
        }
    }

    /** Four rows of U against four rows of V: 16 vectors of per-lane partial sums, into {@code lanes}. */
    private static void dots4x4(float[] u, int uAt, int uRow, float[] v, int vAt, int vRow, int n, float[] lanes) {
        final int u1 = uAt + uRow;
        final int u2 = u1 + uRow;
        final int u3 = u2 + uRow;
        final int v1 = vAt + vRow;
        final int v2 = v1 + vRow;
        final int v3 = v2 + vRow;
        FloatVector s00 = FloatVector.zero(S), s01 = s00, s02 = s00, s03 = s00, s10 = s00, s11 = s00, s12 = s00,
                s13 = s00, s20 = s00, s21 = s00, s22 = s00, s23 = s00, s30 = s00, s31 = s00, s32 = s00, s33 = s00;
        final int full = n - n % LANES;
        for (int k = 0; k < full; k += LANES) {
            FloatVector x0 = FloatVector.fromArray(S, u, uAt + k);
            FloatVector x1 = FloatVector.fromArray(S, u, u1 + k);
            FloatVector x2 = FloatVector.fromArray(S, u, u2 + k);
            FloatVector x3 = FloatVector.fromArray(S, u, u3 + k);
            FloatVector w = FloatVector.fromArray(S, v, vAt + k);
            s00 = x0.fma(w, s00);
            s10 = x1.fma(w, s10);
            s20 = x2.fma(w, s20);
            s30 = x3.fma(w, s30);
            w = FloatVector.fromArray(S, v, v1 + k);
            s01 = x0.fma(w, s01);
            s11 = x1.fma(w, s11);
            s21 = x2.fma(w, s21);
            s31 = x3.fma(w, s31);
            w = FloatVector.fromArray(S, v, v2 + k);
            s02 = x0.fma(w, s02);
            s12 = x1.fma(w, s12);
            s22 = x2.fma(w, s22);
            s32 = x3.fma(w, s32);
            w = FloatVector.fromArray(S, v, v3 + k);
            s03 = x0.fma(w, s03);
            s13 = x1.fma(w, s13);
            s23 = x2.fma(w, s23);
            s33 = x3.fma(w, s33);
        }
        final int l = LANES;
        s00.intoArray(lanes, 0);
        s01.intoArray(lanes, l);
        s02.intoArray(lanes, 2 * l);
        s03.intoArray(lanes, 3 * l);
        s10.intoArray(lanes, 4 * l);
        s11.intoArray(lanes, 5 * l);
        s12.intoArray(lanes, 6 * l);
        s13.intoArray(lanes, 7 * l);
        s20.intoArray(lanes, 8 * l);
        s21.intoArray(lanes, 9 * l);
        s22.intoArray(lanes, 10 * l);
        s23.intoArray(lanes, 11 * l);
        s30.intoArray(lanes, 12 * l);
        s31.intoArray(lanes, 13 * l);
        s32.intoArray(lanes, 14 * l);
        s33.intoArray(lanes, 15 * l);
    }

    /**
     * {@code sum_k u[uAt + k] v[vAt + k]} for {@code k < n} ({@code lanes}: scratch of
     * {@link #LANES} floats): four vectors of partial sums, so that the multiply-adds overlap, added
     * together; their lanes summed ({@link #sumLanes}), then the last floats, fewer than a vector.
     */
    static float dot(float[] u, int uAt, float[] v, int vAt, int n, float[] lanes) {
        FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
        int k = 0;
        for (; k + 4 * LANES <= n; k += 4 * LANES) {
            s0 = FloatVector.fromArray(S, u, uAt + k).fma(FloatVector.fromArray(S, v, vAt + k), s0);
            s1 = FloatVector.fromArray(S, u, uAt + k + LANES).fma(FloatVector.fromArray(S, v, vAt + k + LANES), s1);
            s2 = FloatVector.fromArray(S, u, uAt + k + 2 * LANES)
                    .fma(FloatVector.fromArray(S, v, vAt + k + 2 * LANES), s2);
            s3 = FloatVector.fromArray(S, u, uAt + k + 3 * LANES)
                    .fma(FloatVector.fromArray(S, v, vAt + k + 3 * LANES), s3);
        }
        for (; k + LANES <= n; k += LANES) {
            s0 = FloatVector.fromArray(S, u, uAt + k).fma(FloatVector.fromArray(S, v, vAt + k), s0);
        }
        s0.add(s1).add(s2.add(s3)).intoArray(lanes, 0);
        return sumLanes(lanes, 0) + tail(u, uAt, v, vAt, k, n);
    }

    /** {@code sum_k u[uAt + k] v[vAt + k]} for k in [from, n), in order: the part of a dot product after its last full vector. */
    private static float tail(float[] u, int uAt, float[] v, int vAt, int from, int n) {
        float s = 0f;
        for (int k = from; k < n; k++) {
            s = Math.fma(u[uAt + k], v[vAt + k], s);
        }
        return s;
    }

    /**
     * The {@link #LANES} floats at {@code at} summed left to right. Not {@code reduceLanes}: its
     * order is left to the implementation and may differ between the interpreter and compiled code.
     * (A pairwise tree, with shorter chains of dependent additions, measured twice as slow in the
     * input gradient, which sums 16 vectors per block.)
     */
    private static float sumLanes(float[] lanes, int at) {
        float s = lanes[at];
        for (int i = 1; i < LANES; i++) {
            s += lanes[at + i];
        }
        return s;
    }

    /** {@code sum_k u[k]} for {@code k < n}, as {@link #dot} does it. */
    static float sum(float[] u, int n, float[] lanes) {
        FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
        int k = 0;
        for (; k + 4 * LANES <= n; k += 4 * LANES) {
            s0 = s0.add(FloatVector.fromArray(S, u, k));
            s1 = s1.add(FloatVector.fromArray(S, u, k + LANES));
            s2 = s2.add(FloatVector.fromArray(S, u, k + 2 * LANES));
            s3 = s3.add(FloatVector.fromArray(S, u, k + 3 * LANES));
        }
        for (; k + LANES <= n; k += LANES) {
            s0 = s0.add(FloatVector.fromArray(S, u, k));
        }
        float tail = 0f;
        for (; k < n; k++) {
            tail += u[k];
        }
        s0.add(s1).add(s2.add(s3)).intoArray(lanes, 0);
        return sumLanes(lanes, 0) + tail;
    }

    /** {@code c += sum_b rows} of {@code rows} rows of {@code width} floats from {@code at} in {@code src}, stride {@code row}. */
    static void addColumnSums(float[] src, int at, int row, int rows, float[] c, int cAt, int width) {
        int col = 0;
        for (; col + LANES <= width; col += LANES) {
            FloatVector s = FloatVector.fromArray(S, c, cAt + col);
            for (int r = 0; r < rows; r++) {
                s = s.add(FloatVector.fromArray(S, src, at + r * row + col));
            }
            s.intoArray(c, cAt + col);
        }
        for (; col < width; col++) {
            float s = c[cAt + col];
            for (int r = 0; r < rows; r++) {
                s += src[at + r * row + col];
            }
            c[cAt + col] = s;
        }
    }

    /**
     * {@link ReluGradient#apply} over the whole vectors from {@code from} on (not a product, but
     * this is the one class that touches the incubating module).
     *
     * @return where the values not done start: the rest is the caller's
     */
    static int reluGradient(float[] v, float[] d, float[] dx, int from, int to) {
        final FloatVector zero = FloatVector.zero(S);
        final int end = from + S.loopBound(to - from);
        for (int k = from; k < end; k += LANES) {
            final FloatVector x = FloatVector.fromArray(S, v, k);
            // v <= 0 is false for NaN, which keeps d: PyTorch's rule, and the scalar mask's.
            FloatVector.fromArray(S, d, k).blend(zero, x.compare(VectorOperators.LE, 0f)).intoArray(dx, k);
        }
        return end;
    }
}

package io.jgan.runtime.kernel;

import io.jgan.runtime.Parallel;
import java.util.Arrays;

/**
 * The products of one large dense layer {@code y = x W + b}, with W stored [in][out] in the flat
 * parameter array: forward, weight and bias gradients ({@code x^T dy}) and the input gradient
 * ({@code dy W^T}), each split over {@link Parallel} threads by output and shaped for C2's
 * auto-vectorisation. Generated networks keep one per large {@code @Dense} layer.
 *
 * <p><b>Why the row buffers.</b> C2 (JDK 17 to 25) vectorises a loop only if every array access in
 * it indexes the same way: {@code a[o] += c * b[o]} vectorises, but
 * {@code y[yb + o] += c * p[w + o]} does not, because two {@code float[]} accesses with different
 * run-time offsets might overlap and C2 does not check. So each product runs on separate row arrays
 * indexed by the bare loop variable, filled from and emptied into the flat buffers with
 * {@link System#arraycopy} (an intrinsic that needs no such proof), and every product has the one
 * inner loop of {@link #madd8}: {@code acc[o] += c0 s0[o] + ... + c7 s7[o]}, eight multiply-adds per
 * load and store of the accumulator, with the eight source rows hot in L1.
 *
 * <p><b>Determinism.</b> Every output float is computed by one thread, in an order fixed by the shape
 * and the batch size alone (groups of eight terms, summed left to right, then added to the
 * accumulator); threads split the outputs, never a sum. Results are bit for bit the same for any
 * number of threads, and vector and scalar iterations of a loop agree because Java does not fuse
 * {@code a * b + c}.
 *
 * <p>All memory is allocated in the constructor (per-thread packing rows once per new thread count);
 * a call allocates nothing. One instance serves one layer and is not thread-safe.
 */
public final class DenseKernel {
    /** Terms per accumulator update: the unrolling of the inner loop. */
    static final int GROUP = 8;
    /** Thread boundaries fall on multiples of 16 floats (a 64-byte line). */
    static final int ALIGN = 16;
    /** Calls with fewer multiply-adds than this stay on the calling thread: a hand-off costs more. */
    static final long PARALLEL_MIN_MACS = 1L << 20;
    /** Columns of the weight gradient done per pass, so its accumulator rows stay in L2. */
    static final int GRADIENT_BLOCK = 256;

    private final int in;
    private final int out;
    private final int weight;
    private final int bias;
    private final int maxBatch;
    /** [maxBatch][out]: forward accumulators; in the backward pass, the output gradient's rows. */
    private final float[][] outRows;
    /** [maxBatch][in]: input-gradient accumulators. */
    private final float[][] inRows;
    /** [in][out]: weight-gradient accumulators, copied from and back into the flat gradients. */
    private final float[][] gradRows;
    /** [out]: bias-gradient accumulator. */
    private final float[] biasRow;
    /** [part][GROUP][max(in, out)]: each thread's packed weight rows. */
    private float[][][] packs = new float[0][][];

    // The arguments of the call in progress, read by the parts (published by Parallel.run).
    private float[] x;
    private float[] y;
    private float[] dy;
    private float[] dx;
    private float[] params;
    private float[] grads;
    private int batch;

    private final Parallel.Task forwardTask = this::forwardPart;
    private final Parallel.Task gradientTask = this::gradientPart;
    private final Parallel.Task inputGradientTask = this::inputGradientPart;

    /**
     * A kernel for a layer of {@code in} inputs and {@code out} outputs whose weight starts at
     * {@code weight} and bias at {@code bias} in the parameter array, for batches up to {@code maxBatch}.
     */
    public DenseKernel(int in, int out, int weight, int bias, int maxBatch) {
        if (in < 1 || out < 1 || maxBatch < 1 || weight < 0 || bias < 0) {
            throw new IllegalArgumentException("bad dense kernel shape: in " + in + ", out " + out + ", weight at "
                    + weight + ", bias at " + bias + ", maxBatch " + maxBatch);
        }
        this.in = in;
        this.out = out;
        this.weight = weight;
        this.bias = bias;
        this.maxBatch = maxBatch;
        this.outRows = new float[maxBatch][out];
        this.inRows = new float[maxBatch][in];
        this.gradRows = new float[in][out];
        this.biasRow = new float[out];
    }

    /** {@code y[b][o] = bias[o] + sum_i x[b][i] W[i][o]} for {@code batch} rows. */
    public void forward(Parallel parallel, float[] x, float[] params, float[] y, int batch) {
        checkBatch(batch);
        this.x = x;
        this.params = params;
        this.y = y;
        this.batch = batch;
        dispatch(parallel, forwardTask);
        clear();
    }

    /**
     * The backward pass from the output gradient {@code dy}: with {@code grads} non-null, accumulates
     * {@code x^T dy} into the weight's gradient and the column sums of {@code dy} into the bias's;
     * with {@code dx} non-null, writes {@code dx = dy W^T}.
     */
    public void backward(Parallel parallel, float[] x, float[] dy, float[] params, float[] grads, float[] dx,
            int batch) {
        checkBatch(batch);
        this.x = x;
        this.dy = dy;
        this.params = params;
        this.grads = grads;
        this.dx = dx;
        this.batch = batch;
        if (grads != null) {
            dispatch(parallel, gradientTask);
        }
        if (dx != null) {
            dispatch(parallel, inputGradientTask);
        }
        clear();
    }

    private void checkBatch(int batch) {
        if (batch < 1 || batch > maxBatch) {
            throw new IllegalArgumentException("batch " + batch + " is outside 1.." + maxBatch);
        }
    }

    private void clear() {
        x = y = dy = dx = params = grads = null;
    }

    private void dispatch(Parallel parallel, Parallel.Task task) {
        int parts = (long) batch * in * out < PARALLEL_MIN_MACS ? 1 : parallel.threads();
        if (packs.length < parts) {
            float[][][] grown = Arrays.copyOf(packs, parts);
            for (int p = packs.length; p < parts; p++) {
                grown[p] = new float[GROUP][Math.max(in, out)];
            }
            packs = grown;
        }
        if (parts == 1) {
            task.run(0, 1);
        } else {
            parallel.run(task);
        }
    }

    /** Start of part {@code part} of {@code parts} over {@code n} outputs, on a multiple of {@link #ALIGN}. */
    static int split(int n, int part, int parts) {
        int chunk = ((n + parts - 1) / parts + ALIGN - 1) / ALIGN * ALIGN;
        return Math.min(n, part * chunk);
    }

    private void forwardPart(int part, int parts) {
        final int o0 = split(out, part, parts);
        final int o1 = split(out, part + 1, parts);
        if (o0 >= o1) {
            return;
        }
        final int n = o1 - o0;
        final float[] x = this.x;
        final float[] p = this.params;
        final float[][] rows = outRows;
        final float[][] pack = packs[part];
        final int batch = this.batch;
        for (int b = 0; b < batch; b++) {
            System.arraycopy(p, bias + o0, rows[b], o0, n);
        }
        int i = 0;
        for (; i + GROUP <= in; i += GROUP) {
            for (int k = 0; k < GROUP; k++) {
                System.arraycopy(p, weight + (i + k) * out + o0, pack[k], o0, n);
            }
            final float[] s0 = pack[0], s1 = pack[1], s2 = pack[2], s3 = pack[3];
            final float[] s4 = pack[4], s5 = pack[5], s6 = pack[6], s7 = pack[7];
            for (int b = 0; b < batch; b++) {
                final int xb = b * in + i;
                madd8(rows[b], x[xb], x[xb + 1], x[xb + 2], x[xb + 3], x[xb + 4], x[xb + 5], x[xb + 6], x[xb + 7],
                        s0, s1, s2, s3, s4, s5, s6, s7, o0, o1);
            }
        }
        for (; i < in; i++) {
            System.arraycopy(p, weight + i * out + o0, pack[0], o0, n);
            for (int b = 0; b < batch; b++) {
                madd1(rows[b], x[b * in + i], pack[0], o0, o1);
            }
        }
        for (int b = 0; b < batch; b++) {
            System.arraycopy(rows[b], o0, y, b * out + o0, n);
        }
    }

    private void gradientPart(int part, int parts) {
        final int o0 = split(out, part, parts);
        final int o1 = split(out, part + 1, parts);
        if (o0 >= o1) {
            return;
        }
        final int n = o1 - o0;
        final float[] x = this.x;
        final float[] g = this.grads;
        final float[][] dyRows = outRows;
        final int batch = this.batch;
        for (int b = 0; b < batch; b++) {
            System.arraycopy(dy, b * out + o0, dyRows[b], o0, n);
        }
        // Bias: the column sums of dy, eight rows at a time (1 * d is exact).
        System.arraycopy(g, bias + o0, biasRow, o0, n);
        int b = 0;
        for (; b + GROUP <= batch; b += GROUP) {
            madd8(biasRow, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, dyRows[b], dyRows[b + 1], dyRows[b + 2], dyRows[b + 3],
                    dyRows[b + 4], dyRows[b + 5], dyRows[b + 6], dyRows[b + 7], o0, o1);
        }
        for (; b < batch; b++) {
            madd1(biasRow, 1f, dyRows[b], o0, o1);
        }
        System.arraycopy(biasRow, o0, g, bias + o0, n);
        // Weight: gW[i][o] += sum_b x[b][i] dy[b][o], a block of columns at a time.
        final float[][] acc = gradRows;
        for (int ob = o0; ob < o1; ob += GRADIENT_BLOCK) {
            final int oe = Math.min(ob + GRADIENT_BLOCK, o1);
            final int m = oe - ob;
            for (int i = 0; i < in; i++) {
                System.arraycopy(g, weight + i * out + ob, acc[i], ob, m);
            }
            b = 0;
            for (; b + GROUP <= batch; b += GROUP) {
                final float[] s0 = dyRows[b], s1 = dyRows[b + 1], s2 = dyRows[b + 2], s3 = dyRows[b + 3];
                final float[] s4 = dyRows[b + 4], s5 = dyRows[b + 5], s6 = dyRows[b + 6], s7 = dyRows[b + 7];
                final int x0 = b * in;
                for (int i = 0; i < in; i++) {
                    final int xi = x0 + i;
                    madd8(acc[i], x[xi], x[xi + in], x[xi + 2 * in], x[xi + 3 * in], x[xi + 4 * in], x[xi + 5 * in],
                            x[xi + 6 * in], x[xi + 7 * in], s0, s1, s2, s3, s4, s5, s6, s7, ob, oe);
                }
            }
            for (; b < batch; b++) {
                final float[] s = dyRows[b];
                for (int i = 0; i < in; i++) {
                    madd1(acc[i], x[b * in + i], s, ob, oe);
                }
            }
            for (int i = 0; i < in; i++) {
                System.arraycopy(acc[i], ob, g, weight + i * out + ob, m);
            }
        }
    }

    private void inputGradientPart(int part, int parts) {
        final int i0 = split(in, part, parts);
        final int i1 = split(in, part + 1, parts);
        if (i0 >= i1) {
            return;
        }
        final float[] p = this.params;
        final float[] dy = this.dy;
        final float[][] rows = inRows;
        final float[][] pack = packs[part];
        final int batch = this.batch;
        for (int b = 0; b < batch; b++) {
            Arrays.fill(rows[b], i0, i1, 0f);
        }
        final float[] s0 = pack[0], s1 = pack[1], s2 = pack[2], s3 = pack[3];
        final float[] s4 = pack[4], s5 = pack[5], s6 = pack[6], s7 = pack[7];
        int o = 0;
        for (; o + GROUP <= out; o += GROUP) {
            // Columns o..o+7 of W, transposed into eight rows over i.
            for (int i = i0; i < i1; i++) {
                final int w = weight + i * out + o;
                s0[i] = p[w];
                s1[i] = p[w + 1];
                s2[i] = p[w + 2];
                s3[i] = p[w + 3];
                s4[i] = p[w + 4];
                s5[i] = p[w + 5];
                s6[i] = p[w + 6];
                s7[i] = p[w + 7];
            }
            for (int b = 0; b < batch; b++) {
                final int yb = b * out + o;
                madd8(rows[b], dy[yb], dy[yb + 1], dy[yb + 2], dy[yb + 3], dy[yb + 4], dy[yb + 5], dy[yb + 6],
                        dy[yb + 7], s0, s1, s2, s3, s4, s5, s6, s7, i0, i1);
            }
        }
        for (; o < out; o++) {
            for (int i = i0; i < i1; i++) {
                s0[i] = p[weight + i * out + o];
            }
            for (int b = 0; b < batch; b++) {
                madd1(rows[b], dy[b * out + o], s0, i0, i1);
            }
        }
        for (int b = 0; b < batch; b++) {
            System.arraycopy(rows[b], i0, dx, b * in + i0, i1 - i0);
        }
    }

    /**
     * {@code acc[k] += c0 s0[k] + c1 s1[k] + ... + c7 s7[k]} for k in [from, to): the inner loop of
     * every product. All accesses use the bare index, so C2 vectorises it.
     */
    static void madd8(float[] acc, float c0, float c1, float c2, float c3, float c4, float c5, float c6, float c7,
            float[] s0, float[] s1, float[] s2, float[] s3, float[] s4, float[] s5, float[] s6, float[] s7,
            int from, int to) {
        for (int k = from; k < to; k++) {
            acc[k] += c0 * s0[k] + c1 * s1[k] + c2 * s2[k] + c3 * s3[k] + c4 * s4[k] + c5 * s5[k] + c6 * s6[k]
                    + c7 * s7[k];
        }
    }

    /** {@code acc[k] += c s[k]} for k in [from, to). */
    static void madd1(float[] acc, float c, float[] s, int from, int to) {
        for (int k = from; k < to; k++) {
            acc[k] += c * s[k];
        }
    }

    @Override
    public String toString() {
        return "DenseKernel(" + in + " -> " + out + ", batch <= " + maxBatch + ")";
    }
}

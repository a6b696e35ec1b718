package io.jgan.runtime.kernel;

import io.jgan.runtime.generated.Parallel;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The products of one large dense layer {@code y = x W + b}, with W stored [in][out] in the flat
 * parameter array: forward, weight and bias gradients ({@code x^T dy}) and the input gradient
 * ({@code dy W^T}), each split over {@link Parallel} threads by output (in chunks the threads claim
 * as they go). Generated networks keep one per large {@code @Dense} layer.
 *
 * <p><b>Two paths.</b> When the JVM has the Vector API ({@code --add-modules jdk.incubator.vector};
 * see {@link Simd}) the products run on {@code VectorProducts}' register-blocked kernels, about
 * twice as fast. Otherwise they run on the loops below, shaped for C2's auto-vectorisation.
 *
 * <p><b>One inner loop, on one tile.</b> Every product is a sequence of updates
 * {@code acc[k] += c0 s0[k] + ... + c7 s7[k]}: eight multiply-adds per load and store of the
 * accumulator ({@link #madd8}). The accumulator row and the eight source rows live in one
 * per-thread array, the tile, at fixed offsets, filled from and emptied into the flat buffers with
 * {@link System#arraycopy}. The tile is not a detour but what makes it fast, for two reasons:
 * <ul>
 * <li>C2 (JDK 17 to 25) vectorises a loop only if its {@code float[]} accesses index alike:
 *     {@code y[yb + o] += c * p[w + o]}, with two run-time offsets, stays scalar (~2 GFLOP/s);
 *     {@code t[k] += c * t[k + 1552]} vectorises.
 * <li>With separate arrays the speed depended on where the heap put them, by up to 10x: a load whose
 *     address matches a pending store's modulo 4096 waits for it (4K aliasing). In the tile the
 *     sources sit at fixed distances above the accumulator ({@link #SLOT} floats, 6208 bytes apart,
 *     2112 modulo 4096: source j is {@code 64 j} or {@code 2048 + 64 j} bytes past it modulo 4096),
 *     never just below, and spread over the L1 sets.
 * </ul>
 * Rows are as long as possible ({@link #BLOCK}, {@link #CHUNK}: 1024 floats): each update pays for
 * two copies, the call, and C2's scalar pre- and post-loops, and measured 256-float rows ran at
 * about 45 GFLOP/s against about 70 for 1024 (one thread, the 784 x 1024 forward).
 *
 * <p><b>Determinism.</b> Every output float is computed by one thread, in an order fixed by the shape
 * and the batch size alone (groups of eight products summed left to right, then added to the
 * accumulator; a short last group is padded with zeros); threads split the outputs, never a sum.
 * Results are bit for bit the same for any number of threads, and vector and scalar iterations of a
 * loop agree because Java does not fuse {@code a * b + c}.
 *
 * <p>All memory is allocated in the constructor (the per-thread tiles once per new thread count); a
 * call allocates nothing. One instance serves one layer and is not thread-safe.
 */
public final class DenseKernel {
    /** Terms per accumulator update: the unrolling of the inner loop. */
    static final int GROUP = 8;
    /** Distance in floats between the tile's rows: 6208 bytes, 2112 modulo 4096; see the class comment. */
    static final int SLOT = 1552;
    /** Widest row a tile holds: outputs are done {@value} at a time. */
    static final int BLOCK = 1024;
    /**
     * Rows of the weight gradient done together: each group of eight samples passes over them, so
     * they should stay in L2 (64 rows of 1024 floats: 256 KB) rather than come from L3 thirteen times.
     */
    static final int GRADIENT_ROWS = 64;
    /**
     * Outputs per chunk of work, about. Threads claim chunks one at a time, so a thread the OS
     * preempts holds up one chunk, not half the product; which thread computes a chunk does not
     * change its values.
     */
    static final int CHUNK = 1024;
    /** Chunk boundaries fall on multiples of 16 floats (a 64-byte line). */
    static final int ALIGN = 16;
    /**
     * Outputs per chunk on the vector path: one register block's width on AVX-512 (the last chunk
     * may be narrower), so that two threads split 256, 512, 784 or 1024 outputs about evenly.
     */
    static final int VECTOR_OUTPUTS = 64;
    /** Input-gradient columns per chunk on the vector path: eight blocks of four. */
    static final int VECTOR_INPUTS = 32;
    /** Calls with fewer multiply-adds than this stay on the calling thread: a hand-off costs more. */
    static final long PARALLEL_MIN_MACS = 1L << 20;

    private final int in;
    private final int out;
    private final int weight;
    private final int bias;
    private final int maxBatch;
    /** [part][(GROUP + 1) * SLOT]: each thread's tile; row 0 accumulates, rows 1..8 are sources. */
    private float[][] tiles = new float[0][];
    /**
     * Floats of padding on each side of a thread's coefficients: 64 bytes, so that no other object,
     * such as the other thread's tile whose accumulator row it rewrites all the time, shares their
     * cache line. Unpadded, the coefficients written before every update by one thread and the
     * tile of the next thread shared a line (they are allocated one after the other), which then
     * bounced between the cores (false sharing).
     */
    static final int PAD = 16;
    /** [part][PAD + GROUP + PAD]: each thread's coefficients of the current update, at PAD. */
    private float[][] coefficients = new float[0][];

    // The arguments of the call in progress, read by the parts (published by Parallel.run).
    private float[] x;
    private float[] y;
    private float[] dy;
    private float[] dx;
    private float[] params;
    private float[] grads;
    private int batch;
    private int chunks;
    /** Outputs per chunk for the vector path's calls (the auto-vectorised path splits evenly). */
    private int chunkSize;
    private final AtomicInteger nextChunk = new AtomicInteger();

    /** Whether this kernel uses {@code VectorProducts}; see {@link Simd}. */
    private final boolean vector = Simd.enabled();
    /** [part][]: each thread's scratch for the vector path's dot products. */
    private float[][] lanes = new float[0][];

    private final Parallel.Task forwardTask = vector ? this::vectorForwardPart : this::forwardPart;
    private final Parallel.Task gradientTask = vector ? this::vectorGradientPart : this::gradientPart;
    private final Parallel.Task inputGradientTask = vector ? this::vectorInputGradientPart : this::inputGradientPart;

    /**
     * A kernel for a layer of {@code in} inputs and {@code out} outputs whose weight starts at
     * {@code weight} and bias at {@code bias} in the parameter array, for batches up to {@code maxBatch}.
     *
     * @param in inputs per sample
     * @param out outputs per sample
     * @param weight offset of the [in][out] weight in the parameter array
     * @param bias offset of the bias, or -1 for a layer without one ({@code y = x W})
     * @param maxBatch the largest batch
     */
    public DenseKernel(int in, int out, int weight, int bias, int maxBatch) {
        if (in < 1 || out < 1 || maxBatch < 1 || weight < 0 || bias < -1) {
            throw new IllegalArgumentException("bad dense kernel shape: in " + in + ", out " + out + ", weight at "
                    + weight + ", bias at " + bias + ", maxBatch " + maxBatch);
        }
        this.in = in;
        this.out = out;
        this.weight = weight;
        this.bias = bias;
        this.maxBatch = maxBatch;
        ensureParts(Parallel.defaultThreads());
    }

    /**
     * {@code y[b][o] = bias[o] + sum_i x[b][i] W[i][o]} for {@code batch} rows.
     *
     * @param parallel the threads to split the outputs over
     * @param x the input, [batch][in]
     * @param params the network's parameters
     * @param y the output, [batch][out]
     * @param batch rows
     */
    public void forward(Parallel parallel, float[] x, float[] params, float[] y, int batch) {
        checkBatch(batch);
        this.x = x;
        this.params = params;
        this.y = y;
        this.batch = batch;
        dispatch(parallel, forwardTask, out, vector ? VECTOR_OUTPUTS : CHUNK);
        clear();
    }

    /**
     * The backward pass from the output gradient {@code dy}: with {@code grads} non-null, accumulates
     * {@code x^T dy} into the weight's gradient and the column sums of {@code dy} into the bias's;
     * with {@code dx} non-null, writes {@code dx = dy W^T}.
     *
     * @param parallel the threads to split the work over
     * @param x the forward pass's input, [batch][in]
     * @param dy the output gradient, [batch][out]
     * @param params the network's parameters
     * @param grads the network's gradients, or null
     * @param dx the input gradient, [batch][in], or null
     * @param batch rows
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
            dispatch(parallel, gradientTask, out, vector ? VECTOR_OUTPUTS : CHUNK);
        }
        if (dx != null) {
            dispatch(parallel, inputGradientTask, in, vector ? VECTOR_INPUTS : CHUNK);
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

    private void ensureParts(int parts) {
        if (tiles.length < parts) {
            float[][] grown = Arrays.copyOf(tiles, parts);
            float[][] grownCoefficients = Arrays.copyOf(coefficients, parts);
            for (int p = tiles.length; p < parts; p++) {
                grown[p] = new float[(GROUP + 1) * SLOT];
                grownCoefficients[p] = new float[PAD + GROUP + PAD];
            }
            tiles = grown;
            coefficients = grownCoefficients;
        }
        if (vector && lanes.length < parts) {
            float[][] grown = Arrays.copyOf(lanes, parts);
            for (int p = lanes.length; p < parts; p++) {
                grown[p] = new float[PAD + 16 * VectorProducts.LANES + PAD];
            }
            lanes = grown;
        }
    }

    private void dispatch(Parallel parallel, Parallel.Task task, int outputs, int chunk) {
        int parts = (long) batch * in * out < PARALLEL_MIN_MACS ? 1 : parallel.threads();
        ensureParts(parts);
        chunkSize = chunk;
        chunks = Math.max(parts, (outputs + chunk - 1) / chunk);
        nextChunk.set(0);
        if (parts == 1) {
            task.run(0, 1);
        } else {
            parallel.share(task);
        }
    }

    /** Start of chunk {@code part} of {@code parts} over {@code n} outputs, on a multiple of {@link #ALIGN}. */
    static int split(int n, int part, int parts) {
        int chunk = ((n + parts - 1) / parts + ALIGN - 1) / ALIGN * ALIGN;
        return Math.min(n, part * chunk);
    }

    private void forwardPart(int part, int parts) {
        for (int c; (c = nextChunk.getAndIncrement()) < chunks; ) {
            int from = split(out, c, chunks);
            int to = split(out, c + 1, chunks);
            if (from < to) {
                forwardChunk(part, from, to);
            }
        }
    }

    private void forwardChunk(int part, int o0, int o1) {
        final float[] x = this.x;
        final float[] p = this.params;
        final float[] y = this.y;
        final float[] t = tiles[part];
        final float[] c = coefficients[part];
        final int batch = this.batch;
        for (int b = 0; b < batch && o0 < o1; b++) {
            startRow(p, y, b, o0, o1);
        }
        for (int ob = o0; ob < o1; ob += BLOCK) {
            final int m = Math.min(BLOCK, o1 - ob);
            for (int i = 0; i < in; i += GROUP) {
                final int r = Math.min(GROUP, in - i);
                for (int j = 0; j < GROUP; j++) {
                    loadSource(t, j, j < r ? p : null, weight + (i + j) * out + ob, m);
                }
                for (int b = 0; b < batch; b++) {
                    final int xb = b * in + i;
                    for (int j = 0; j < GROUP; j++) {
                        c[PAD + j] = j < r ? x[xb + j] : 0f;
                    }
                    update(t, c, y, b * out + ob, m);
                }
            }
        }
    }

    private void gradientPart(int part, int parts) {
        for (int c; (c = nextChunk.getAndIncrement()) < chunks; ) {
            int from = split(out, c, chunks);
            int to = split(out, c + 1, chunks);
            if (from < to) {
                gradientChunk(part, from, to);
            }
        }
    }

    private void gradientChunk(int part, int o0, int o1) {
        final float[] x = this.x;
        final float[] dy = this.dy;
        final float[] g = this.grads;
        final float[] t = tiles[part];
        final float[] c = coefficients[part];
        final int batch = this.batch;
        for (int ob = o0; ob < o1; ob += BLOCK) {
            final int m = Math.min(BLOCK, o1 - ob);
            // Bias: the column sums of dy (1 * d is exact).
            for (int b = 0; b < batch && bias >= 0; b += GROUP) {
                final int r = loadRows(t, dy, b, ob, m);
                for (int j = 0; j < GROUP; j++) {
                    c[PAD + j] = j < r ? 1f : 0f;
                }
                update(t, c, g, bias + ob, m);
            }
            // Weight: gW[i][o] += sum_b x[b][i] dy[b][o], a block of rows at a time so that the
            // block's gradient rows stay in L2 while every group of samples passes over them.
            for (int i0 = 0; i0 < in; i0 += GRADIENT_ROWS) {
                final int i1 = Math.min(i0 + GRADIENT_ROWS, in);
                for (int b = 0; b < batch; b += GROUP) {
                    final int r = loadRows(t, dy, b, ob, m);
                    for (int i = i0; i < i1; i++) {
                        final int xi = b * in + i;
                        for (int j = 0; j < GROUP; j++) {
                            c[PAD + j] = j < r ? x[xi + j * in] : 0f;
                        }
                        update(t, c, g, weight + i * out + ob, m);
                    }
                }
            }
        }
    }

    /** Rows b..b+7 of dy, columns [ob, ob + m), into the tile's sources (zeros past the batch); how many are real. */
    private int loadRows(float[] t, float[] dy, int b, int ob, int m) {
        final int r = Math.min(GROUP, batch - b);
        for (int j = 0; j < GROUP; j++) {
            loadSource(t, j, j < r ? dy : null, (b + j) * out + ob, m);
        }
        return r;
    }

    private void inputGradientPart(int part, int parts) {
        for (int c; (c = nextChunk.getAndIncrement()) < chunks; ) {
            int from = split(in, c, chunks);
            int to = split(in, c + 1, chunks);
            if (from < to) {
                inputGradientChunk(part, from, to);
            }
        }
    }

    private void inputGradientChunk(int part, int i0, int i1) {
        final float[] p = this.params;
        final float[] dy = this.dy;
        final float[] dx = this.dx;
        final float[] t = tiles[part];
        final float[] c = coefficients[part];
        final int batch = this.batch;
        for (int b = 0; b < batch && i0 < i1; b++) {
            Arrays.fill(dx, b * in + i0, b * in + i1, 0f);
        }
        for (int ib = i0; ib < i1; ib += BLOCK) {
            final int m = Math.min(BLOCK, i1 - ib);
            for (int o = 0; o < out; o += GROUP) {
                final int r = Math.min(GROUP, out - o);
                // Columns o..o+7 of W, transposed into the source rows.
                // Row by row, so each row of W is one cache line read once.
                for (int k = 0, w = weight + ib * out + o; k < m; k++, w += out) {
                    for (int j = 0; j < r; j++) {
                        t[(j + 1) * SLOT + k] = p[w + j];
                    }
                }
                for (int j = r; j < GROUP; j++) {
                    Arrays.fill(t, (j + 1) * SLOT, (j + 1) * SLOT + m, 0f);
                }
                for (int b = 0; b < batch; b++) {
                    final int yb = b * out + o;
                    for (int j = 0; j < GROUP; j++) {
                        c[PAD + j] = j < r ? dy[yb + j] : 0f;
                    }
                    update(t, c, dx, b * in + ib, m);
                }
            }
        }
    }

    // The vector path: chunks of chunkSize outputs, claimed in turn; VectorProducts does the rest.

    private void vectorForwardPart(int part, int parts) {
        for (int c; (c = nextChunk.getAndIncrement()) < chunks; ) {
            final int from = Math.min(out, c * chunkSize);
            final int to = Math.min(out, from + chunkSize);
            for (int b = 0; b < batch && from < to; b++) {
                startRow(params, y, b, from, to);
            }
            VectorProducts.multiplyAdd(x, 0, in, 1, params, weight, out, y, 0, out, batch, in, from, to);
        }
    }

    private void vectorGradientPart(int part, int parts) {
        for (int c; (c = nextChunk.getAndIncrement()) < chunks; ) {
            final int from = Math.min(out, c * chunkSize);
            final int to = Math.min(out, from + chunkSize);
            if (from < to && bias >= 0) {
                VectorProducts.addColumnSums(dy, from, out, batch, grads, bias + from, to - from);
            }
            if (from < to) {
                // gW[i][o] += sum_b x[b][i] dy[b][o]: A(i, b) = x[b * in + i].
                VectorProducts.multiplyAdd(x, 0, 1, in, dy, 0, out, grads, weight, out, in, batch, from, to);
            }
        }
    }

    private void vectorInputGradientPart(int part, int parts) {
        for (int c; (c = nextChunk.getAndIncrement()) < chunks; ) {
            final int from = Math.min(in, c * chunkSize);
            final int to = Math.min(in, from + chunkSize);
            // dx[b][i] = sum_o dy[b][o] W[i][o]: rows of dy against rows of W.
            VectorProducts.dots(dy, 0, out, params, weight, out, dx, 0, in, batch, out, from, to, lanes[part]);
        }
    }

    /** Outputs [o0, o1) of row b before the sums: the bias, or zeros without one. */
    private void startRow(float[] p, float[] y, int b, int o0, int o1) {
        if (bias >= 0) {
            System.arraycopy(p, bias + o0, y, b * out + o0, o1 - o0);
        } else {
            Arrays.fill(y, b * out + o0, b * out + o1, 0f);
        }
    }

    /** Source row {@code j} of the tile: {@code m} floats of {@code src} from {@code from}, or zeros if src is null. */
    private static void loadSource(float[] t, int j, float[] src, int from, int m) {
        final int row = (j + 1) * SLOT;
        if (src != null) {
            System.arraycopy(src, from, t, row, m);
        } else {
            Arrays.fill(t, row, row + m, 0f);
        }
    }

    /** {@code acc[at .. at + m) += sum_j c[j] source_j}, through the tile's accumulator row. */
    private static void update(float[] t, float[] c, float[] acc, int at, int m) {
        System.arraycopy(acc, at, t, 0, m);
        madd8(t, c[PAD], c[PAD + 1], c[PAD + 2], c[PAD + 3], c[PAD + 4], c[PAD + 5], c[PAD + 6], c[PAD + 7], m);
        System.arraycopy(t, 0, acc, at, m);
    }

    /**
     * {@code t[k] += c0 t[k + SLOT] + c1 t[k + 2 SLOT] + ... + c7 t[k + 8 SLOT]} for k in [0, m):
     * the inner loop of every product. All indices are the loop variable plus constants, so C2
     * vectorises it. Sixteen terms would not be: the body would exceed C2's unrolling budget, and
     * without unrolling there is no vectorisation. Two loops of eight sources sharing one
     * accumulator copy measured slower: the farther source rows come back round to just below the
     * accumulator modulo 4096.
     */
    static void madd8(float[] t, float c0, float c1, float c2, float c3, float c4, float c5, float c6, float c7, int m) {
        for (int k = 0; k < m; k++) {
            t[k] += c0 * t[k + SLOT] + c1 * t[k + 2 * SLOT] + c2 * t[k + 3 * SLOT] + c3 * t[k + 4 * SLOT]
                    + c4 * t[k + 5 * SLOT] + c5 * t[k + 6 * SLOT] + c6 * t[k + 7 * SLOT] + c7 * t[k + 8 * SLOT];
        }
    }

    @Override
    public String toString() {
        return "DenseKernel(" + in + " -> " + out + ", batch <= " + maxBatch + ")";
    }
}

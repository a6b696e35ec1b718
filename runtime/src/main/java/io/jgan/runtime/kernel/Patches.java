package io.jgan.runtime.kernel;

import java.util.Arrays;

/**
 * The engine shared by {@link Conv2dKernel} and {@link ConvTranspose2dKernel}: a convolution that
 * maps an <em>image</em> [channels][height][width] to a <em>grid</em> [maps][gridHeight][gridWidth]
 * through a weight [maps][channels][kernel][kernel] (PyTorch's layout, stored as is), written as
 * matrix products over the image's patches (Caffe's im2col, one row per grid position) whose
 * rows are never copied out: the image is copied once into a zero-padded one ({@link #pad}), where
 * patch entry q of grid position pos sits at {@code padded[rowAt[pos] + kAt[q]]}, and the products
 * read it there (an implicit GEMM, {@link Products#multiplyAddGathered}), over the whole batch:
 * <ul>
 * <li>{@link #convolveRows}: {@code grid[m][pos] = sum_q W[m][q] patch_pos[q]}, as the product
 *     {@code patches W^T} (a convolution's forward pass, a transposed convolution's input gradient);
 * <li>{@link #spread}: {@code image += row2im(grid^T W)} (a convolution's input gradient, a
 *     transposed convolution's forward pass);
 * <li>{@link #weightGradientRows}: {@code gW^T[q][m] += sum_b sum_pos patch_b,pos[q] grid_b[m][pos]}.
 * </ul>
 * The padded images of every sample are kept ({@code [maxBatch][channels][height + 2 padding][width + 2 padding]})
 * because the weight gradient needs them all; {@link #spread} works in a per-thread scratch of one sample.
 *
 * <p>Every result is computed by one thread in an order fixed by the shape (samples in order,
 * patch entries in order: each a chain of multiply-adds as with copied rows), so results are the
 * same bits for any number of threads.
 */
final class Patches {
    final int channels;
    final int height;
    final int width;
    final int kernel;
    final int stride;
    final int padding;
    final int maps;
    final int gridHeight;
    final int gridWidth;
    /** Grid positions per sample: gridHeight * gridWidth. */
    final int positions;
    /** Floats per patch: channels * kernel * kernel. */
    final int patch;
    /** Floats per image: channels * height * width. */
    final int imageSize;
    /** Floats per grid: maps * positions. */
    final int gridSize;
    /** Offset of the weight in the parameter array. */
    final int weight;
    /** Grid positions (rows of the patch matrix) per item of {@link #convolveRows}: eight blocks of six. */
    static final int ROWS = 48;
    /** At most this many patch entries per item of {@link #weightGradientRows}: 28 blocks of six, about 80 KB of gradient. */
    static final int ENTRIES = 168;
    /** Items of {@link #weightGradientRows} aimed at: enough to keep two or four threads evenly busy. */
    private static final int ENTRY_ITEMS = 8;
    /** Patches of at most this many entries (a few channels, e.g. an image's first layer) are copied out: see {@link #copied}. */
    static final int COPIED_PATCH_MAX = 64;
    /** Maps per item of {@link #weightGradientMaps}: two blocks of five rows. */
    static final int MAPS_PER_ITEM = 10;
    /** Samples' positions per step of {@link #weightGradientRows}: a step's rows of the grid stay in L1. */
    private static final int POSITIONS_PER_STEP = 64;
    /** Patch entries per item of {@link #weightGradientRows}: whole blocks of six, at most {@link #ENTRIES}. */
    private final int entries;
    final int paddedHeight;
    final int paddedWidth;
    /** Floats per padded image. */
    final int paddedSize;
    /** [maxBatch][channels][paddedHeight][paddedWidth]: the images of the last {@link #pad}, zeros around. */
    private final float[] padded;
    /** [maxBatch * positions]: where each sample's grid position's patch starts in {@link #padded}. */
    private final int[] rowAt;
    /** [patch]: where patch entry (c, i, j) sits relative to its patch's start. */
    private final int[] kAt;
    /** [maxBatch * positions][maps]: a grid transposed by {@link #transposeGrid}, for the weight gradient. */
    private final float[] gridRows;
    /** [patch][maps]: the weight's gradient transposed, for {@link #weightGradientRows}. */
    private final float[] transposedGradient;
    /** [part][positions * patch]: each thread's rows of one sample for {@link #spread}. */
    private float[][] scratch = new float[0][];
    /** [part][ROWS * max(maps, channels)]: each thread's rows of a product ({@link #convolveRows}, {@link PixelClasses}). */
    private float[][] productRows = new float[0][];
    /**
     * Whether patches are small enough to copy out (at most {@link #COPIED_PATCH_MAX} entries): then a
     * sample's product is {@code W patches^T} straight into the grid's layout ({@link #convolveSample}),
     * and the weight gradient {@code grid patches} over copied patches ({@link #weightGradientMaps}).
     * With so few entries per patch the gathered products spend their time on their results, not
     * on multiply-adds: the first layer of the DCGAN's discriminator took 3.3 ms for 26 million.
     */
    final boolean copied;
    /** [maxBatch][positions][patch]: every sample's patches, copied by {@link #copyPatches} (only when {@link #copied}). */
    private final float[] columns;
    /** [patch][maps]: the weight transposed by {@link #transposeWeight}, so that {@link #convolveRows} is a register-blocked product. */
    private final float[] transposedWeight;

    Patches(int channels, int height, int width, int maps, int gridHeight, int gridWidth, int kernel, int stride,
            int padding, int weight, int maxBatch) {
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.maps = maps;
        this.gridHeight = gridHeight;
        this.gridWidth = gridWidth;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.weight = weight;
        this.positions = gridHeight * gridWidth;
        this.patch = Math.multiplyExact(channels, kernel * kernel);
        this.imageSize = Math.multiplyExact(channels, height * width);
        this.gridSize = Math.multiplyExact(maps, positions);
        this.entries = Math.min(ENTRIES, Math.max(1, (patch + 6 * ENTRY_ITEMS - 1) / (6 * ENTRY_ITEMS)) * 6);
        this.paddedHeight = height + 2 * padding;
        this.paddedWidth = width + 2 * padding;
        this.paddedSize = Math.multiplyExact(channels, paddedHeight * paddedWidth);
        this.padded = new float[Math.multiplyExact(maxBatch, paddedSize)];
        this.rowAt = new int[Math.multiplyExact(maxBatch, positions)];
        for (int b = 0, r = 0; b < maxBatch; b++) {
            for (int gy = 0; gy < gridHeight; gy++) {
                for (int gx = 0; gx < gridWidth; gx++) {
                    rowAt[r++] = b * paddedSize + gy * stride * paddedWidth + gx * stride;
                }
            }
        }
        this.kAt = new int[patch];
        for (int c = 0, q = 0; c < channels; c++) {
            for (int i = 0; i < kernel; i++) {
                for (int j = 0; j < kernel; j++) {
                    kAt[q++] = (c * paddedHeight + i) * paddedWidth + j;
                }
            }
        }
        this.copied = patch <= COPIED_PATCH_MAX;
        this.columns = new float[copied ? Math.multiplyExact(maxBatch, Math.multiplyExact(positions, patch)) : 0];
        this.gridRows = new float[copied ? 0 : Math.multiplyExact(maxBatch, Math.multiplyExact(positions, maps))];
        // Only the gathered products (not copied patches) read the weight and its gradient transposed.
        this.transposedGradient = new float[copied ? 0 : Math.multiplyExact(maps, patch)];
        this.transposedWeight = new float[copied ? 0 : Math.multiplyExact(maps, patch)];
    }

    /** {@return the weight's size: maps * channels * kernel * kernel} */
    int weightSize() {
        return maps * patch;
    }

    /** Multiply-adds of one of the products over {@code batch} samples. */
    long macs(int batch) {
        return (long) batch * positions * patch * maps;
    }

    /** Makes room for {@code parts} threads' scratch (allocates only when the count grows). */
    void ensureParts(int parts) {
        if (scratch.length < parts) {
            float[][] grown = Arrays.copyOf(scratch, parts);
            float[][] grownRows = Arrays.copyOf(productRows, parts);
            for (int p = scratch.length; p < parts; p++) {
                grown[p] = new float[positions * patch];
                grownRows[p] = new float[ROWS * Math.max(maps, channels)];
            }
            scratch = grown;
            productRows = grownRows;
        }
    }

    /** Sample {@code b} of {@code image} ([batch][imageSize]) into its padded copy (the zeros around it stay). */
    void pad(float[] image, int b) {
        for (int c = 0; c < channels; c++) {
            final int from = b * imageSize + c * height * width;
            final int to = b * paddedSize + (c * paddedHeight + padding) * paddedWidth + padding;
            for (int y = 0; y < height; y++) {
                System.arraycopy(image, from + y * width, padded, to + y * paddedWidth, width);
            }
        }
    }

    /** {@return thread {@code part}'s scratch for {@link Patches#ROWS} rows of a product} */
    float[] productRows(int part) {
        return productRows[part];
    }

    /** {@return the items of {@link #convolveRows} over {@code batch} samples} */
    int rowItems(int batch) {
        return (batch * positions + ROWS - 1) / ROWS;
    }

    /** {@return the items of {@link #weightGradientRows}} */
    int entryItems() {
        return (patch + entries - 1) / entries;
    }

    /** {@code W^T[q][m] = W[m][q]}: call before the {@link #convolve} calls of a pass (one thread). */
    void transposeWeight(float[] params) {
        for (int m = 0; m < maps; m++) {
            final int at = weight + m * patch;
            for (int q = 0; q < patch; q++) {
                transposedWeight[q * maps + m] = params[at + q];
            }
        }
    }

    /**
     * {@code grid_b[m][pos] = sum_q W[m][q] patch_b,pos[q]} for item {@code item}'s {@link #ROWS}
     * rows (sample, position) of the batch, overwriting them: the product {@code patches W^T}
     * ([rows][maps], register-blocked on the vector path, every entry one chain over q in order)
     * into the caller's scratch, then transposed into the grid, plus map m's bias at {@code bias + m}
     * in {@code params} if {@code bias >= 0}. Needs {@link #pad} of those samples and
     * {@link #transposeWeight}.
     *
     * @param part the calling thread's part (for its scratch)
     */
    void convolveRows(int item, int batch, float[] grid, float[] params, int bias, int part) {
        final float[] t = productRows[part];
        final int r0 = item * ROWS;
        final int rows = Math.min(ROWS, batch * positions - r0);
        Arrays.fill(t, 0, rows * maps, 0f);
        Products.multiplyAddGathered(padded, rowAt, r0, kAt, 0, transposedWeight, 0, maps, t, 0, maps, rows, patch, 0,
                maps);
        // Map by map, so that the grid is written along its positions (the rows of t stay in L1);
        // a block of rows may run from one sample into the next.
        for (int rs = 0; rs < rows; ) {
            final int b = (r0 + rs) / positions;
            final int re = Math.min(rows, (b + 1) * positions - r0);
            final int at = b * gridSize + (r0 + rs - b * positions) - rs;
            for (int m = 0; m < maps; m++) {
                final int to = at + m * positions;
                if (bias < 0) {
                    for (int r = rs; r < re; r++) {
                        grid[to + r] = t[r * maps + m];
                    }
                } else {
                    final float add = params[bias + m];
                    for (int r = rs; r < re; r++) {
                        grid[to + r] = t[r * maps + m] + add;
                    }
                }
            }
            rs = re;
        }
    }

    /**
     * {@code image_b += row2im(R)} where {@code R[pos][q] = sum_m grid_b[m][pos] W[m][q]}: adds to
     * what {@code image} holds (zeros, or a bias).
     */
    void spread(float[] params, float[] grid, int b, float[] image, int part) {
        final float[] r = scratch[part];
        Arrays.fill(r, 0f);
        // R(pos, m) from the grid read transposed: A(pos, m) = grid[b][m][pos].
        Products.multiplyAdd(grid, b * gridSize, 1, positions, params, weight, patch, r, 0, patch, positions, maps, 0,
                patch);
        row2im(r, image, b);
    }

    /** {@code image_b[c][y][x] += r[pos][q]} over every patch entry that falls inside the image. */
    private void row2im(float[] r, float[] image, int b) {
        final int k = kernel;
        final int imageAt = b * imageSize;
        int at = 0;
        for (int gy = 0; gy < gridHeight; gy++) {
            for (int gx = 0; gx < gridWidth; gx++) {
                final int y0 = gy * stride - padding;
                final int x0 = gx * stride - padding;
                for (int c = 0; c < channels; c++) {
                    final int plane = imageAt + c * height * width;
                    for (int i = 0; i < k; i++) {
                        final int y = y0 + i;
                        if (y < 0 || y >= height) {
                            at += k;
                            continue;
                        }
                        final int line = plane + y * width;
                        if (x0 >= 0 && x0 + k <= width) {
                            for (int j = 0, to = line + x0; j < k; j++) {
                                image[to + j] += r[at + j];
                            }
                            at += k;
                            continue;
                        }
                        for (int j = 0; j < k; j++, at++) {
                            final int x = x0 + j;
                            if (x >= 0 && x < width) {
                                image[line + x] += r[at];
                            }
                        }
                    }
                }
            }
        }
    }

    /** Sample {@code b} of {@code grid} ([batch][maps][positions]) into {@link #gridRows}, [positions][maps]. */
    void transposeGrid(float[] grid, int b) {
        final int from = b * gridSize;
        final int to = b * positions * maps;
        // Row by row of the result: its writes run along, and the maps' lines read stay in L1 from
        // one position to the next (map by map, a sample's rows of the result did not fit in L1).
        for (int pos = 0; pos < positions; pos++) {
            final int row = to + pos * maps;
            for (int m = 0; m < maps; m++) {
                gridRows[row + m] = grid[from + m * positions + pos];
            }
        }
    }

    /**
     * {@code gW[m][q] += sum_b sum_pos grid_b[m][pos] patch_b,pos[q]} for item {@code item}'s
     * {@link #entries} patch entries q, samples and positions in order: the product
     * {@code gW^T += patches^T gridRows} with A(q, (b, pos)) gathered from the padded images, on the
     * gradient transposed in and out, a few positions at a time so that their grid rows stay in L1.
     * Each entry is the chain of multiply-adds over (b, pos) in order that started at gW's value.
     * Needs {@link #pad} and {@link #transposeGrid} of every sample.
     */
    void weightGradientRows(int item, int batch, float[] grads) {
        final int q0 = item * entries;
        final int q1 = Math.min(patch, q0 + entries);
        final float[] t = transposedGradient;
        for (int m = 0; m < maps; m++) {
            for (int q = q0, at = weight + m * patch; q < q1; q++) {
                t[q * maps + m] = grads[at + q];
            }
        }
        final int n = batch * positions;
        for (int k0 = 0; k0 < n; k0 += POSITIONS_PER_STEP) {
            Products.multiplyAddGathered(padded, kAt, q0, rowAt, k0, gridRows, k0 * maps, maps, t, q0 * maps, maps,
                    q1 - q0, Math.min(POSITIONS_PER_STEP, n - k0), 0, maps);
        }
        for (int m = 0; m < maps; m++) {
            for (int q = q0, at = weight + m * patch; q < q1; q++) {
                grads[at + q] = t[q * maps + m];
            }
        }
    }

    /**
     * {@code grid_b = W patches_b^T}, plus map m's bias at {@code bias + m} if {@code bias >= 0},
     * overwriting sample b's grid: the sample's patches copied transposed ([patch][positions]) into
     * the calling thread's scratch, then one register-blocked product whose rows are the grid's maps.
     * Every entry is the chain of multiply-adds over the patch in order that {@link #convolveRows}
     * computes, then the bias. Needs {@link #pad} of sample b; only when {@link #copied}.
     */
    void convolveSample(int b, float[] grid, float[] params, int bias, int part) {
        final float[] t = scratch[part];
        final int rows = b * positions;
        for (int q = 0; q < patch; q++) {
            final int k = kAt[q];
            final int to = q * positions;
            for (int pos = 0; pos < positions; pos++) {
                t[to + pos] = padded[rowAt[rows + pos] + k];
            }
        }
        final int at = b * gridSize;
        Arrays.fill(grid, at, at + gridSize, 0f);
        Products.multiplyAdd(params, weight, patch, 1, t, 0, positions, grid, at, positions, maps, patch, 0,
                positions);
        if (bias >= 0) {
            for (int m = 0; m < maps; m++) {
                final float add = params[bias + m];
                for (int pos = 0, to = at + m * positions; pos < positions; pos++) {
                    grid[to + pos] += add;
                }
            }
        }
    }

    /** Sample b's patches into {@link #columns}, row by row ([positions][patch]). Needs {@link #pad} of sample b. */
    void copyPatches(int b) {
        final int rows = b * positions;
        for (int pos = 0; pos < positions; pos++) {
            final int from = rowAt[rows + pos];
            final int to = (rows + pos) * patch;
            for (int q = 0; q < patch; q++) {
                columns[to + q] = padded[from + kAt[q]];
            }
        }
    }

    /** {@return the items of {@link #weightGradientMaps}} */
    int mapItems() {
        return (maps + MAPS_PER_ITEM - 1) / MAPS_PER_ITEM;
    }

    /**
     * {@code gW[m][q] += sum_b sum_pos grid_b[m][pos] patch_b,pos[q]} for item {@code item}'s
     * {@link #MAPS_PER_ITEM} maps m: sample by sample, the product of the grid's rows and the copied
     * patches, into the gradient in place. Each entry is the chain of multiply-adds over (b, pos) in
     * order of {@link #weightGradientRows}. Needs {@link #copyPatches} of every sample.
     */
    void weightGradientMaps(int item, int batch, float[] grid, float[] grads) {
        final int m0 = item * MAPS_PER_ITEM;
        final int rows = Math.min(MAPS_PER_ITEM, maps - m0);
        for (int b = 0; b < batch; b++) {
            Products.multiplyAdd(grid, b * gridSize + m0 * positions, positions, 1, columns, b * positions * patch,
                    patch, grads, weight + m0 * patch, patch, rows, positions, 0, patch);
        }
    }

    /** {@return the items of {@link #addPlaneSums} over {@code planes} planes: groups of four} */
    static int planeItems(int planes) {
        return (planes + 3) / 4;
    }

    /**
     * {@code sums[at + c] += sum_b sum_k x[b][c][k]} (b and k in that order, in double) for the
     * planes c of item {@code item} (four, fewer at the end): a bias's gradient. Four planes side
     * by side, so that four chains of additions overlap; each keeps its order, so the result does
     * not depend on how the items are shared.
     *
     * @param x [batch][planes][plane]
     */
    static void addPlaneSums(float[] x, int planes, int plane, int batch, int item, float[] sums, int at) {
        final int c0 = item * 4;
        final int sample = planes * plane;
        if (c0 + 4 > planes) {
            for (int c = c0; c < planes; c++) {
                double s = 0;
                for (int b = 0; b < batch; b++) {
                    for (int k = 0, i = b * sample + c * plane; k < plane; k++) {
                        s += x[i + k];
                    }
                }
                sums[at + c] += (float) s;
            }
            return;
        }
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int b = 0; b < batch; b++) {
            final int i = b * sample + c0 * plane;
            for (int k = 0; k < plane; k++) {
                s0 += x[i + k];
                s1 += x[i + plane + k];
                s2 += x[i + 2 * plane + k];
                s3 += x[i + 3 * plane + k];
            }
        }
        sums[at + c0] += (float) s0;
        sums[at + c0 + 1] += (float) s1;
        sums[at + c0 + 2] += (float) s2;
        sums[at + c0 + 3] += (float) s3;
    }

    /** Sets every pixel of sample b's image to its channel's bias (to 0 with {@code bias < 0}). */
    void fillImage(float[] image, float[] params, int bias, int b) {
        final int plane = height * width;
        for (int c = 0; c < channels; c++) {
            final int at = b * imageSize + c * plane;
            Arrays.fill(image, at, at + plane, bias < 0 ? 0f : params[bias + c]);
        }
    }
}

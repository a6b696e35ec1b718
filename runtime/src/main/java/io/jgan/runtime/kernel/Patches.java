package io.jgan.runtime.kernel;

import java.util.Arrays;

/**
 * The engine shared by {@link Conv2dKernel} and {@link ConvTranspose2dKernel}: a convolution that
 * maps an <em>image</em> [channels][height][width] to a <em>grid</em> [maps][gridHeight][gridWidth]
 * through a weight [maps][channels][kernel][kernel] (PyTorch's layout, stored as is), written as
 * matrix products over the image's patches (Caffe's im2col, one row per grid position):
 * <ul>
 * <li>{@link #im2row}: {@code rows[pos][c k k + i k + j] = image[c][pos_y s - p + i][pos_x s - p + j]}
 *     (0 outside the image), so one patch is one contiguous row, in the weight's own order;
 * <li>{@link #convolve}: {@code grid[m][pos] = sum_q W[m][q] rows[pos][q]}, as the product
 *     {@code rows W^T} (a convolution's forward pass, a transposed convolution's input gradient);
 * <li>{@link #spread}: {@code image += row2im(grid^T W)} (a convolution's input gradient, a
 *     transposed convolution's forward pass);
 * <li>{@link #weightGradient}: {@code gW[m][q] += sum_b sum_pos grid_b[m][pos] rows_b[pos][q]}.
 * </ul>
 * The rows of every sample of the batch are kept ({@code [maxBatch][positions][patch]}) because the
 * weight gradient needs them all; {@link #spread} works in a per-thread scratch of one sample.
 *
 * <p>Every result is computed by one thread in an order fixed by the shape (samples in order,
 * patches in order), so results are the same bits for any number of threads.
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
    /** [maxBatch][positions][patch]: the patches of the last {@link #im2row}. */
    final float[] rows;
    /** [part][positions * patch]: each thread's rows of one sample for {@link #spread}. */
    private float[][] scratch = new float[0][];
    /** [part][positions * maps]: each thread's grid of one sample, transposed, for {@link #convolve}. */
    private float[][] transposedGrid = new float[0][];
    /** [patch][maps]: the weight transposed by {@link #transposeWeight}, so that {@link #convolve} is a register-blocked product. */
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
        this.rows = new float[Math.multiplyExact(maxBatch, Math.multiplyExact(positions, patch))];
        this.transposedWeight = new float[Math.multiplyExact(maps, patch)];
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
            float[][] grownGrids = Arrays.copyOf(transposedGrid, parts);
            for (int p = scratch.length; p < parts; p++) {
                grown[p] = new float[positions * patch];
                grownGrids[p] = new float[positions * maps];
            }
            scratch = grown;
            transposedGrid = grownGrids;
        }
    }

    /** The patches of sample {@code b} of {@code image} ([batch][imageSize]) into its rows. */
    void im2row(float[] image, int b) {
        final int k = kernel;
        final int imageAt = b * imageSize;
        int at = b * positions * patch;
        for (int gy = 0; gy < gridHeight; gy++) {
            for (int gx = 0; gx < gridWidth; gx++) {
                final int y0 = gy * stride - padding;
                final int x0 = gx * stride - padding;
                for (int c = 0; c < channels; c++) {
                    final int plane = imageAt + c * height * width;
                    for (int i = 0; i < k; i++) {
                        final int y = y0 + i;
                        if (y < 0 || y >= height) {
                            Arrays.fill(rows, at, at + k, 0f);
                            at += k;
                            continue;
                        }
                        final int line = plane + y * width;
                        if (x0 >= 0 && x0 + k <= width) {
                            // Inside the image (most patches): a plain copy, no bounds to test.
                            for (int j = 0, from = line + x0; j < k; j++) {
                                rows[at + j] = image[from + j];
                            }
                            at += k;
                            continue;
                        }
                        for (int j = 0; j < k; j++) {
                            final int x = x0 + j;
                            rows[at++] = x >= 0 && x < width ? image[line + x] : 0f;
                        }
                    }
                }
            }
        }
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
     * {@code grid_b[m][pos] = sum_q W[m][q] rows_b[pos][q]} for sample {@code b}, overwriting it:
     * the product {@code rows_b W^T} ([positions][maps], register-blocked on the vector path, every
     * entry one chain over q in order), then transposed into the grid. Needs {@link #transposeWeight}.
     *
     * @param part the calling thread's part (for its scratch)
     */
    void convolve(int b, float[] grid, int part) {
        final float[] t = transposedGrid[part];
        Arrays.fill(t, 0f);
        Products.multiplyAdd(rows, b * positions * patch, patch, 1, transposedWeight, 0, maps, t, 0, maps, positions,
                patch, 0, maps);
        final int at = b * gridSize;
        for (int pos = 0; pos < positions; pos++) {
            for (int m = 0; m < maps; m++) {
                grid[at + m * positions + pos] = t[pos * maps + m];
            }
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

    /**
     * {@code gW[m][q] += sum_b sum_pos grid_b[m][pos] rows_b[pos][q]} for columns q in [q0, q1),
     * samples in order.
     */
    void weightGradient(float[] grid, float[] grads, int batch, int q0, int q1) {
        for (int b = 0; b < batch; b++) {
            Products.multiplyAdd(grid, b * gridSize, positions, 1, rows, b * positions * patch, patch, grads, weight,
                    patch, maps, positions, q0, q1);
        }
    }

    /** {@code gBias[m] += sum_b sum_pos grid_b[m][pos]}, in that order. */
    void biasGradient(float[] grid, float[] grads, int bias, int batch) {
        for (int m = 0; m < maps; m++) {
            double s = 0;
            for (int b = 0; b < batch; b++) {
                final int at = b * gridSize + m * positions;
                for (int pos = 0; pos < positions; pos++) {
                    s += grid[at + pos];
                }
            }
            grads[bias + m] += (float) s;
        }
    }

    /** Adds map m's bias to every position of sample b's grid. */
    void addGridBias(float[] grid, float[] params, int bias, int b) {
        for (int m = 0; m < maps; m++) {
            final int at = b * gridSize + m * positions;
            final float v = params[bias + m];
            for (int pos = 0; pos < positions; pos++) {
                grid[at + pos] += v;
            }
        }
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

package io.jgan.runtime.kernel;

import java.util.Arrays;

/**
 * {@link Patches#spread}'s product, {@code image = row2im(grid^T W)} (a convolution's input
 * gradient, a transposed convolution's forward pass), computed pixel by pixel instead of patch by
 * patch, so that nothing is scattered: the image's pixels fall into {@code stride * stride}
 * classes by {@code ((y + padding) mod stride, (x + padding) mod stride)}, and the pixels of one
 * class all take the same kernel taps {@code i = ry + stride t}, {@code j = rx + stride t'}, from
 * the grid positions {@code (u - t, v - t')} where {@code u = (y + padding) / stride}. Each class is
 * an ordinary stride-1 convolution of the grid with a small kernel (2 x 2 for kernel 4, stride 2),
 * an implicit GEMM over a zero-padded copy of the grid: {@code image[c][y][x] =
 * sum_(m, t, t') grid[m][u - t][v - t'] W[m][c][ry + stride t][rx + stride t']}, one chain of
 * multiply-adds per pixel and channel, in the order of (m, t, t').
 *
 * <p>Rows (pixels) are handed out in blocks of {@link Patches#ROWS} within a class; every pixel is
 * written by one block, so results are the same for any number of threads. The columns of the
 * products are the image's channels: worth it from 16 channels (a vector) on.
 */
final class PixelClasses {
    private final Patches p;
    /** Rows and columns of zeros above and left of the padded grid (taps reach back this far), and below and right. */
    private final int top;
    private final int bottom;
    private final int left;
    private final int right;
    private final int paddedHeight;
    private final int paddedWidth;
    private final int paddedSize;
    /** [maxBatch][maps][paddedHeight][paddedWidth]: the grids of the last {@link #pad}, zeros around. */
    private final float[] padded;
    /** Classes: stride * stride. */
    private final int classes;
    /** [class]: pixels of the class per sample. */
    private final int[] pixels;
    /** [class][maxBatch * pixels]: where each pixel's taps start in {@link #padded}, samples in order. */
    private final int[][] rowAt;
    /** [class][maxBatch * pixels]: each pixel's offset in the image (channel 0). */
    private final int[][] pixelAt;
    /** [class][maps * taps]: where tap (m, t, t') sits relative to its pixel's start. */
    private final int[][] tapAt;
    /** [class][maps * taps][channels]: the class's kernel, written by {@link #arrangeWeight}. */
    private final float[][] weights;
    /** Blocks of rows of each class for the batch of the pass in progress. */
    private final int[] blocks;
    /** [item]: the class and the block within it of each item of the pass in progress. */
    private final int[] itemClass;
    private final int[] itemBlock;

    PixelClasses(Patches p, int maxBatch) {
        this.p = p;
        final int s = p.stride;
        final int k = p.kernel;
        this.top = (k + s - 1) / s - 1;
        this.left = top;
        this.bottom = Math.max(0, (p.height - 1 + p.padding) / s - p.gridHeight + 1);
        this.right = Math.max(0, (p.width - 1 + p.padding) / s - p.gridWidth + 1);
        this.paddedHeight = top + p.gridHeight + bottom;
        this.paddedWidth = left + p.gridWidth + right;
        this.paddedSize = Math.multiplyExact(p.maps, paddedHeight * paddedWidth);
        this.padded = new float[Math.multiplyExact(maxBatch, paddedSize)];
        this.classes = s * s;
        this.pixels = new int[classes];
        this.rowAt = new int[classes][];
        this.pixelAt = new int[classes][];
        this.tapAt = new int[classes][];
        this.weights = new float[classes][];
        this.blocks = new int[classes];
        for (int ry = 0; ry < s; ry++) {
            for (int rx = 0; rx < s; rx++) {
                final int cls = ry * s + rx;
                final int ty = taps(ry);
                final int tx = taps(rx);
                tapAt[cls] = new int[p.maps * ty * tx];
                for (int m = 0, q = 0; m < p.maps; m++) {
                    for (int t = 0; t < ty; t++) {
                        for (int u = 0; u < tx; u++) {
                            tapAt[cls][q++] = m * paddedHeight * paddedWidth - t * paddedWidth - u;
                        }
                    }
                }
                weights[cls] = new float[tapAt[cls].length * p.channels];
                pixels[cls] = count(p.height, ry) * count(p.width, rx);
                rowAt[cls] = new int[Math.multiplyExact(maxBatch, pixels[cls])];
                pixelAt[cls] = new int[rowAt[cls].length];
                for (int b = 0, r = 0; b < maxBatch; b++) {
                    for (int y = 0; y < p.height; y++) {
                        for (int x = 0; x < p.width; x++) {
                            if ((y + p.padding) % s == ry && (x + p.padding) % s == rx) {
                                rowAt[cls][r] = b * paddedSize + ((y + p.padding) / s + top) * paddedWidth
                                        + (x + p.padding) / s + left;
                                pixelAt[cls][r++] = b * p.imageSize + y * p.width + x;
                            }
                        }
                    }
                }
            }
        }
        int most = 0;
        for (int cls = 0; cls < classes; cls++) {
            most += (rowAt[cls].length + Patches.ROWS - 1) / Patches.ROWS;
        }
        this.itemClass = new int[most];
        this.itemBlock = new int[most];
    }

    /** {@return the taps of a class along one side: the i < kernel with i = r mod stride} */
    private int taps(int r) {
        return r < p.kernel ? (p.kernel - r + p.stride - 1) / p.stride : 0;
    }

    /** {@return the pixels y < size with (y + padding) mod stride = r} */
    private int count(int size, int r) {
        int n = 0;
        for (int y = 0; y < size; y++) {
            n += (y + p.padding) % p.stride == r ? 1 : 0;
        }
        return n;
    }

    /** Each class's kernel from the weight [maps][channels][kernel][kernel]: call before a pass (one thread). */
    void arrangeWeight(float[] params) {
        final int s = p.stride;
        final int k = p.kernel;
        final int channels = p.channels;
        for (int ry = 0; ry < s; ry++) {
            for (int rx = 0; rx < s; rx++) {
                final float[] w = weights[ry * s + rx];
                final int ty = taps(ry);
                final int tx = taps(rx);
                for (int m = 0, q = 0; m < p.maps; m++) {
                    for (int t = 0; t < ty; t++) {
                        for (int u = 0; u < tx; u++, q++) {
                            final int from = p.weight + (m * channels * k + ry + s * t) * k + rx + s * u;
                            for (int c = 0; c < channels; c++) {
                                w[q * channels + c] = params[from + c * k * k];
                            }
                        }
                    }
                }
            }
        }
    }

    /** Sample b of {@code grid} ([batch][maps][gridHeight][gridWidth]) into its padded copy. */
    void pad(float[] grid, int b) {
        for (int m = 0; m < p.maps; m++) {
            final int from = b * p.gridSize + m * p.positions;
            final int to = b * paddedSize + (m * paddedHeight + top) * paddedWidth + left;
            for (int gy = 0; gy < p.gridHeight; gy++) {
                System.arraycopy(grid, from + gy * p.gridWidth, padded, to + gy * paddedWidth, p.gridWidth);
            }
        }
    }

    /**
     * {@return the blocks of rows of a pass over {@code batch} samples, all classes} The classes'
     * blocks alternate, so that neighbouring items write the same part of the image (a block of
     * one class alone leaves gaps between its pixels that the other classes fill).
     */
    int items(int batch) {
        int most = 0;
        for (int cls = 0; cls < classes; cls++) {
            blocks[cls] = (batch * pixels[cls] + Patches.ROWS - 1) / Patches.ROWS;
            most = Math.max(most, blocks[cls]);
        }
        int n = 0;
        for (int block = 0; block < most; block++) {
            for (int cls = 0; cls < classes; cls++) {
                if (block < blocks[cls]) {
                    itemClass[n] = cls;
                    itemBlock[n++] = block;
                }
            }
        }
        return n;
    }

    /**
     * Writes the pixels of block {@code item} (numbered as {@link #items} counted them):
     * {@code image = product + bias[c]} (no bias with {@code bias < 0}). Needs {@link #pad} of the
     * batch and {@link #arrangeWeight}.
     *
     * @param scratch at least {@link Patches#ROWS} * channels floats of the calling thread
     */
    void spread(int item, int batch, float[] image, float[] params, int bias, float[] scratch) {
        final int cls = itemClass[item];
        final int channels = p.channels;
        final int r0 = itemBlock[item] * Patches.ROWS;
        final int rows = Math.min(Patches.ROWS, batch * pixels[cls] - r0);
        Arrays.fill(scratch, 0, rows * channels, 0f);
        Products.multiplyAddGathered(padded, rowAt[cls], r0, tapAt[cls], 0, weights[cls], 0, channels, scratch, 0,
                channels, rows, tapAt[cls].length, 0, channels);
        final int plane = p.height * p.width;
        final int[] at = pixelAt[cls];
        // Channel by channel: a class's pixels of one channel lie close together in the image.
        for (int c = 0; c < channels; c++) {
            final int to = c * plane;
            if (bias < 0) {
                for (int r = 0; r < rows; r++) {
                    image[at[r0 + r] + to] = scratch[r * channels + c];
                }
            } else {
                final float add = params[bias + c];
                for (int r = 0; r < rows; r++) {
                    image[at[r0 + r] + to] = scratch[r * channels + c] + add;
                }
            }
        }
    }
}

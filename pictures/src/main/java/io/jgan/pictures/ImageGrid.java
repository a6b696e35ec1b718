package io.jgan.pictures;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Tiles many small grayscale images (for example generator samples) into one PNG grid, each scaled
 * up by pixel repetition (nearest neighbour) so that a 28x28 sample is big enough to judge.
 *
 * <p>Images are laid out row-major, {@code columns} per grid row, separated by a {@value #GAP}-pixel
 * mid-gray gap so that black and white backgrounds both stay visible as separate tiles. Unused cells in
 * the last row are filled with the gap colour.
 */
public final class ImageGrid {
    /** Upscaling factor of {@link #write(Path, float[], int, int, int, int, float, float)}. */
    public static final int DEFAULT_SCALE = 3;

    /** Width in output pixels of the gap between tiles. */
    public static final int GAP = 2;

    /** Gray level of the gap and of unused cells. */
    public static final int GAP_GRAY = 128;

    static {
        PngFile.init();
    }

    private ImageGrid() {
    }

    /**
     * Atomically writes a grid PNG of {@code count} images, each pixel drawn as a
     * {@value #DEFAULT_SCALE}x{@value #DEFAULT_SCALE} block.
     *
     * @param file    the PNG file to create or replace; missing parent directories are created
     * @param images  at least {@code count * height * width} values, image after image, each row-major
     * @param count   number of images to draw, at least 1
     * @param height  rows per image
     * @param width   columns per image
     * @param columns images per grid row, at least 1 (reduced to {@code count} if larger)
     * @param min     value drawn black; smaller values are clamped
     * @param max     value drawn white; larger values are clamped
     * @throws IOException if the file cannot be written; an old file is then left as it was
     */
    public static void write(Path file, float[] images, int count, int height, int width, int columns,
                             float min, float max) throws IOException {
        write(file, images, count, height, width, columns, min, max, DEFAULT_SCALE);
    }

    /**
     * Atomically writes a grid PNG of {@code count} images, each pixel drawn as a
     * {@code scale x scale} block.
     *
     * @param file    the PNG file to create or replace; missing parent directories are created
     * @param images  at least {@code count * height * width} values, image after image, each row-major
     * @param count   number of images to draw, at least 1
     * @param height  rows per image
     * @param width   columns per image
     * @param columns images per grid row, at least 1 (reduced to {@code count} if larger)
     * @param min     value drawn black; smaller values are clamped
     * @param max     value drawn white; larger values are clamped
     * @param scale   integer upscaling factor, at least 1
     * @throws IOException if the file cannot be written; an old file is then left as it was
     */
    public static void write(Path file, float[] images, int count, int height, int width, int columns,
                             float min, float max, int scale) throws IOException {
        PngFile.write(file, render(images, count, height, width, columns, min, max, scale));
    }

    /**
     * Draws the grid without writing it. Arguments are as for
     * {@link #write(Path, float[], int, int, int, int, float, float, int)}. NaN values are drawn black.
     *
     * @param images  image values
     * @param count   number of images
     * @param height  rows per image
     * @param width   columns per image
     * @param columns images per grid row
     * @param min     value drawn black
     * @param max     value drawn white
     * @param scale   integer upscaling factor
     * @return the grid, an 8-bit grayscale image
     * @throws IllegalArgumentException on non-positive sizes, too few values, {@code max <= min} or a
     *         grid too large to hold in memory
     */
    public static BufferedImage render(float[] images, int count, int height, int width, int columns,
                                       float min, float max, int scale) {
        if (count < 1 || height < 1 || width < 1 || columns < 1 || scale < 1) {
            throw new IllegalArgumentException("count, height, width, columns and scale must be positive, got "
                    + count + ", " + height + ", " + width + ", " + columns + ", " + scale);
        }
        if (images.length < (long) count * height * width) {
            throw new IllegalArgumentException(count + " images of " + height + "x" + width + " need "
                    + (long) count * height * width + " values, got " + images.length);
        }
        if (!(max > min)) {
            throw new IllegalArgumentException("need min < max, got [" + min + ", " + max + "]");
        }
        int cols = Math.min(columns, count);
        int rows = (count + cols - 1) / cols;
        long tileW = (long) width * scale;
        long tileH = (long) height * scale;
        long gridW = cols * tileW + (long) (cols - 1) * GAP;
        long gridH = rows * tileH + (long) (rows - 1) * GAP;
        if (gridW * gridH > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("grid too large: " + gridW + "x" + gridH + " pixels");
        }
        int w = (int) gridW;
        BufferedImage grid = new BufferedImage(w, (int) gridH, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((DataBufferByte) grid.getRaster().getDataBuffer()).getData();
        Arrays.fill(pixels, (byte) GAP_GRAY);

        float toGray = 255f / (max - min);
        int imageSize = height * width;
        for (int i = 0; i < count; i++) {
            int left = (int) ((i % cols) * (tileW + GAP));
            int top = (int) ((i / cols) * (tileH + GAP));
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    byte g = toGray(images[i * imageSize + y * width + x], min, max, toGray);
                    fillBlock(pixels, w, left + x * scale, top + y * scale, scale, g);
                }
            }
        }
        return grid;
    }

    private static byte toGray(float v, float min, float max, float toGray) {
        if (!(v > min)) {
            return 0; // also catches NaN
        }
        if (v >= max) {
            return (byte) 255;
        }
        return (byte) Math.round((v - min) * toGray);
    }

    private static void fillBlock(byte[] pixels, int stride, int x0, int y0, int size, byte g) {
        for (int y = y0; y < y0 + size; y++) {
            Arrays.fill(pixels, y * stride + x0, y * stride + x0 + size, g);
        }
    }
}

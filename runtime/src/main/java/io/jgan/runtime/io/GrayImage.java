package io.jgan.runtime.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An 8-bit grayscale raster: {@code width * height} gray levels, row-major.
 *
 * <p>The pixel array is shared, not copied, so large rasters are cheap to pass around.
 *
 * @param width  width in pixels
 * @param height height in pixels
 * @param pixels gray levels as unsigned bytes, 0 = black, 255 = white
 */
public record GrayImage(int width, int height, byte[] pixels) {

    /**
     * Checks that the pixel array matches the size.
     *
     * @param width see the record description
     * @param height see the record description
     * @param pixels see the record description
     * @throws IllegalArgumentException if the size is not positive or the array length is wrong
     */
    public GrayImage {
        if (width < 1 || height < 1 || pixels.length != (long) width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " image needs "
                    + (long) width * height + " pixels, got " + pixels.length);
        }
    }

    /**
     * Returns one pixel's gray level.
     *
     * @param x column, from 0 at the left
     * @param y row, from 0 at the top
     * @return the gray level in [0, 255]
     */
    public int gray(int x, int y) {
        return pixels[y * width + x] & 0xFF;
    }

    /**
     * Encodes this image as a grayscale PNG.
     *
     * @return the PNG file content
     */
    public byte[] toPng() {
        return Png.encodeGray(width, height, pixels);
    }

    /**
     * Atomically writes this image as a grayscale PNG file.
     *
     * @param file the file to create or replace
     * @throws IOException if the file cannot be written
     */
    public void writePng(Path file) throws IOException {
        AtomicFile.write(file, toPng());
    }
}

package io.jgan.runtime.io;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A minimal PNG encoder for 8-bit grayscale and 8-bit RGB images.
 *
 * <p>Built on {@link Deflater} and {@link CRC32} only, so it works headless and needs no AWT.
 * Rows use filter type 0 (none): simple, and images here are small enough that the slightly
 * worse compression does not matter.
 */
public final class Png {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int COLOR_GRAY = 0;
    private static final int COLOR_RGB = 2;

    private Png() {
    }

    /**
     * Encodes an 8-bit grayscale image.
     *
     * @param width  image width in pixels, at least 1
     * @param height image height in pixels, at least 1
     * @param pixels {@code width * height} gray levels, row-major, 0 = black, 255 (as byte -1) = white
     * @return the PNG file content
     */
    public static byte[] encodeGray(int width, int height, byte[] pixels) {
        checkSize(width, height, pixels.length, 1);
        return encode(width, height, COLOR_GRAY, 1, pixels);
    }

    /**
     * Encodes an 8-bit RGB image from interleaved bytes.
     *
     * @param width  image width in pixels, at least 1
     * @param height image height in pixels, at least 1
     * @param rgb    {@code width * height * 3} bytes, row-major, in R, G, B order
     * @return the PNG file content
     */
    public static byte[] encodeRgb(int width, int height, byte[] rgb) {
        checkSize(width, height, rgb.length, 3);
        return encode(width, height, COLOR_RGB, 3, rgb);
    }

    /**
     * Encodes an 8-bit RGB image from packed pixels.
     *
     * @param width  image width in pixels, at least 1
     * @param height image height in pixels, at least 1
     * @param rgb    {@code width * height} pixels, row-major, each {@code 0xRRGGBB} (higher bits ignored)
     * @return the PNG file content
     */
    public static byte[] encodeRgb(int width, int height, int[] rgb) {
        checkSize(width, height, rgb.length, 1);
        byte[] bytes = new byte[rgb.length * 3];
        for (int i = 0, j = 0; i < rgb.length; i++) {
            int p = rgb[i];
            bytes[j++] = (byte) (p >>> 16);
            bytes[j++] = (byte) (p >>> 8);
            bytes[j++] = (byte) p;
        }
        return encode(width, height, COLOR_RGB, 3, bytes);
    }

    /**
     * Atomically writes an 8-bit grayscale PNG file.
     *
     * @param file   the file to create or replace
     * @param width  image width in pixels
     * @param height image height in pixels
     * @param pixels {@code width * height} gray levels, row-major
     * @throws IOException if the file cannot be written
     */
    public static void writeGray(Path file, int width, int height, byte[] pixels) throws IOException {
        AtomicFile.write(file, encodeGray(width, height, pixels));
    }

    /**
     * Atomically writes an 8-bit RGB PNG file from packed {@code 0xRRGGBB} pixels.
     *
     * @param file   the file to create or replace
     * @param width  image width in pixels
     * @param height image height in pixels
     * @param rgb    {@code width * height} packed pixels, row-major
     * @throws IOException if the file cannot be written
     */
    public static void writeRgb(Path file, int width, int height, int[] rgb) throws IOException {
        AtomicFile.write(file, encodeRgb(width, height, rgb));
    }

    /**
     * Atomically writes an 8-bit RGB PNG file from interleaved R, G, B bytes.
     *
     * @param file   the file to create or replace
     * @param width  image width in pixels
     * @param height image height in pixels
     * @param rgb    {@code width * height * 3} bytes, row-major
     * @throws IOException if the file cannot be written
     */
    public static void writeRgb(Path file, int width, int height, byte[] rgb) throws IOException {
        AtomicFile.write(file, encodeRgb(width, height, rgb));
    }

    private static void checkSize(int width, int height, int length, int valuesPerPixel) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        // One filter byte per row is added later, so leave room for it within an int-sized array.
        if ((long) width * height * 3 + height > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("image too large: " + width + "x" + height);
        }
        long expected = (long) width * height * valuesPerPixel;
        if (length != expected) {
            throw new IllegalArgumentException("expected " + expected + " values for a " + width + "x"
                    + height + " image, got " + length);
        }
    }

    private static byte[] encode(int width, int height, int colorType, int bytesPerPixel, byte[] samples) {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream(samples.length / 4 + 1024);
            png.write(SIGNATURE);

            ByteArrayOutputStream header = new ByteArrayOutputStream(13);
            DataOutputStream h = new DataOutputStream(header);
            h.writeInt(width);
            h.writeInt(height);
            h.writeByte(8);         // bit depth
            h.writeByte(colorType);
            h.writeByte(0);         // compression method: deflate
            h.writeByte(0);         // filter method: adaptive (we always pick filter 0)
            h.writeByte(0);         // no interlace
            writeChunk(png, "IHDR", header.toByteArray());

            writeChunk(png, "IDAT", deflateScanlines(width, height, bytesPerPixel, samples));
            writeChunk(png, "IEND", new byte[0]);
            return png.toByteArray();
        } catch (IOException e) {
            // Only in-memory streams are involved, so this cannot happen.
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] deflateScanlines(int width, int height, int bytesPerPixel, byte[] samples)
            throws IOException {
        int rowBytes = width * bytesPerPixel;
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(samples.length / 4 + 64);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try (OutputStream z = new DeflaterOutputStream(compressed, deflater, 1 << 16)) {
            for (int y = 0; y < height; y++) {
                z.write(0); // filter type: none
                z.write(samples, y * rowBytes, rowBytes);
            }
        } finally {
            deflater.end();
        }
        return compressed.toByteArray();
    }

    private static void writeChunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        DataOutputStream out = new DataOutputStream(png);
        out.writeInt(data.length);
        out.write(typeBytes);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }
}

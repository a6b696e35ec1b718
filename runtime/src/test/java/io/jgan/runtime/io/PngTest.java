package io.jgan.runtime.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Decodes written PNGs with ImageIO (test-only) to check every pixel. */
class PngTest {

    @TempDir
    Path dir;

    private static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image, "ImageIO could not decode the PNG");
        return image;
    }

    @Test
    void grayPixelsSurviveDecoding() throws IOException {
        int w = 37;
        int h = 11;
        byte[] pixels = new byte[w * h];
        new Random(3).nextBytes(pixels);
        pixels[0] = 0;
        pixels[1] = (byte) 255;
        BufferedImage image = decode(Png.encodeGray(w, h, pixels));
        assertEquals(w, image.getWidth());
        assertEquals(h, image.getHeight());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, image.getType());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                assertEquals(pixels[y * w + x] & 0xFF, image.getRaster().getSample(x, y, 0), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void rgbFromPackedIntsSurvivesDecoding() throws IOException {
        int w = 13;
        int h = 17;
        int[] rgb = new int[w * h];
        Random random = new Random(4);
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = random.nextInt(1 << 24);
        }
        rgb[0] = 0xFF0000;
        rgb[1] = 0xFF00FF00; // alpha bits must be ignored
        BufferedImage image = decode(Png.encodeRgb(w, h, rgb));
        assertEquals(w, image.getWidth());
        assertEquals(h, image.getHeight());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                assertEquals(rgb[y * w + x] & 0xFFFFFF, image.getRGB(x, y) & 0xFFFFFF, "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void rgbFromInterleavedBytesMatchesPackedInts() throws IOException {
        byte[] bytes = {(byte) 255, 0, 0, 0, (byte) 128, 0, 1, 2, 3, (byte) 250, (byte) 251, (byte) 252};
        BufferedImage image = decode(Png.encodeRgb(2, 2, bytes));
        assertEquals(0xFF0000, image.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(0x008000, image.getRGB(1, 0) & 0xFFFFFF);
        assertEquals(0x010203, image.getRGB(0, 1) & 0xFFFFFF);
        assertEquals(0xFAFBFC, image.getRGB(1, 1) & 0xFFFFFF);
    }

    @Test
    void chunksHaveValidLengthsAndCrcs() {
        byte[] png = Png.encodeGray(3, 2, new byte[6]);
        ByteBuffer buf = ByteBuffer.wrap(png);
        byte[] signature = new byte[8];
        buf.get(signature);
        assertEquals("89504e470d0a1a0a", Checksums.hex(signature));
        List<String> types = new ArrayList<>();
        while (buf.hasRemaining()) {
            int length = buf.getInt();
            byte[] typeAndData = new byte[4 + length];
            buf.get(typeAndData);
            CRC32 crc = new CRC32();
            crc.update(typeAndData);
            String type = new String(typeAndData, 0, 4, StandardCharsets.US_ASCII);
            assertEquals((int) crc.getValue(), buf.getInt(), "CRC of " + type);
            types.add(type);
            if (type.equals("IHDR")) {
                ByteBuffer ihdr = ByteBuffer.wrap(typeAndData, 4, length);
                assertEquals(3, ihdr.getInt());
                assertEquals(2, ihdr.getInt());
                assertEquals(8, ihdr.get());  // bit depth
                assertEquals(0, ihdr.get());  // grayscale
            }
        }
        assertEquals(List.of("IHDR", "IDAT", "IEND"), types);
    }

    @Test
    void writeCreatesDecodableFile() throws IOException {
        Path file = dir.resolve("img.png");
        Png.writeGray(file, 2, 1, new byte[] {10, 20});
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(20, image.getRaster().getSample(1, 0, 0));
        Png.writeRgb(file, 1, 1, new int[] {0x123456});
        assertEquals(0x123456, ImageIO.read(Files.newInputStream(file)).getRGB(0, 0) & 0xFFFFFF);
    }

    @Test
    void rejectsWrongSizes() {
        assertThrows(IllegalArgumentException.class, () -> Png.encodeGray(2, 2, new byte[3]));
        assertThrows(IllegalArgumentException.class, () -> Png.encodeGray(0, 2, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> Png.encodeRgb(2, 2, new byte[4]));
        assertThrows(IllegalArgumentException.class, () -> Png.encodeRgb(2, 2, new int[5]));
        assertThrows(IllegalArgumentException.class, () -> Png.encodeGray(100_000, 100_000, new byte[1]));
    }
}

package io.jgan.data.idx;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static io.jgan.data.idx.IdxFiles.gzip;
import static io.jgan.data.idx.IdxFiles.idx;
import static io.jgan.data.idx.IdxFiles.images;
import static io.jgan.data.idx.IdxFiles.labels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdxReaderTest {

    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    private static IOException fails(IdxCall call) {
        return assertThrows(IOException.class, call::run);
    }

    @FunctionalInterface
    private interface IdxCall {
        void run() throws IOException;
    }

    @Test
    void readsRawAndGzippedImagesIdentically() throws IOException {
        byte[] raw = images(3, 4, 5);
        for (Path f : new Path[] {file("img", raw), file("img.gz", gzip(raw))}) {
            IdxImages images = IdxReader.readImages(f);
            assertEquals(3, images.count());
            assertEquals(4, images.rows());
            assertEquals(5, images.cols());
            assertEquals(20, images.imageSize());
            assertArrayEquals(Arrays.copyOfRange(raw, 16, raw.length), images.pixels());
            // image 2, row 3, col 4 is pixel index 2*20 + 3*5 + 4 = 59
            assertEquals((59 * 7) & 0xFF, images.pixel(2, 3, 4));
        }
    }

    @Test
    void readsRawAndGzippedLabels() throws IOException {
        for (Path f : new Path[] {file("lab", labels(25)), file("lab.gz", gzip(labels(25)))}) {
            IdxLabels labels = IdxReader.readLabels(f);
            assertEquals(25, labels.count());
            assertEquals(7, labels.label(17));
            assertEquals(4, labels.toInts()[24]);
        }
    }

    @Test
    void writerOutputReadsBack() throws IOException {
        IdxImages images = new IdxImages(2, 2, 3, new byte[] {0, 1, 2, 3, 4, 5, (byte) 200, 7, 8, 9, 10, (byte) 255});
        IdxLabels labels = new IdxLabels(2, new byte[] {9, (byte) 250});
        for (boolean gz : new boolean[] {false, true}) {
            Path imageFile = dir.resolve("i" + gz);
            Path labelFile = dir.resolve("l" + gz);
            IdxWriter.writeImages(imageFile, images, gz);
            IdxWriter.writeLabels(labelFile, labels, gz);
            assertEquals(gz, (Files.readAllBytes(imageFile)[0] & 0xFF) == 0x1f);
            IdxImages back = IdxReader.readImages(imageFile);
            assertArrayEquals(images.pixels(), back.pixels());
            assertEquals(250, IdxReader.readLabels(labelFile).label(1));
        }
        assertArrayEquals(images(3, 4, 5), writeAndRead(IdxReader.readImages(file("x", images(3, 4, 5)))));
    }

    private byte[] writeAndRead(IdxImages images) throws IOException {
        Path f = dir.resolve("rewritten");
        IdxWriter.writeImages(f, images, false);
        return Files.readAllBytes(f);
    }

    @Test
    void floatsAreScaledToMinusOneOne() {
        IdxImages images = new IdxImages(1, 1, 4, new byte[] {0, (byte) 255, (byte) 128, 51});
        float[] f = images.toFloats();
        assertEquals(-1f, f[0], 0f);
        assertEquals(1f, f[1], 1e-6f);
        assertEquals(128 / 127.5f - 1, f[2], 1e-7f);
        assertEquals(51 / 127.5f - 1, f[3], 1e-7f);
    }

    @Test
    void truncationAtEveryByteOfARawFileIsReported() throws IOException {
        byte[] full = images(3, 4, 5); // 16 header bytes + 60 pixels
        for (int n = 0; n < full.length; n++) {
            Path f = file("t" + n, Arrays.copyOf(full, n));
            IOException e = fails(() -> IdxReader.readImages(f));
            assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("truncated"), n + ": " + e.getMessage());
            if (n >= 16) {
                assertTrue(e.getMessage().contains("header says 3 images of 4x5 (= 60 bytes) but only "
                        + (n - 16) + " bytes follow"), e.getMessage());
            }
        }
        byte[] labels = labels(5);
        for (int n = 0; n < labels.length; n++) {
            Path f = file("l" + n, Arrays.copyOf(labels, n));
            fails(() -> IdxReader.readLabels(f));
        }
    }

    @Test
    void truncationAtEveryByteOfAGzippedFileIsReported() throws IOException {
        byte[] full = gzip(images(3, 4, 5));
        for (int n = 0; n < full.length; n++) {
            Path f = file("g" + n, Arrays.copyOf(full, n));
            IOException e = fails(() -> IdxReader.readImages(f));
            assertTrue(e.getMessage().contains(f.toString()), n + ": " + e.getMessage());
        }
        // a complete gzip stream of a truncated IDX payload reports the IDX problem
        byte[] shortPayload = Arrays.copyOf(images(3, 4, 5), 70);
        IOException e = fails(() -> IdxReader.readImages(file("short.gz", gzip(shortPayload))));
        assertTrue(e.getMessage().contains("but only 54 bytes follow (after decompression)"), e.getMessage());
    }

    @Test
    void overLongFilesAreRejected() throws IOException {
        byte[] longer = Arrays.copyOf(images(3, 4, 5), 16 + 60 + 2);
        IOException raw = fails(() -> IdxReader.readImages(file("long", longer)));
        assertTrue(raw.getMessage().contains("too long") && raw.getMessage().contains("62 bytes follow"),
                raw.getMessage());
        IOException gz = fails(() -> IdxReader.readImages(file("long.gz", gzip(longer))));
        assertTrue(gz.getMessage().contains("too long"), gz.getMessage());
    }

    @Test
    void badMagicTypeAndDimensionsAreRejected() throws IOException {
        byte[] good = images(2, 2, 2);
        byte[] flipped = good.clone();
        flipped[0] = 0x12;
        IOException e = fails(() -> IdxReader.readImages(file("flipped", flipped)));
        assertTrue(e.getMessage().contains("not an IDX image file") && e.getMessage().contains("0x12000803"),
                e.getMessage());

        byte[] floats = good.clone();
        floats[2] = 0x0D;
        e = fails(() -> IdxReader.readImages(file("floats", floats)));
        assertTrue(e.getMessage().contains("element type 0x0d"), e.getMessage());

        e = fails(() -> IdxReader.readImages(file("labels-as-images", labels(4))));
        assertTrue(e.getMessage().contains("label file?"), e.getMessage());
        e = fails(() -> IdxReader.readLabels(file("images-as-labels", good)));
        assertTrue(e.getMessage().contains("image file?"), e.getMessage());

        Path zeroRows = file("zero", idx(0x00000803, new int[] {2, 0, 2}, new byte[0]));
        e = fails(() -> IdxReader.readImages(zeroRows));
        assertTrue(e.getMessage().contains("must be positive"), e.getMessage());
        Path negative = file("neg", idx(0x00000803, new int[] {-1, 2, 2}, new byte[0]));
        e = fails(() -> IdxReader.readImages(negative));
        assertTrue(e.getMessage().contains("4294967295"), e.getMessage());
    }

    @Test
    void headersBeyondTheLimitAreRejectedBeforeAllocating() throws IOException {
        Path huge = file("huge", idx(0x00000803, new int[] {Integer.MAX_VALUE, 28, 28}, new byte[100]));
        long allocated = AllocationMeter.bytesAllocatedBy(() -> IdxReader.readImages(huge));
        IOException e = fails(() -> IdxReader.readImages(huge));
        assertTrue(e.getMessage().contains("limit"), e.getMessage());
        assertTrue(allocated < 4 << 20, "allocated " + allocated);
    }

    @Test
    void plausibleButFalseSizesDoNotAllocateTheClaim() throws IOException {
        // 1,000,000 images of 28x28 = 784 MB: under the limit, but the files hold 100 bytes.
        byte[] lying = idx(0x00000803, new int[] {1_000_000, 28, 28}, new byte[100]);
        Path raw = file("lying", lying);
        Path gz = file("lying.gz", gzip(lying));
        for (Path f : new Path[] {raw, gz}) {
            long start = System.nanoTime();
            long allocated = AllocationMeter.bytesAllocatedBy(() -> IdxReader.readImages(f));
            assertTrue(System.nanoTime() - start < 5_000_000_000L);
            IOException e = fails(() -> IdxReader.readImages(f));
            assertTrue(e.getMessage().contains("header says 1000000 images of 28x28 (= 784000000 bytes) but only 100"
                    + " bytes follow"), e.getMessage());
            assertTrue(allocated < 8 << 20, f + " allocated " + allocated);
        }
    }
}

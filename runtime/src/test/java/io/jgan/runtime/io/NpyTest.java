package io.jgan.runtime.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpyTest {

    /** What {@code numpy.save} (numpy 2.x) writes for {@code np.array([[1,2,3],[4,5,-0.5]], '<f4')}. */
    private static final String NUMPY_2X3 = "934e554d5059010076007b276465736372273a20273c6634272c2027666f727472616e5f6f72646572273a2046616c73"
            + "652c20277368617065273a2028322c2033292c207d202020202020202020202020202020202020202020202020202020"
            + "202020202020202020202020202020202020202020202020202020202020200a0000803f000000400000404000008040"
            + "0000a040000000bf";

    @TempDir
    Path dir;

    private static NpyArray random(long seed, int... shape) {
        int size = 1;
        for (int d : shape) {
            size *= d;
        }
        float[] data = new float[size];
        Random r = new Random(seed);
        for (int i = 0; i < size; i++) {
            data[i] = (float) r.nextGaussian();
        }
        return NpyArray.of(data, shape);
    }

    private Path write(byte[] bytes) throws IOException {
        Path file = dir.resolve("x.npy");
        Files.write(file, bytes);
        return file;
    }

    private static byte[] replace(byte[] bytes, String from, String to) {
        String s = new String(bytes, StandardCharsets.ISO_8859_1);
        assertTrue(s.contains(from), from);
        assertEquals(from.length(), to.length(), "keep the header length");
        return s.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void writesExactlyWhatNumpyWrites() {
        NpyArray a = NpyArray.of(new float[] {1, 2, 3, 4, 5, -0.5f}, 2, 3);
        assertEquals(NUMPY_2X3, Checksums.hex(Npy.toBytes(a)));
    }

    @Test
    void readsWhatNumpyWrites() throws IOException {
        NpyArray a = Npy.read(write(Checksums.parseHex(NUMPY_2X3)));
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, -0.5f}, a.data());
    }

    @Test
    void headersArePaddedTo64BytesAndEndInNewline() {
        for (int[] shape : new int[][] {{}, {0}, {7}, {2, 3}, {100000, 784}, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}}) {
            byte[] header = Npy.header(shape);
            assertEquals(0, header.length % 64, Arrays.toString(shape));
            assertEquals('\n', header[header.length - 1]);
            int declared = ByteBuffer.wrap(header, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
            assertEquals(header.length - 10, declared);
        }
        assertEquals("()", Npy.shapeText(new int[0]));
        assertEquals("(7,)", Npy.shapeText(new int[] {7}));
        assertEquals("(2, 3)", Npy.shapeText(new int[] {2, 3}));
    }

    @Test
    void roundTripsManyShapesAndSpecialValuesBitForBit() throws IOException {
        NpyArray special = NpyArray.of(new float[] {Float.NaN, -0f, 0f, Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY, Float.MIN_VALUE, Float.MAX_VALUE, -1.5e-30f}, 8);
        NpyArray[] arrays = {
            NpyArray.of(new float[] {2.5f}), NpyArray.of(new float[0], 0), NpyArray.of(new float[0], 3, 0),
            special, random(1, 2, 3), random(2, 4, 5, 6), random(3, 70_000), // > one 64 KiB chunk
        };
        for (NpyArray a : arrays) {
            Path file = dir.resolve("a.npy");
            Npy.write(file, a);
            assertEquals(Npy.toBytes(a).length, Files.size(file));
            NpyArray back = Npy.read(file);
            assertEquals(a, back, a.toString());
            // also through the stream API with unknown length (the growing-buffer path)
            assertEquals(a, Npy.read(new ByteArrayInputStream(Npy.toBytes(a)), "mem", -1));
        }
    }

    @Test
    void truncationAtEveryByteIsReportedWithTheFileName() throws IOException {
        byte[] full = Npy.toBytes(random(4, 3, 5));
        for (int n = 0; n < full.length; n++) {
            Path file = write(Arrays.copyOf(full, n));
            IOException e = assertThrows(IOException.class, () -> Npy.read(file), "prefix of " + n + " bytes");
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
            byte[] prefix = Arrays.copyOf(full, n);
            IOException s = assertThrows(IOException.class,
                    () -> Npy.read(new ByteArrayInputStream(prefix), "stream", -1), "stream prefix " + n);
            assertTrue(s.getMessage().contains("truncated"), s.getMessage());
        }
        IOException e = assertThrows(IOException.class, () -> Npy.read(write(Arrays.copyOf(full, full.length - 4))));
        assertTrue(e.getMessage().contains("header says shape (3, 5) (= 60 bytes of float32 data) but only 56 bytes follow"),
                e.getMessage());
    }

    @Test
    void trailingBytesAreRejected() throws IOException {
        byte[] full = Npy.toBytes(random(5, 4));
        byte[] longer = Arrays.copyOf(full, full.length + 3);
        IOException e = assertThrows(IOException.class, () -> Npy.read(write(longer)));
        assertTrue(e.getMessage().contains("3 unexpected bytes"), e.getMessage());
        assertThrows(IOException.class, () -> Npy.read(new ByteArrayInputStream(longer), "s", -1));
    }

    @Test
    void everyFlippedMagicByteIsRejected() throws IOException {
        byte[] full = Npy.toBytes(random(6, 2));
        for (int i = 0; i < 6; i++) {
            byte[] bad = full.clone();
            bad[i] ^= 0x20;
            IOException e = assertThrows(IOException.class, () -> Npy.read(write(bad)));
            assertTrue(e.getMessage().contains("not an NPY file"), e.getMessage());
        }
    }

    @Test
    void unsupportedVersionsAreRejected() throws IOException {
        byte[] bad = Npy.toBytes(random(7, 2));
        bad[6] = 9;
        IOException e = assertThrows(IOException.class, () -> Npy.read(write(bad)));
        assertTrue(e.getMessage().contains("version 9.0"), e.getMessage());
        bad[6] = 1;
        bad[7] = 1;
        assertThrows(IOException.class, () -> Npy.read(write(bad)));
    }

    @Test
    void readsVersion2Headers() throws IOException {
        byte[] v1 = Npy.toBytes(random(8, 3));
        // Version 2.0 has a 4-byte header length: rebuild the same dict behind a longer prefix.
        int headerLength = ByteBuffer.wrap(v1, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
        ByteBuffer v2 = ByteBuffer.allocate(v1.length + 2).order(ByteOrder.LITTLE_ENDIAN);
        v2.put(v1, 0, 6).put((byte) 2).put((byte) 0).putInt(headerLength).put(v1, 10, v1.length - 10);
        assertEquals(Npy.read(write(v1)), Npy.read(write(v2.array())));
    }

    @Test
    void wrongDtypesAreRejectedByName() throws IOException {
        byte[] full = Npy.toBytes(random(9, 2));
        for (String dtype : new String[] {"<f8", ">f4", "<i4", "|u1"}) {
            IOException e = assertThrows(IOException.class, () -> Npy.read(write(replace(full, "<f4", dtype))));
            assertTrue(e.getMessage().contains("'" + dtype + "'") && e.getMessage().contains("float32"), e.getMessage());
        }
    }

    @Test
    void fortranOrderIsRejected() throws IOException {
        byte[] bad = replace(Npy.toBytes(random(10, 2, 2)), "False", "True ");
        IOException e = assertThrows(IOException.class, () -> Npy.read(write(bad)));
        assertTrue(e.getMessage().contains("fortran_order"), e.getMessage());
    }

    @Test
    void malformedHeadersAreRejected() throws IOException {
        byte[] full = Npy.toBytes(random(11, 2, 2));
        String[][] edits = {
            {"'shape': (2, 2)", "'shape': [2, 2]"},
            {"'shape': (2, 2)", "'shape': (2,-2)"},
            {"'shape': (2, 2)", "'shape': (2,,2)"},
            {"{'descr'", "['descr'"},
            {"'shape'", "'shapf'"},
            {"'fortran_order': False", "'fortran_order': 12345"},
        };
        for (String[] edit : edits) {
            IOException e = assertThrows(IOException.class, () -> Npy.read(write(replace(full, edit[0], edit[1]))),
                    edit[1]);
            assertTrue(e.getMessage().contains("x.npy"), e.getMessage());
        }
    }

    /** A version-1.0 file with the given header dict (padded like numpy) and {@code dataBytes} zero bytes. */
    private static byte[] npy(String dict, int dataBytes) {
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1));
        return b.array();
    }

    @Test
    void headerClaimingGigabytesFailsFastWithoutAllocating() throws IOException {
        // 20000 x 20000 floats = 1.6 GB claimed by a file of about a hundred bytes.
        byte[] bytes = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (20000, 20000), }", 40);
        Path file = write(bytes);
        long start = System.nanoTime();
        long allocated = AllocationMeter.bytesAllocatedBy(() -> Npy.read(file));
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "took too long");
        IOException e = assertThrows(IOException.class, () -> Npy.read(file));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("only 40 bytes follow"),
                e.getMessage());
        assertTrue(allocated < 16 << 20, "allocated " + allocated + " bytes");

        // Unknown length (e.g. inside a zip): the buffer grows only with the data actually present.
        long streamAllocated = AllocationMeter.bytesAllocatedBy(
                () -> Npy.read(new ByteArrayInputStream(bytes), "stream", -1));
        assertThrows(IOException.class, () -> Npy.read(new ByteArrayInputStream(bytes), "stream", -1));
        assertTrue(streamAllocated < 16 << 20, "allocated " + streamAllocated + " bytes");
    }

    @Test
    void shapesBeyondJavaArraysAreRejected() throws IOException {
        byte[] tooMany = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (100000, 100000), }", 0);
        IOException e = assertThrows(IOException.class, () -> Npy.read(write(tooMany)));
        assertTrue(e.getMessage().contains("more than"), e.getMessage());
        byte[] hugeDim = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999,), }", 0);
        IOException big = assertThrows(IOException.class, () -> Npy.read(write(hugeDim)));
        assertTrue(big.getMessage().contains("99999999999"), big.getMessage());
        byte[] overflow = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999,), }", 0);
        assertThrows(IOException.class, () -> Npy.read(write(overflow)));
    }

    @Test
    void toleratesOtherWritersFormatting() throws IOException {
        // Double quotes, no trailing comma, extra spaces and the Python 2 "L" suffix.
        byte[] bytes = npy("{\"descr\":\"<f4\",\"fortran_order\":False,  \"shape\":( 2L , )}", 8);
        NpyArray a = Npy.read(write(bytes));
        assertArrayEquals(new int[] {2}, a.shape());
        assertArrayEquals(new float[] {0, 0}, a.data());
    }

    @Test
    void absurdHeaderLengthIsRejectedBeforeReading() throws IOException {
        ByteBuffer v2 = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        v2.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0}).putInt(0x7FFF_FFFF);
        IOException e = assertThrows(IOException.class, () -> Npy.read(new ByteArrayInputStream(v2.array()), "s", -1));
        assertTrue(e.getMessage().contains("header"), e.getMessage());
    }

    @Test
    void npyArrayValidatesAndComparesByContent() {
        assertThrows(IllegalArgumentException.class, () -> NpyArray.of(new float[5], 2, 3));
        assertThrows(IllegalArgumentException.class, () -> NpyArray.of(new float[0], -1));
        int[] shape = {2};
        NpyArray a = new NpyArray(shape, new float[] {1, 2});
        shape[0] = 99; // the record copies its shape
        assertArrayEquals(new int[] {2}, a.shape());
        assertEquals(a, NpyArray.of(new float[] {1, 2}, 2));
        assertEquals(a.hashCode(), NpyArray.of(new float[] {1, 2}, 2).hashCode());
        assertTrue(!a.equals(NpyArray.of(new float[] {1, 2}, 1, 2)));
    }
}

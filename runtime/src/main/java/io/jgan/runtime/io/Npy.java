package io.jgan.runtime.io;

import io.jgan.runtime.internal.IoStreams;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Reads and writes NumPy {@code .npy} files holding little-endian float32 ({@code '<f4'}) arrays
 * in C order.
 *
 * <p>Files are written in format version 1.0 with the header padded so the data starts at a
 * multiple of 64 bytes, exactly as {@code numpy.save} does. Reading accepts versions 1.0, 2.0
 * and 3.0 and treats the file as untrusted: it checks the magic, version, dtype, order and shape,
 * and compares the size the header claims with the bytes actually present before allocating, so
 * a corrupt header cannot cause an {@link OutOfMemoryError}. Problems are reported as
 * {@link IOException}s naming the file.
 */
public final class Npy {

    /** The six magic bytes every {@code .npy} file starts with. */
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Data starts at a multiple of this, as numpy requires for memory mapping. */
    private static final int ALIGN = 64;
    /** Real headers are about a hundred bytes; anything this large is corrupt. */
    static final int MAX_HEADER_BYTES = 1 << 20;
    /** The largest Java array the JVM reliably allocates. */
    static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    private static final int CHUNK = 1 << 16;

    private Npy() {
    }

    /**
     * Atomically writes {@code array} as a {@code .npy} file.
     *
     * @param file  the file to create or replace
     * @param array the array
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, NpyArray array) throws IOException {
        AtomicFile.write(file, out -> write(out, array));
    }

    /**
     * Writes {@code array} in {@code .npy} format to a stream (which is not closed).
     *
     * @param out   the stream
     * @param array the array
     * @throws IOException if writing fails
     */
    public static void write(OutputStream out, NpyArray array) throws IOException {
        writeHeader(out, array.shape());
        writeFloats(out, array.data());
    }

    /**
     * Writes the header of a float32 {@code .npy} array of this shape, for a writer that streams the
     * values after it with {@link #writeFloats} (C order; exactly the shape's product in total).
     *
     * @param out the stream
     * @param shape the dimensions
     * @throws IOException if writing fails
     */
    public static void writeHeader(OutputStream out, int... shape) throws IOException {
        out.write(header(shape));
    }

    /**
     * Writes float32 values (little-endian), the next part of an array begun with {@link #writeHeader}.
     *
     * @param out the stream
     * @param values the values
     * @throws IOException if writing fails
     */
    public static void writeFloats(OutputStream out, float[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < values.length; ) {
            int n = Math.min(CHUNK / Float.BYTES, values.length - i);
            buffer.clear();
            buffer.asFloatBuffer().put(values, i, n);
            out.write(buffer.array(), 0, n * Float.BYTES);
            i += n;
        }
    }

    /**
     * The size of a float32 {@code .npy} file of this shape, to check for room before writing it.
     *
     * @param shape the dimensions
     * @return header plus data bytes
     */
    public static long fileSize(int... shape) {
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        return header(shape).length + Float.BYTES * count;
    }

    /**
     * Returns {@code array} as the bytes of a {@code .npy} file.
     *
     * @param array the array
     * @return the file content
     */
    public static byte[] toBytes(NpyArray array) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(array.size() * Float.BYTES + ALIGN * 2);
        try {
            write(out, array);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        }
        return out.toByteArray();
    }

    /**
     * Reads a {@code .npy} file.
     *
     * @param file the file
     * @return the array
     * @throws IOException if the file cannot be read or is not a valid float32 {@code .npy} file;
     *                     the message names the file and the problem
     */
    public static NpyArray read(Path file) throws IOException {
        long length = Files.size(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), CHUNK)) {
            return read(in, file.toString(), length);
        }
    }

    /**
     * Reads one {@code .npy} array from a stream, consuming it to the end.
     *
     * @param in     the stream, positioned at the magic bytes
     * @param source a name for the input used in error messages, such as a file name
     * @param length the total number of bytes the stream holds if known (and trustworthy), else -1;
     *               when known, size checks happen before any allocation
     * @return the array
     * @throws IOException if reading fails or the content is not a valid float32 {@code .npy} array
     */
    public static NpyArray read(InputStream in, String source, long length) throws IOException {
        Header header = readHeader(in, source, length);
        long dataBytes = (long) header.count() * Float.BYTES;
        if (length >= 0) {
            long available = length - header.dataOffset();
            if (available < dataBytes) {
                throw new IOException(source + " is truncated: header says shape " + shapeText(header.shape())
                        + " (= " + dataBytes + " bytes of float32 data) but only " + available + " bytes follow");
            }
            if (available > dataBytes) {
                throw new IOException(source + " has " + (available - dataBytes)
                        + " unexpected bytes after the data for shape " + shapeText(header.shape()));
            }
        }
        // With a verified length the whole array can be allocated at once; otherwise grow with the data.
        float[] data = new float[length >= 0 ? header.count() : Math.min(header.count(), IoStreams.INITIAL_CHUNK)];
        int count = 0;
        byte[] bytes = new byte[CHUNK];
        ByteBuffer view = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        while (count < header.count()) {
            int want = Math.min(CHUNK / Float.BYTES, header.count() - count);
            int got = in.readNBytes(bytes, 0, want * Float.BYTES);
            if (got < want * Float.BYTES) {
                long present = (long) count * Float.BYTES + got;
                throw new IOException(source + " is truncated: header says shape " + shapeText(header.shape())
                        + " (= " + dataBytes + " bytes of float32 data) but only " + present + " bytes follow");
            }
            if (count + want > data.length) {
                data = Arrays.copyOf(data, (int) Math.min(header.count(), 2L * data.length));
            }
            view.clear();
            view.asFloatBuffer().get(data, count, want);
            count += want;
        }
        long extra = IoStreams.countRemaining(in);
        if (extra > 0) {
            throw new IOException(source + " has " + extra + " unexpected bytes after the data for shape "
                    + shapeText(header.shape()));
        }
        return new NpyArray(header.shape(), data);
    }

    /** What the header says: dimensions, element count and where the data starts. */
    private record Header(int[] shape, int count, long dataOffset) {
    }

    /** Builds the padded version-1.0 header for a float32 C-order array of the given shape. */
    static byte[] header(int[] shape) {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shapeText(shape) + ", }";
        int prefix = MAGIC.length + 2 + 2; // magic, version, 2-byte header length
        int unpadded = prefix + dict.length() + 1; // +1 for the final '\n'
        int padding = (ALIGN - unpadded % ALIGN) % ALIGN;
        int headerLength = dict.length() + padding + 1;
        if (headerLength > 0xFFFF) {
            throw new IllegalArgumentException("shape has too many dimensions for an NPY 1.0 header");
        }
        ByteBuffer out = ByteBuffer.allocate(prefix + headerLength).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) headerLength);
        out.put(dict.getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < padding; i++) {
            out.put((byte) ' ');
        }
        out.put((byte) '\n');
        return out.array();
    }

    /** Formats a shape as a Python tuple, e.g. {@code ()}, {@code (3,)} or {@code (2, 3)}. */
    static String shapeText(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringJoiner joiner = new StringJoiner(", ", "(", ")");
        for (int d : shape) {
            joiner.add(Integer.toString(d));
        }
        return joiner.toString();
    }

    private static Header readHeader(InputStream in, String source, long length) throws IOException {
        byte[] start = in.readNBytes(MAGIC.length + 2);
        if (start.length < MAGIC.length + 2) {
            throw new IOException(source + " is truncated: only " + start.length
                    + " bytes, too short for an NPY header");
        }
        if (!Arrays.equals(start, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IOException(source + " is not an NPY file: it starts with "
                    + Checksums.hex(Arrays.copyOf(start, MAGIC.length)) + " instead of the magic \\x93NUMPY");
        }
        int major = start[6] & 0xFF;
        int minor = start[7] & 0xFF;
        if (major < 1 || major > 3 || minor != 0) {
            throw new IOException(source + " has unsupported NPY format version " + major + "." + minor
                    + " (supported: 1.0, 2.0, 3.0)");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        byte[] lengthField = in.readNBytes(lengthBytes);
        if (lengthField.length < lengthBytes) {
            throw new IOException(source + " is truncated inside the NPY header length field");
        }
        long headerLength = lengthBytes == 2
                ? ByteBuffer.wrap(lengthField).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFFL
                : ByteBuffer.wrap(lengthField).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFF_FFFFL;
        long dataOffset = MAGIC.length + 2 + lengthBytes + headerLength;
        if (headerLength > MAX_HEADER_BYTES) {
            throw new IOException(source + " claims an NPY header of " + headerLength
                    + " bytes, more than the " + MAX_HEADER_BYTES + " allowed; the file is corrupt");
        }
        if (length >= 0 && dataOffset > length) {
            throw new IOException(source + " is truncated: the NPY header claims " + headerLength
                    + " bytes but the file has only " + length + " bytes in total");
        }
        byte[] text = in.readNBytes((int) headerLength);
        if (text.length < headerLength) {
            throw new IOException(source + " is truncated: the NPY header claims " + headerLength
                    + " bytes but only " + text.length + " follow");
        }
        String dictText = new String(text, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Map<String, Object> dict;
        try {
            dict = new DictParser(dictText.strip()).parse();
        } catch (IllegalArgumentException e) {
            throw new IOException(source + " has a malformed NPY header (" + e.getMessage() + "): " + dictText.strip());
        }
        return new Header(checkShape(source, dict), countOf(source, dict), dataOffset);
    }

    private static int[] checkShape(String source, Map<String, Object> dict) throws IOException {
        if (!dict.keySet().equals(Set.of("descr", "fortran_order", "shape"))) {
            throw new IOException(source + " has NPY header keys " + dict.keySet()
                    + "; expected exactly descr, fortran_order and shape");
        }
        Object descr = dict.get("descr");
        if (!"<f4".equals(descr)) {
            throw new IOException(source + " has dtype " + (descr instanceof String ? "'" + descr + "'" : descr)
                    + "; only little-endian float32 ('<f4') is supported");
        }
        Object fortran = dict.get("fortran_order");
        if (!Boolean.FALSE.equals(fortran)) {
            throw new IOException(source + " has fortran_order " + fortran
                    + "; only C-order arrays (fortran_order False) are supported");
        }
        if (!(dict.get("shape") instanceof long[] dims)) {
            throw new IOException(source + " has a shape that is not a tuple of integers: " + dict.get("shape"));
        }
        int[] shape = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] < 0 || dims[i] > MAX_ELEMENTS) {
                throw new IOException(source + " has an invalid dimension " + dims[i] + " in its shape");
            }
            shape[i] = (int) dims[i];
        }
        return shape;
    }

    private static int countOf(String source, Map<String, Object> dict) throws IOException {
        long count = 1;
        for (long d : (long[]) dict.get("shape")) {
            count *= d; // each d <= MAX_ELEMENTS, so stop before the product can overflow
            if (count > MAX_ELEMENTS) {
                throw new IOException(source + " claims shape " + Arrays.toString((long[]) dict.get("shape"))
                        + ", more than the " + MAX_ELEMENTS + " elements a Java array can hold");
            }
        }
        return (int) count;
    }

    /**
     * Parses the Python dict literal of an NPY header: string keys; values that are strings,
     * {@code True}/{@code False}, integers or tuples of integers (returned as {@code long[]}).
     */
    private static final class DictParser {
        private final String s;
        private int pos;

        DictParser(String s) {
            this.s = s;
        }

        Map<String, Object> parse() {
            Map<String, Object> map = new LinkedHashMap<>();
            expect('{');
            while (!peek('}')) {
                String key = string();
                expect(':');
                if (map.put(key, value()) != null) {
                    throw new IllegalArgumentException("duplicate key '" + key + "'");
                }
                if (!peek('}')) {
                    expect(',');
                }
            }
            expect('}');
            skipSpace();
            if (pos != s.length()) {
                throw new IllegalArgumentException("unexpected text after the dict at offset " + pos);
            }
            return map;
        }

        private Object value() {
            skipSpace();
            if (peek('\'') || peek('"')) {
                return string();
            }
            if (peek('(')) {
                return tuple();
            }
            if (s.startsWith("True", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("False", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            return integer();
        }

        private long[] tuple() {
            expect('(');
            long[] values = new long[0];
            while (!peek(')')) {
                values = Arrays.copyOf(values, values.length + 1);
                values[values.length - 1] = integer();
                if (!peek(')')) {
                    expect(',');
                }
            }
            expect(')');
            return values;
        }

        private long integer() {
            skipSpace();
            int start = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            // numpy on some platforms writes "3L" for Python 2 longs.
            int end = pos;
            if (pos < s.length() && s.charAt(pos) == 'L') {
                pos++;
            }
            if (end == start) {
                throw new IllegalArgumentException("expected a value at offset " + start);
            }
            try {
                return Long.parseLong(s.substring(start, end));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("integer out of range at offset " + start);
            }
        }

        private String string() {
            skipSpace();
            if (pos >= s.length() || (s.charAt(pos) != '\'' && s.charAt(pos) != '"')) {
                throw new IllegalArgumentException("expected a quoted string at offset " + pos);
            }
            char quote = s.charAt(pos++);
            int end = s.indexOf(quote, pos);
            if (end < 0) {
                throw new IllegalArgumentException("unterminated string at offset " + pos);
            }
            String value = s.substring(pos, end);
            pos = end + 1;
            return value;
        }

        private boolean peek(char c) {
            skipSpace();
            return pos < s.length() && s.charAt(pos) == c;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw new IllegalArgumentException("expected '" + c + "' at offset " + pos);
            }
            pos++;
        }

        private void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }
    }
}

package io.jgan.data.idx;

import io.jgan.runtime.internal.FileErrors;
import io.jgan.runtime.internal.IoStreams;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST: images (magic {@code 0x00000803},
 * dimensions {@code [count, rows, cols]}) and labels (magic {@code 0x00000801}, dimension
 * {@code [count]}), both of unsigned bytes. Files starting with the gzip magic {@code 1f 8b} are
 * decompressed transparently.
 *
 * <p>Files are treated as untrusted. The magic number, element type, number of dimensions and
 * each dimension are checked, the payload must match the header exactly, and a header claiming
 * more than {@link #MAX_PAYLOAD_BYTES} is rejected before anything is allocated. Every problem
 * is an {@link IOException} whose message names the file and says what is wrong.
 */
public final class IdxReader {

    /** Largest payload accepted; far above MNIST's 47 MB, far below what breaks a JVM. */
    public static final long MAX_PAYLOAD_BYTES = 1L << 30;

    /** IDX element type code for unsigned bytes. */
    static final int TYPE_UNSIGNED_BYTE = 0x08;
    static final int IMAGE_MAGIC = 0x00000803;
    static final int LABEL_MAGIC = 0x00000801;

    private IdxReader() {
    }

    /**
     * Reads an IDX image file (plain or gzipped).
     *
     * @param file the file, e.g. {@code train-images-idx3-ubyte.gz}
     * @return the images
     * @throws IOException if the file cannot be read or is not a valid unsigned-byte IDX image file
     */
    public static IdxImages readImages(Path file) throws IOException {
        Parsed p = read(file, 3);
        return new IdxImages(p.dims()[0], p.dims()[1], p.dims()[2], p.payload());
    }

    /**
     * Reads an IDX label file (plain or gzipped).
     *
     * @param file the file, e.g. {@code train-labels-idx1-ubyte.gz}
     * @return the labels
     * @throws IOException if the file cannot be read or is not a valid unsigned-byte IDX label file
     */
    public static IdxLabels readLabels(Path file) throws IOException {
        Parsed p = read(file, 1);
        return new IdxLabels(p.dims()[0], p.payload());
    }

    private record Parsed(int[] dims, byte[] payload) {
    }

    private static Parsed read(Path file, int expectedDims) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("file " + file + " is a directory, not an IDX file");
        }
        try {
            long fileSize = Files.size(file);
            try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                boolean gzipped = startsWithGzipMagic(raw);
                try {
                    InputStream in = gzipped ? new GZIPInputStream(raw, 1 << 16) : raw;
                    return parse(file, in, expectedDims, gzipped ? -1 : fileSize, gzipped);
                } catch (EOFException | ZipException e) {
                    // The gzip layer ran out of input or hit garbage: say which file, not just "Unexpected end".
                    throw new IOException("file " + file + " has corrupt or truncated gzip data: "
                            + FileErrors.reason(e) + "; download it again", e);
                }
            }
        } catch (IOException e) {
            // Ours name the file; the JDK's (permission denied, I/O error) name it alone or not at all.
            throw e.getMessage() != null && e.getMessage().startsWith("file " + file) ? e
                    : FileErrors.cannot("read", file, e);
        }
    }

    private static boolean startsWithGzipMagic(InputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b;
    }

    private static Parsed parse(Path file, InputStream in, int expectedDims, long fileSize, boolean gzipped)
            throws IOException {
        String kind = expectedDims == 3 ? "image" : "label";
        int expectedMagic = expectedDims == 3 ? IMAGE_MAGIC : LABEL_MAGIC;
        byte[] magicBytes = in.readNBytes(4);
        if (magicBytes.length < 4) {
            throw new IOException("file " + file + " is truncated: " + magicBytes.length
                    + " bytes, too short for an IDX header");
        }
        int magic = ByteBuffer.wrap(magicBytes).getInt();
        if (magicBytes[0] != 0 || magicBytes[1] != 0) {
            throw new IOException("file " + file + " is not an IDX " + kind + " file: magic number "
                    + hex(magic) + ", expected " + hex(expectedMagic));
        }
        int type = magicBytes[2] & 0xFF;
        if (type != TYPE_UNSIGNED_BYTE) {
            throw new IOException("file " + file + " has IDX element type 0x" + String.format("%02x", type)
                    + " (magic " + hex(magic) + "); only 0x08 (unsigned byte) is supported");
        }
        int ndims = magicBytes[3] & 0xFF;
        if (ndims != expectedDims) {
            throw new IOException("file " + file + " has " + ndims + " dimension(s) (magic " + hex(magic)
                    + "), but an IDX " + kind + " file has " + expectedDims + " (magic " + hex(expectedMagic)
                    + ")" + (ndims == 1 ? "; is it a label file?" : ndims == 3 ? "; is it an image file?" : ""));
        }
        byte[] dimBytes = in.readNBytes(4 * ndims);
        if (dimBytes.length < 4 * ndims) {
            throw new IOException("file " + file + " is truncated inside its IDX header ("
                    + (4 + dimBytes.length) + " of " + (4 + 4 * ndims) + " header bytes)");
        }
        ByteBuffer dimBuffer = ByteBuffer.wrap(dimBytes);
        int[] dims = new int[ndims];
        long payload = 1;
        for (int i = 0; i < ndims; i++) {
            dims[i] = dimBuffer.getInt();
            if (dims[i] <= 0) {
                throw new IOException("file " + file + " has dimension " + i + " = " + (dims[i] & 0xFFFF_FFFFL)
                        + " in its IDX header; dimensions must be positive");
            }
            payload *= dims[i]; // at most 3 factors below 2^31: cannot overflow a long
        }
        String claim = describe(dims, payload);
        if (payload > MAX_PAYLOAD_BYTES) {
            throw new IOException("file " + file + " claims " + claim + ", more than the "
                    + MAX_PAYLOAD_BYTES + "-byte limit; the header is corrupt");
        }
        String after = gzipped ? " (after decompression)" : "";
        if (fileSize >= 0) {
            // Plain file: compare with the size on disk before allocating anything.
            long follows = fileSize - 4 - 4L * ndims;
            if (follows != payload) {
                throw lengthMismatch(file, claim, payload, follows, after);
            }
        }
        byte[] data = IoStreams.readUpTo(in, (int) payload);
        if (data.length < payload) {
            throw lengthMismatch(file, claim, payload, data.length, after);
        }
        long extra = IoStreams.countRemaining(in);
        if (extra > 0) {
            throw lengthMismatch(file, claim, payload, payload + extra, after);
        }
        return new Parsed(dims, data);
    }

    private static IOException lengthMismatch(Path file, String claim, long payload, long follows, String after) {
        if (follows < payload) {
            return new IOException("file " + file + " is truncated: header says " + claim + " but only "
                    + Math.max(0, follows) + " bytes follow" + after);
        }
        return new IOException("file " + file + " is too long: header says " + claim + " but "
                + follows + " bytes follow" + after);
    }

    private static String describe(int[] dims, long payload) {
        if (dims.length == 3) {
            return dims[0] + " images of " + dims[1] + "x" + dims[2] + " (= " + payload + " bytes)";
        }
        return dims[0] + " labels (= " + payload + " bytes)";
    }

    private static String hex(int value) {
        return String.format("0x%08x", value);
    }
}

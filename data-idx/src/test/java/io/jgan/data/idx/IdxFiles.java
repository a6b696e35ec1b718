package io.jgan.data.idx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPOutputStream;

/** Builds IDX file bytes by hand, independently of {@link IdxWriter}, for tests. */
final class IdxFiles {

    private IdxFiles() {
    }

    /** An IDX file: magic, big-endian dimensions, then the payload. */
    static byte[] idx(int magic, int[] dims, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + payload.length);
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(payload);
        return b.array();
    }

    /** {@code n} images of {@code rows x cols} whose pixel i has value (i * 7) mod 256. */
    static byte[] images(int n, int rows, int cols) {
        byte[] payload = new byte[n * rows * cols];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 7);
        }
        return idx(0x00000803, new int[] {n, rows, cols}, payload);
    }

    /** {@code n} labels with values i mod 10. */
    static byte[] labels(int n) {
        byte[] payload = new byte[n];
        for (int i = 0; i < n; i++) {
            payload[i] = (byte) (i % 10);
        }
        return idx(0x00000801, new int[] {n}, payload);
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }
}

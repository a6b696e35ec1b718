package io.jgan.runtime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reading helpers for untrusted inputs whose headers claim a size.
 *
 * <p>A corrupt or hostile header can claim gigabytes. Allocating that much up front would throw
 * {@link OutOfMemoryError} before the short input is even noticed, so these helpers grow their
 * buffer only as data actually arrives.
 */
public final class IoStreams {

    /** Initial buffer size when the claimed size is not trusted. */
    public static final int INITIAL_CHUNK = 1 << 20;

    private IoStreams() {
    }

    /**
     * Reads up to {@code n} bytes, stopping early only at end of stream. Memory use grows with the
     * bytes actually read, not with {@code n}.
     *
     * @param in the stream
     * @param n  the number of bytes wanted, at least 0
     * @return the bytes read: exactly {@code n} unless the stream ended first
     * @throws IOException if reading fails
     */
    public static byte[] readUpTo(InputStream in, int n) throws IOException {
        if (n < 0) {
            throw new IllegalArgumentException("negative length " + n);
        }
        byte[] buffer = new byte[Math.min(n, INITIAL_CHUNK)];
        int filled = 0;
        while (true) {
            filled += in.readNBytes(buffer, filled, buffer.length - filled);
            if (filled < buffer.length || filled == n) {
                return filled == buffer.length ? buffer : Arrays.copyOf(buffer, filled);
            }
            // Buffer full and more wanted: the data so far was real, so doubling is safe.
            buffer = Arrays.copyOf(buffer, (int) Math.min(n, 2L * buffer.length));
        }
    }

    /**
     * Reads and discards the rest of a stream.
     *
     * @param in the stream
     * @return how many bytes were left
     * @throws IOException if reading fails
     */
    public static long countRemaining(InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
        }
        return total;
    }
}

package io.jgan.data.idx;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IDX reader against damaged files: truncated at every byte, header bytes flipped. Each must be
 * refused with an IOException that names the file, never another exception, never an attempt to
 * allocate what a header claims (the tests run with a 256 MB heap).
 */
class HostileIdxTest {
    @TempDir
    Path dir;

    /** Reads {@code bytes} as an IDX image file; it must fail with an IOException naming the file. */
    private void rejected(byte[] bytes, String what) throws IOException {
        Path file = dir.resolve("images.idx");
        Files.write(file, bytes);
        try {
            IdxReader.readImages(file);
        } catch (IOException e) {
            assertTrue(e.getMessage().contains(file.toString()), what + ": message does not name the file: "
                    + e.getMessage());
            return;
        } catch (RuntimeException | OutOfMemoryError e) {
            throw new AssertionError(what + ": not a clean rejection: " + e, e);
        }
        fail(what + ": accepted");
    }

    private static byte[] idxImages(int n, int rows, int cols) {
        ByteBuffer b = ByteBuffer.allocate(16 + n * rows * cols).putInt(0x803).putInt(n).putInt(rows).putInt(cols);
        for (int i = 0; i < n * rows * cols; i++) {
            b.put((byte) (i * 7));
        }
        return b.array();
    }

    @Test
    void idxTruncatedOrWithAHeaderByteFlippedIsRefused() throws IOException {
        byte[] full = idxImages(3, 4, 5);
        for (int n = 0; n < full.length; n++) {
            rejected(Arrays.copyOf(full, n), "prefix of " + n);
        }
        for (int i = 0; i < 16; i++) {
            for (int mask : new int[] {0x01, 0x40, 0x80, 0xFF}) {
                byte[] bad = full.clone();
                bad[i] ^= (byte) mask;
                rejected(bad, "header byte " + i + " ^ " + mask);
            }
        }
    }
}

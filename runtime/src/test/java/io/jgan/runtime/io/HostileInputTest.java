package io.jgan.runtime.io;

import io.jgan.runtime.train.Checkpoint;
import io.jgan.runtime.train.CheckpointException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jgan.runtime.Network;
import io.jgan.runtime.NetworkInfo.Role;
import io.jgan.runtime.Rng;
import io.jgan.runtime.optim.Adam;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every reader (checkpoint, .npy, .npz; IDX in its own module) against damaged and hostile files: truncated at every
 * byte, bytes flipped, wrong magic, sizes claiming gigabytes, another architecture. Each must be
 * refused with an IOException that names the file, never another exception, never an attempt to
 * allocate what a header claims (the runtime's tests run with a 256 MB heap), and never a file left
 * half-written. The number of hostile inputs tried is printed.
 */
class HostileInputTest {
    private static final AtomicInteger TRIED = new AtomicInteger();

    @TempDir
    Path dir;

    @AfterAll
    static void report() {
        System.out.println("hostile inputs: " + TRIED.get() + " tried, all rejected cleanly");
    }

    private static final class Run {
        final Network g = new TinyNetworks.TwoDense(Role.GENERATOR, 3, 5, 4);
        final Network d = new TinyNetworks.TwoDense(Role.DISCRIMINATOR, 4, 6, 1);
        final Adam gOpt = new Adam(g, 1e-3);
        final Adam dOpt = new Adam(d, 1e-3);
        final Rng rng = new Rng(7);

        Run() {
            g.initialize(rng);
            d.initialize(rng);
        }

        Checkpoint capture() {
            return Checkpoint.capture(g, d, gOpt, dOpt, rng);
        }
    }

    /** Reads {@code bytes} as a file with {@code reader}; it must fail with an IOException naming the file. */
    private IOException rejected(byte[] bytes, String name, IoReader reader, String what) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        TRIED.incrementAndGet();
        try {
            reader.read(file);
        } catch (IOException e) {
            assertTrue(e.getMessage().contains(file.toString()), what + ": message does not name the file: "
                    + e.getMessage());
            return e;
        } catch (RuntimeException | OutOfMemoryError e) {
            throw new AssertionError(what + ": not a clean rejection: " + e, e);
        }
        fail(what + ": accepted");
        return null;
    }

    /**
     * As {@link #rejected}, for checkpoint bytes: through the file system for every 16th input, in
     * memory for the others ({@link Checkpoint#read} makes the same checks, header first, hashing as
     * it reads), so that thousands of inputs take milliseconds, not a disk's time.
     */
    private void checkpointRejected(byte[] bytes, String what) throws IOException {
        if (TRIED.get() % 16 == 0) {
            rejected(bytes, "c.jgan", Checkpoint::read, what);
            return;
        }
        String source = "checkpoint " + dir.resolve("c.jgan");
        TRIED.incrementAndGet();
        try {
            Checkpoint.fromBytes(bytes, source);
        } catch (CheckpointException e) {
            assertTrue(e.getMessage().contains(source), what + ": " + e.getMessage());
            return;
        } catch (RuntimeException | OutOfMemoryError e) {
            throw new AssertionError(what + ": not a clean rejection: " + e, e);
        }
        fail(what + ": accepted");
    }

    @FunctionalInterface
    interface IoReader {
        void read(Path file) throws IOException;
    }

    @Test
    void checkpointTruncatedAtEveryByteIsRefused() throws IOException {
        byte[] full = new Run().capture().toBytes();
        for (int n = 0; n < full.length; n++) {
            checkpointRejected(Arrays.copyOf(full, n), "prefix of " + n);
        }
        rejected(Arrays.copyOf(full, full.length + 1), "c.jgan", Checkpoint::read, "one byte extra");
        System.out.println("checkpoint: " + full.length + " truncations refused");
    }

    @Test
    void checkpointWithAnyByteFlippedIsRefused() throws IOException {
        byte[] full = new Run().capture().toBytes();
        for (int i = 0; i < full.length; i++) {
            for (int mask : new int[] {0x01, 0x80, 0xFF}) {
                byte[] bad = full.clone();
                bad[i] ^= (byte) mask;
                checkpointRejected(bad, "byte " + i + " ^ " + mask);
            }
        }
    }

    @Test
    void checkpointWrongMagicVersionAndArchitectureAreRefused() throws IOException {
        Run run = new Run();
        byte[] full = run.capture().toBytes();
        byte[] magic = full.clone();
        magic[7] = 'X';
        assertTrue(rejected(magic, "c.jgan", Checkpoint::read, "magic").getMessage().contains("not a jgan checkpoint"));
        byte[] version = full.clone();
        version[11] = 2;
        assertTrue(rejected(version, "c.jgan", Checkpoint::read, "version").getMessage().contains("format version 2"));

        Path file = dir.resolve("arch.jgan");
        run.capture().write(file);
        Network wider = new TinyNetworks.TwoDense(Role.GENERATOR, 3, 6, 4);
        float[] before = wider.parameters().clone();
        TRIED.incrementAndGet();
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> Checkpoint.read(file).restore(wider, run.d, run.gOpt, run.dOpt, run.rng));
        assertTrue(e.getMessage().contains("wrong architecture") && e.getMessage().contains(file.toString()),
                e.getMessage());
        assertArrayEquals(before, wider.parameters(), "nothing restored");
    }

    /** A checkpoint whose payload is {@code payload}, with a correct header and SHA-256. */
    private static byte[] checkpointWithPayload(byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(20 + payload.length + 32);
        b.put("JGANCKPT".getBytes(StandardCharsets.US_ASCII)).putInt(1).putLong(payload.length).put(payload);
        try {
            b.put(MessageDigest.getInstance("SHA-256").digest(payload));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        return b.array();
    }

    @Test
    void checkpointCountsClaimingGigabytesAreRefusedBeforeAllocating() throws IOException {
        // Each passes the checksum: only the bounds check before the allocation stands in the way.
        byte[][] payloads = {
            ByteBuffer.allocate(8).putInt(1).putInt(Integer.MAX_VALUE).array(), // a 2 GB name
            ByteBuffer.allocate(14).putInt(1).putInt(1).put((byte) 'x').put((byte) 'F').putInt(Integer.MAX_VALUE)
                    .array(), // 8 GB of floats
            ByteBuffer.allocate(14).putInt(1).putInt(1).put((byte) 'x').put((byte) 'L').putInt(0x4000_0000).array(),
            ByteBuffer.allocate(14).putInt(1).putInt(1).put((byte) 'x').put((byte) 'S').putInt(Integer.MAX_VALUE)
                    .array(),
            ByteBuffer.allocate(14).putInt(1).putInt(1).put((byte) 'x').put((byte) 'I').putInt(-1).array(),
            ByteBuffer.allocate(4).putInt(Integer.MAX_VALUE).array(), // 2^31 entries, none there
        };
        for (byte[] p : payloads) {
            IOException e = rejected(checkpointWithPayload(p), "big.jgan", Checkpoint::read, "hostile payload");
            assertTrue(e.getMessage().contains("malformed"), e.getMessage());
        }
        // A header claiming 1 TB of payload: refused from the file length alone.
        byte[] header = ByteBuffer.allocate(52).put("JGANCKPT".getBytes(StandardCharsets.US_ASCII)).putInt(1)
                .putLong(1L << 40).array();
        assertTrue(rejected(header, "big.jgan", Checkpoint::read, "1 TB header").getMessage()
                .contains("truncated or damaged"));
    }

    @Test
    void aNanNeverReachesACheckpointAndTheOldOneStays() throws IOException {
        Run run = new Run();
        Path file = dir.resolve("run").resolve("checkpoint.jgan");
        run.capture().write(file);
        byte[] good = Files.readAllBytes(file);
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            run.d.parameters()[5] = bad;
            TRIED.incrementAndGet();
            CheckpointException e = assertThrows(CheckpointException.class, () -> run.capture().write(file));
            assertTrue(e.getMessage().contains("refusing to write checkpoint " + file)
                    && e.getMessage().contains("discriminator.parameters[5] is " + bad), e.getMessage());
        }
        run.d.parameters()[5] = 0f;
        run.dOpt.stateBuffers()[1][2] = Float.NaN; // Adam's v
        assertThrows(CheckpointException.class, () -> run.capture().write(file));
        assertArrayEquals(good, Files.readAllBytes(file), "the last good checkpoint is untouched");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(java.util.List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void npyAndNpzTruncatedAtEveryByteAreRefused() throws IOException {
        NpyArray a = NpyArray.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        byte[] npy = Npy.toBytes(a);
        for (int n = 0; n < npy.length; n++) {
            rejected(Arrays.copyOf(npy, n), "a.npy", Npy::read, "npy prefix of " + n);
        }
        // Header bytes flipped: the magic, version and header length must be refused; a flip inside the
        // header dictionary must be refused or read as the same data (e.g. a space that stays a space).
        for (int i = 0; i < 64; i++) {
            byte[] bad = npy.clone();
            bad[i] ^= (byte) 0x80;
            Path file = dir.resolve("flip.npy");
            Files.write(file, bad);
            TRIED.incrementAndGet();
            try {
                NpyArray read = Npy.read(file);
                assertTrue(i >= 10, "flipped byte " + i + " of the preamble was accepted");
                assertEquals(a, read, "a flipped header byte " + i + " silently changed the data");
            } catch (IOException e) {
                assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
            }
        }
        Path npz = dir.resolve("good.npz");
        Npz.write(npz, Map.of("w", a));
        byte[] zip = Files.readAllBytes(npz);
        for (int n = 0; n < zip.length; n++) {
            rejected(Arrays.copyOf(zip, n), "a.npz", Npz::read, "npz prefix of " + n);
        }
    }
}

package io.jgan.runtime.train;

import io.jgan.runtime.io.AtomicFile;
import io.jgan.runtime.io.TinyNetworks;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.Network;
import io.jgan.runtime.NetworkInfo.Role;
import io.jgan.runtime.Rng;
import io.jgan.runtime.data.ShuffledBatches;
import io.jgan.runtime.optim.Adam;
import io.jgan.runtime.optim.Optimizer;
import io.jgan.runtime.optim.SgdMomentum;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    @TempDir
    Path dir;

    /** A generator, a discriminator, their optimizers after a few steps, and the Rng, all in some state. */
    private static final class Run {
        final Network g = new TinyNetworks.TwoDense(Role.GENERATOR, 3, 5, 4);
        final Network d = new TinyNetworks.TwoDense(Role.DISCRIMINATOR, 4, 6, 1);
        final Optimizer gOpt;
        final Optimizer dOpt;
        final Rng rng;

        Run(long seed, boolean sgdForD) {
            rng = new Rng(seed);
            g.initialize(rng);
            d.initialize(rng);
            gOpt = new Adam(g, 1e-2);
            dOpt = sgdForD ? new SgdMomentum(d, 1e-2, 0.9) : new Adam(d, 1e-2);
            for (int s = 0; s < 3; s++) {
                for (Network n : new Network[] {g, d}) {
                    float[] grads = n.gradients();
                    for (int k = 0; k < grads.length; k++) {
                        grads[k] = (float) rng.nextGaussian();
                    }
                }
                gOpt.step();
                dOpt.step();
            }
        }

        Checkpoint capture() {
            return Checkpoint.capture(g, d, gOpt, dOpt, rng);
        }
    }

    @Test
    void roundTripRestoresParametersOptimizerStateAndRngExactly() throws Exception {
        Run a = new Run(1, false);
        ShuffledBatches batches = new ShuffledBatches(new float[20], 2, 3, a.rng::nextInt);
        batches.next(new float[6]);
        Checkpoint c = a.capture();
        c.putData("data", batches.state());
        c.put("meta.note", "hello ü");
        Path file = dir.resolve("c.jgan");
        c.write(file);

        Run b = new Run(2, false);
        Checkpoint read = Checkpoint.read(file);
        read.restore(b.g, b.d, b.gOpt, b.dOpt, b.rng);
        assertArrayEquals(a.g.parameters(), b.g.parameters());
        assertArrayEquals(a.d.parameters(), b.d.parameters());
        assertEquals(a.gOpt.stepCount(), b.gOpt.stepCount());
        for (int k = 0; k < 2; k++) {
            assertArrayEquals(a.gOpt.stateBuffers()[k], b.gOpt.stateBuffers()[k]);
            assertArrayEquals(a.dOpt.stateBuffers()[k], b.dOpt.stateBuffers()[k]);
        }
        assertArrayEquals(a.rng.state(), b.rng.state());
        assertEquals("hello ü", read.getString("meta.note"));
        ShuffledBatches other = new ShuffledBatches(new float[20], 2, 3, b.rng::nextInt);
        other.restore(read.data("data"));
        assertArrayEquals(batches.state().order(), other.state().order());
        assertEquals(batches.state().position(), other.state().position());
        // And the written bytes are a function of the content only.
        assertArrayEquals(Files.readAllBytes(file), read.toBytes());
    }

    @Test
    void anyOptimizerWithStateBuffersRoundTrips() throws Exception {
        Run a = new Run(3, true);
        Run b = new Run(4, true);
        Checkpoint.fromBytes(a.capture().toBytes(), "x").restore(b.g, b.d, b.gOpt, b.dOpt, b.rng);
        assertArrayEquals(a.dOpt.stateBuffers()[0], b.dOpt.stateBuffers()[0]);
        assertEquals(3, b.dOpt.stepCount());
    }

    @Test
    void aFlippedByteIsRefusedAsCorrupted() throws Exception {
        byte[] bytes = new Run(1, false).capture().toBytes();
        bytes[bytes.length / 2] ^= 1;
        Path file = dir.resolve("bad.jgan");
        Files.write(file, bytes);
        CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.read(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("corrupted"), e.getMessage());
    }

    @Test
    void aTruncatedFileIsRefused() throws Exception {
        byte[] bytes = new Run(1, false).capture().toBytes();
        for (int length : new int[] {0, 7, 19, 100, bytes.length - 1}) {
            Path file = dir.resolve("short" + length + ".jgan");
            Files.write(file, Arrays.copyOf(bytes, length));
            CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.read(file));
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("not a jgan checkpoint"),
                    e.getMessage());
        }
    }

    @Test
    void anotherVersionOrMissingFileIsRefused() throws Exception {
        byte[] bytes = new Run(1, false).capture().toBytes();
        bytes[11] = 9;
        CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.fromBytes(bytes, "f"));
        assertTrue(e.getMessage().contains("version 9"), e.getMessage());
        e = assertThrows(CheckpointException.class, () -> Checkpoint.read(dir.resolve("none.jgan")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void aWrongArchitectureIsRefusedBeforeAnythingIsRestored() throws Exception {
        Checkpoint c = Checkpoint.fromBytes(new Run(1, false).capture().toBytes(), "checkpoint f.jgan");
        Network wide = new TinyNetworks.TwoDense(Role.GENERATOR, 3, 7, 4);
        Network d = new TinyNetworks.TwoDense(Role.DISCRIMINATOR, 4, 6, 1);
        Rng rng = new Rng(9);
        long[] rngBefore = rng.state();
        float[] dBefore = d.parameters().clone();
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> c.restore(wide, d, new Adam(wide, 1e-3), new Adam(d, 1e-3), rng));
        assertTrue(e.getMessage().contains("f.jgan") && e.getMessage().contains("wrong architecture")
                && e.getMessage().contains("Dense(units = 5)") && e.getMessage().contains("Dense(units = 7)"),
                e.getMessage());
        assertArrayEquals(rngBefore, rng.state());
        assertArrayEquals(dBefore, d.parameters());
    }

    @Test
    void anotherOptimizerKindIsRefused() throws Exception {
        Checkpoint c = new Run(1, false).capture();
        Run sgd = new Run(2, true);
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> c.restore(sgd.g, sgd.d, sgd.gOpt, sgd.dOpt, sgd.rng));
        assertTrue(e.getMessage().contains("Adam") && e.getMessage().contains("SgdMomentum"), e.getMessage());
    }

    @Test
    void aFailedWriteKeepsTheOldFile() throws Exception {
        Path file = dir.resolve("c.jgan");
        new Run(1, false).capture().write(file);
        byte[] before = Files.readAllBytes(file);
        // A writer that fails half-way: AtomicFile leaves the old content in place.
        assertThrows(java.io.IOException.class, () -> AtomicFile.write(file, out -> {
            out.write(new byte[100]);
            throw new java.io.IOException("disk full");
        }));
        assertArrayEquals(before, Files.readAllBytes(file));
        Checkpoint.read(file);
    }
}

package io.jgan.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jgan.runtime.train.Checkpoint;
import io.jgan.runtime.train.CheckpointException;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.Network;
import io.jgan.runtime.NetworkInfo.Role;
import io.jgan.runtime.Rng;
import io.jgan.runtime.optim.Adam;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A network's state (layer buffers such as running statistics) in checkpoints and PyTorch exports. */
class NetworkStateTest {
    @TempDir
    Path dir;

    private static Network network(long seed) {
        Network n = new TinyNetworks.WithBatchNorm(Role.GENERATOR, 3, 4, 2);
        n.initialize(new Rng(seed));
        return n;
    }

    @Test
    void theStateIsSizedByTheLayersBuffers() {
        Network n = network(1);
        assertEquals(9, n.state().length);
        assertEquals(9, n.info().stateCount());
        assertEquals(0, new TinyNetworks.TwoDense(Role.GENERATOR, 3, 5, 4).state().length);
    }

    @Test
    void exportPutsBuffersAfterTheParametersUnderTorchNames() throws Exception {
        Network n = network(1);
        Map<String, NpyArray> sd = TorchExport.stateDict(n);
        assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var",
                "1.num_batches_tracked", "2.weight", "2.bias"), List.copyOf(sd.keySet()));
        assertArrayEquals(new float[] {4, 5, 6, 7}, sd.get("1.running_var").data());
        assertArrayEquals(new int[] {}, sd.get("1.num_batches_tracked").shape());
        assertArrayEquals(new float[] {8}, sd.get("1.num_batches_tracked").data());

        Path file = dir.resolve("n.npz");
        TorchExport.write(file, n);
        Network other = network(2);
        other.state()[0] = -1;
        TorchExport.load(other, Npz.read(file));
        assertArrayEquals(n.state(), other.state());
        assertArrayEquals(n.parameters(), other.parameters());
    }

    @Test
    void checkpointsRestoreTheState() throws Exception {
        Network g = network(1);
        Network d = new TinyNetworks.TwoDense(Role.DISCRIMINATOR, 2, 3, 1);
        d.initialize(new Rng(3));
        g.state()[2] = 42f;
        Checkpoint c = Checkpoint.capture(g, d, new Adam(g, 1e-3), new Adam(d, 1e-3), new Rng(5));
        Path file = dir.resolve("c.jgan");
        c.write(file);

        Network restored = network(9);
        Checkpoint read = Checkpoint.read(file);
        read.restoreGenerator(restored);
        assertArrayEquals(g.state(), restored.state());
        assertEquals(42f, restored.state()[2]);
        Network g2 = network(9);
        Network d2 = new TinyNetworks.TwoDense(Role.DISCRIMINATOR, 2, 3, 1);
        read.restore(g2, d2, new Adam(g2, 1e-3), new Adam(d2, 1e-3), new Rng(0));
        assertArrayEquals(g.state(), g2.state());
    }

    @Test
    void aCheckpointWithoutTheStateIsRefused() throws Exception {
        Network g = new TinyNetworks.WithBatchNorm(Role.GENERATOR, 3, 4, 2, false);
        Network d = new TinyNetworks.TwoDense(Role.DISCRIMINATOR, 2, 3, 1);
        Checkpoint c = Checkpoint.capture(g, d, new Adam(g, 1e-3), new Adam(d, 1e-3), new Rng(5));
        CheckpointException e = assertThrows(CheckpointException.class, () -> c.restoreGenerator(network(2)));
        assertTrue(e.getMessage().contains("has no state"), e.getMessage());
    }
}

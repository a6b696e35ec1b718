package io.jgan.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jgan.runtime.Network;
import io.jgan.runtime.NetworkInfo.Role;
import io.jgan.runtime.Rng;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorchExportTest {
    @TempDir
    Path dir;

    @Test
    void keysCountEveryLayerAndWeightsAreOutByIn() throws Exception {
        Network n = new TinyNetworks.TwoDense(Role.GENERATOR, 3, 5, 4);
        n.initialize(new Rng(1));
        Map<String, NpyArray> sd = TorchExport.stateDict(n);
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"), List.copyOf(sd.keySet()));
        assertArrayEquals(new int[] {5, 3}, sd.get("0.weight").shape());
        assertArrayEquals(new int[] {5}, sd.get("0.bias").shape());
        assertArrayEquals(new int[] {4, 5}, sd.get("2.weight").shape());
        // jgan's weight for output o and input i sits at i * OUT + o; torch's at o * IN + i.
        float[] p = n.parameters();
        float[] w = sd.get("0.weight").data();
        for (int o = 0; o < 5; o++) {
            for (int i = 0; i < 3; i++) {
                assertEquals(p[i * 5 + o], w[o * 3 + i]);
            }
        }
        assertEquals(p[15], sd.get("0.bias").data()[0]);
    }

    @Test
    void npzRoundTripLoadsTheSameParameters() throws Exception {
        Network a = new TinyNetworks.TwoDense(Role.DISCRIMINATOR, 4, 6, 1);
        a.initialize(new Rng(1));
        Path file = dir.resolve("w.npz");
        TorchExport.write(file, a);
        Map<String, NpyArray> read = Npz.read(file);
        assertEquals(TorchExport.stateDict(a), read);
        Network b = new TinyNetworks.TwoDense(Role.DISCRIMINATOR, 4, 6, 1);
        TorchExport.load(b, read);
        assertArrayEquals(a.parameters(), b.parameters());
    }

    @Test
    void loadRefusesMissingKeysAndWrongShapes() throws Exception {
        Network a = new TinyNetworks.TwoDense(Role.GENERATOR, 3, 5, 4);
        Map<String, NpyArray> sd = new java.util.LinkedHashMap<>(TorchExport.stateDict(a));
        sd.remove("2.bias");
        assertThrows(IllegalArgumentException.class, () -> TorchExport.load(a, sd));
        sd.put("2.bias", NpyArray.of(new float[5], 5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TorchExport.load(a, sd));
        assertEquals(true, e.getMessage().contains("2.bias"), e.getMessage());
    }
}

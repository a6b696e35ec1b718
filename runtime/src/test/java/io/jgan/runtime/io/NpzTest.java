package io.jgan.runtime.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpzTest {

    @TempDir
    Path dir;

    private static Map<String, NpyArray> weights() {
        Map<String, NpyArray> m = new LinkedHashMap<>();
        m.put("0.weight", NpyArray.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2));
        m.put("0.bias", NpyArray.of(new float[] {-1, 0.5f, Float.NaN}, 3));
        m.put("zeta", NpyArray.of(new float[] {7}));
        m.put("alpha", NpyArray.of(new float[0], 0, 4));
        return m;
    }

    private static List<String> entryNames(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<String> names = new ArrayList<>();
            zip.stream().forEach(e -> names.add(e.getName() + ":" + e.getMethod()));
            return names;
        }
    }

    private Path zip(String name, Map<String, byte[]> entries) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return file;
    }

    @Test
    void roundTripsUncompressedInOrderWithNpySuffixedEntries() throws IOException {
        Path file = dir.resolve("w.npz");
        Npz.write(file, weights());
        Map<String, NpyArray> back = Npz.read(file);
        assertEquals(weights(), back);
        assertEquals(List.copyOf(weights().keySet()), List.copyOf(back.keySet()));
        assertEquals(List.of("0.weight.npy:0", "0.bias.npy:0", "zeta.npy:0", "alpha.npy:0"), entryNames(file));
    }

    @Test
    void roundTripsCompressed() throws IOException {
        Path file = dir.resolve("c.npz");
        Map<String, NpyArray> big = new LinkedHashMap<>();
        big.put("zeros", NpyArray.of(new float[100_000], 100, 1000));
        Npz.writeCompressed(file, big);
        assertTrue(Files.size(file) < 50_000, "zeros compress well: " + Files.size(file));
        assertEquals(List.of("zeros.npy:8"), entryNames(file));
        assertEquals(big, Npz.read(file));
    }

    @Test
    void emptyArchiveRoundTrips() throws IOException {
        Path file = dir.resolve("empty.npz");
        Npz.write(file, Map.of());
        assertEquals(Map.of(), Npz.read(file));
    }

    @Test
    void entriesAreByteIdenticalToNpyFiles() throws IOException {
        Path file = dir.resolve("w.npz");
        Npz.write(file, weights());
        try (ZipFile zip = new ZipFile(file.toFile())) {
            byte[] entry = zip.getInputStream(zip.getEntry("0.weight.npy")).readAllBytes();
            assertTrue(Arrays.equals(Npy.toBytes(weights().get("0.weight")), entry));
        }
    }

    @Test
    void rejectsNonNpyEntriesAndCorruptArrays() throws IOException {
        byte[] good = Npy.toBytes(NpyArray.of(new float[] {1, 2}, 2));
        Path notNpy = zip("a.npz", Map.of("readme.txt", new byte[] {1}));
        IOException e = assertThrows(IOException.class, () -> Npz.read(notNpy));
        assertTrue(e.getMessage().contains("readme.txt"), e.getMessage());

        Path truncated = zip("b.npz", Map.of("w.npy", Arrays.copyOf(good, good.length - 1)));
        IOException t = assertThrows(IOException.class, () -> Npz.read(truncated));
        assertTrue(t.getMessage().contains("b.npz!w.npy") && t.getMessage().contains("truncated"), t.getMessage());
    }

    @Test
    void rejectsFilesThatAreNotZips() throws IOException {
        Path file = dir.resolve("junk.npz");
        Files.write(file, new byte[] {1, 2, 3, 4, 5});
        IOException e = assertThrows(IOException.class, () -> Npz.read(file));
        assertTrue(e.getMessage().contains("junk.npz"), e.getMessage());
        // a bare .npy is not an .npz either
        Npy.write(file, NpyArray.of(new float[] {1}, 1));
        assertThrows(IOException.class, () -> Npz.read(file));
    }

    @Test
    void deflatedEntryClaimingGigabytesDoesNotAllocateThem() throws IOException {
        // A tiny deflated entry whose header claims 20000 x 20000 floats.
        byte[] header = Npy.header(new int[] {20000, 20000});
        Path file = zip("bomb.npz", Map.of("w.npy", Arrays.copyOf(header, header.length + 400)));
        long allocated = AllocationMeter.bytesAllocatedBy(() -> Npz.read(file));
        IOException e = assertThrows(IOException.class, () -> Npz.read(file));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(allocated < 16 << 20, "allocated " + allocated);
    }

    @Test
    void rejectsEmptyKeys() {
        Map<String, NpyArray> m = Map.of("", NpyArray.of(new float[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Npz.write(dir.resolve("x.npz"), m));
    }
}

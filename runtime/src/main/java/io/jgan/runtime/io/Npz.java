package io.jgan.runtime.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes NumPy {@code .npz} archives: a zip file with one {@code .npy} entry per named
 * float32 array. The key {@code "0.weight"} is stored as the entry {@code "0.weight.npy"}, as
 * {@code numpy.savez} does, so {@code numpy.load(file)["0.weight"]} finds it.
 */
public final class Npz {

    private static final String SUFFIX = ".npy";

    private Npz() {
    }

    /**
     * Atomically writes the arrays uncompressed (like {@code numpy.savez}), in the map's
     * iteration order.
     *
     * @param file   the file to create or replace
     * @param arrays arrays by key; keys must be non-empty
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, Map<String, NpyArray> arrays) throws IOException {
        write(file, arrays, false);
    }

    /**
     * Atomically writes the arrays deflate-compressed (like {@code numpy.savez_compressed}), in
     * the map's iteration order.
     *
     * @param file   the file to create or replace
     * @param arrays arrays by key; keys must be non-empty
     * @throws IOException if the file cannot be written
     */
    public static void writeCompressed(Path file, Map<String, NpyArray> arrays) throws IOException {
        write(file, arrays, true);
    }

    private static void write(Path file, Map<String, NpyArray> arrays, boolean compress) throws IOException {
        for (String key : arrays.keySet()) {
            if (key == null || key.isEmpty()) {
                throw new IllegalArgumentException("npz keys must be non-empty");
            }
        }
        AtomicFile.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
                byte[] bytes = Npy.toBytes(e.getValue());
                ZipEntry entry = new ZipEntry(e.getKey() + SUFFIX);
                if (compress) {
                    entry.setMethod(ZipEntry.DEFLATED);
                } else {
                    // STORED entries must declare size and CRC before their data.
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(bytes.length);
                    entry.setCompressedSize(bytes.length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(bytes);
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    /**
     * Reads all arrays of an {@code .npz} file.
     *
     * @param file the file
     * @return arrays by key (entry name without {@code .npy}), in archive order
     * @throws IOException if the file cannot be read, is not a zip file, holds an entry that is
     *                     not a valid float32 {@code .npy} array, or holds a key twice
     */
    public static Map<String, NpyArray> read(Path file) throws IOException {
        long fileSize = Files.size(file);
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                if (!name.endsWith(SUFFIX)) {
                    throw new IOException(file + " contains entry '" + name + "', which is not an .npy array");
                }
                String key = name.substring(0, name.length() - SUFFIX.length());
                // A stored entry's size is bounded by the file, so it is safe to trust for allocation;
                // a deflated entry's declared size is not, so it is read with a growing buffer.
                long size = entry.getMethod() == ZipEntry.STORED && entry.getSize() <= fileSize ? entry.getSize() : -1;
                try (InputStream in = new BufferedInputStream(zip.getInputStream(entry), 1 << 16)) {
                    NpyArray array = Npy.read(in, file + "!" + name, size);
                    if (arrays.put(key, array) != null) {
                        throw new IOException(file + " contains the key '" + key + "' twice");
                    }
                }
            }
        } catch (ZipException e) {
            throw new IOException(file + " is not a valid .npz (zip) file: " + e.getMessage(), e);
        }
        return arrays;
    }
}

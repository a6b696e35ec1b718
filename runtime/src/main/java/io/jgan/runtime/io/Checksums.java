package io.jgan.runtime.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * CRC32C and SHA-256 checksums of byte arrays and files, plus hex formatting.
 */
public final class Checksums {

    private static final int BUFFER = 1 << 16;

    private Checksums() {
    }

    /**
     * Computes the CRC32C (Castagnoli) checksum of {@code bytes}.
     *
     * @param bytes the data
     * @return the checksum as an unsigned 32-bit value in a long
     */
    public static long crc32c(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length);
        return crc.getValue();
    }

    /**
     * Computes the CRC32C (Castagnoli) checksum of a file's content.
     *
     * @param file the file to read
     * @return the checksum as an unsigned 32-bit value in a long
     * @throws IOException if the file cannot be read
     */
    public static long crc32c(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
            }
        }
        return crc.getValue();
    }

    /**
     * Formats a CRC32 value as exactly 8 lowercase hex digits.
     *
     * @param crc an unsigned 32-bit value
     * @return for example {@code "e3069283"}
     */
    public static String crcHex(long crc) {
        return String.format("%08x", crc & 0xFFFF_FFFFL);
    }

    /**
     * Computes the SHA-256 digest of {@code bytes}.
     *
     * @param bytes the data
     * @return the 32-byte digest
     */
    public static byte[] sha256(byte[] bytes) {
        return newSha256().digest(bytes);
    }

    /**
     * Computes the SHA-256 digest of a file's content, streaming it.
     *
     * @param file the file to read
     * @return the 32-byte digest
     * @throws IOException if the file cannot be read
     */
    public static byte[] sha256(Path file) throws IOException {
        MessageDigest digest = newSha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return digest.digest();
    }

    /**
     * Computes the SHA-256 digest of {@code bytes} as lowercase hex.
     *
     * @param bytes the data
     * @return 64 lowercase hex digits
     */
    public static String sha256Hex(byte[] bytes) {
        return hex(sha256(bytes));
    }

    /**
     * Computes the SHA-256 digest of a file as lowercase hex.
     *
     * @param file the file to read
     * @return 64 lowercase hex digits
     * @throws IOException if the file cannot be read
     */
    public static String sha256Hex(Path file) throws IOException {
        return hex(sha256(file));
    }

    /**
     * Creates a fresh SHA-256 digest, for callers that hash while streaming.
     *
     * @return a new digest instance
     */
    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform is required to provide SHA-256.
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * Formats bytes as lowercase hex, two digits per byte.
     *
     * @param bytes the bytes
     * @return the hex string, empty for an empty array
     */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Parses a hex string (either case) into bytes.
     *
     * @param hex an even number of hex digits
     * @return the bytes
     * @throws IllegalArgumentException if the string has odd length or a non-hex character
     */
    public static byte[] parseHex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}

package io.jgan.runtime.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ChecksumsTest {

    @TempDir
    Path dir;

    @Test
    void crc32cMatchesTheStandardCheckValue() {
        // The CRC catalogue's check value for CRC-32C over "123456789".
        assertEquals(0xE3069283L, Checksums.crc32c("123456789".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(0L, Checksums.crc32c(new byte[0]));
    }

    @Test
    void sha256MatchesKnownVectors() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                Checksums.sha256Hex("abc".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                Checksums.sha256Hex(new byte[0]));
    }

    @Test
    void fileChecksumsEqualByteChecksums() throws IOException {
        byte[] data = new byte[200_003]; // spans several read buffers
        new Random(1).nextBytes(data);
        Path file = dir.resolve("data.bin");
        Files.write(file, data);
        assertEquals(Checksums.crc32c(data), Checksums.crc32c(file));
        assertArrayEquals(Checksums.sha256(data), Checksums.sha256(file));
        assertEquals(Checksums.sha256Hex(data), Checksums.sha256Hex(file));
    }

    @Test
    void hexFormattingRoundTrips() {
        byte[] bytes = {0, 1, (byte) 0xAB, (byte) 0xFF};
        assertEquals("0001abff", Checksums.hex(bytes));
        assertArrayEquals(bytes, Checksums.parseHex("0001ABff"));
        assertEquals("0000002a", Checksums.crcHex(42));
        assertEquals("e3069283", Checksums.crcHex(0xE3069283L));
        assertThrows(IllegalArgumentException.class, () -> Checksums.parseHex("abc"));
        assertThrows(IllegalArgumentException.class, () -> Checksums.parseHex("zz"));
    }
}

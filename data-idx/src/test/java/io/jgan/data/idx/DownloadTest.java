package io.jgan.data.idx;

import com.sun.net.httpserver.HttpServer;
import io.jgan.runtime.io.Checksums;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs against an HTTP server on 127.0.0.1 with an ephemeral port; nothing leaves the machine. */
class DownloadTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private byte[] payload;

    @BeforeEach
    void startServer() throws IOException {
        payload = new byte[300_000];
        new Random(11).nextBytes(payload);
        files.put("/good/file.bin", payload);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/redirect")) {
                exchange.getResponseHeaders().add("Location", "/good/file.bin");
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
                return;
            }
            byte[] body = files.get(path);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void matchingChecksumSavesTheFile() throws IOException {
        Path target = dir.resolve("file.bin");
        Download.download(url("/good/file.bin"), target, Checksums.sha256Hex(payload).toUpperCase());
        assertArrayEquals(payload, Files.readAllBytes(target));
        assertEquals(List.of("file.bin"), names());
    }

    @Test
    void mismatchDeletesTheTempFileAndKeepsTheOldTarget() throws IOException {
        Path target = dir.resolve("file.bin");
        Files.writeString(target, "old");
        String wrong = "0".repeat(64);
        IOException e = assertThrows(IOException.class, () -> Download.download(url("/good/file.bin"), target, wrong));
        assertTrue(e.getMessage().contains("expected SHA-256 " + wrong), e.getMessage());
        assertTrue(e.getMessage().contains(Checksums.sha256Hex(payload)), e.getMessage());
        assertTrue(e.getMessage().contains("300000 bytes"), e.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("file.bin"), names());
    }

    @Test
    void mismatchOnANewTargetLeavesNothing() throws IOException {
        assertThrows(IOException.class,
                () -> Download.download(url("/good/file.bin"), dir.resolve("new.bin"), "1".repeat(64)));
        assertEquals(List.of(), names());
    }

    @Test
    void httpErrorsAreReportedAndSaveNothing() throws IOException {
        IOException e = assertThrows(IOException.class,
                () -> Download.download(url("/missing"), dir.resolve("x"), "0".repeat(64)));
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("x")));
        assertEquals(List.of(), names());
    }

    @Test
    void redirectsAreFollowed() throws IOException {
        Path target = dir.resolve("r.bin");
        Download.download(url("/redirect"), target, Checksums.sha256Hex(payload));
        assertArrayEquals(payload, Files.readAllBytes(target));
    }

    @Test
    void malformedExpectedDigestIsRejectedUpFront() {
        assertThrows(IllegalArgumentException.class,
                () -> Download.download(url("/good/file.bin"), dir.resolve("x"), "abc"));
        assertEquals(0, requests.get());
    }

    @Test
    void mnistDownloadFallsBackToTheNextMirrorAndSkipsVerifiedFiles() throws IOException {
        byte[] a = "first file".getBytes(StandardCharsets.UTF_8);
        byte[] b = "second file".getBytes(StandardCharsets.UTF_8);
        files.put("/bad/a.gz", "tampered".getBytes(StandardCharsets.UTF_8)); // wrong digest on mirror 1
        files.put("/good/a.gz", a);
        files.put("/good/b.gz", b);
        List<MnistDownload.RemoteFile> remote = List.of(
                new MnistDownload.RemoteFile("a.gz", Checksums.sha256Hex(a)),
                new MnistDownload.RemoteFile("b.gz", Checksums.sha256Hex(b)));
        List<URI> mirrors = List.of(url("/bad/"), url("/good/"));
        Path target = dir.resolve("data");
        MnistDownload.download(target, mirrors, remote);
        assertArrayEquals(a, Files.readAllBytes(target.resolve("a.gz")));
        assertArrayEquals(b, Files.readAllBytes(target.resolve("b.gz")));

        int before = requests.get();
        MnistDownload.download(target, mirrors, remote);
        assertEquals(before, requests.get(), "verified files are not fetched again");
    }

    @Test
    void mnistDownloadReportsEveryMirrorsFailure() {
        List<MnistDownload.RemoteFile> remote = List.of(new MnistDownload.RemoteFile("none.gz", "2".repeat(64)));
        IOException e = assertThrows(IOException.class,
                () -> MnistDownload.download(dir.resolve("d"), List.of(url("/m1/"), url("/m2/")), remote));
        assertTrue(e.getMessage().contains("none.gz"), e.getMessage());
        assertTrue(e.getMessage().contains("/m1/none.gz: ") && e.getMessage().contains("/m2/none.gz: "), e.getMessage());
    }

    @Test
    void knownMnistDigestsAreWellFormed() {
        assertEquals(4, MnistDownload.FILES.size());
        for (MnistDownload.RemoteFile f : MnistDownload.FILES) {
            assertTrue(f.sha256().matches("[0-9a-f]{64}"), f.toString());
            assertTrue(MnistFiles.in(dir).isEmpty());
        }
    }
}

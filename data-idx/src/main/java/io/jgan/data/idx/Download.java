package io.jgan.data.idx;

import io.jgan.runtime.io.AtomicFile;
import io.jgan.runtime.io.Checksums;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Downloads a file over HTTP(S) and keeps it only if its SHA-256 matches the expected value.
 *
 * <p>The body is streamed into a temporary file next to the target while being hashed; only a
 * matching download is atomically renamed into place. On a mismatch, an HTTP error or an
 * interrupted transfer the temporary file is deleted and an existing target stays untouched.
 */
final class Download {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);

    private Download() {
    }

    /**
     * Downloads {@code url} to {@code target}, verifying its SHA-256. Redirects are followed.
     *
     * @param url            the address to fetch
     * @param target         the file to create or replace
     * @param expectedSha256 the expected digest as 64 hex digits (either case)
     * @throws IOException if the transfer fails, the server answers other than 200, or the digest
     *                     differs (the message then gives expected and actual digests)
     * @throws IllegalArgumentException if {@code expectedSha256} is not 64 hex digits
     */
    public static void download(URI url, Path target, String expectedSha256) throws IOException {
        String expected = normalise(expectedSha256);
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(RESPONSE_TIMEOUT).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("download of " + url + " was interrupted");
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("download of " + url + " failed: HTTP " + response.statusCode());
            }
            AtomicFile.write(target, out -> {
                MessageDigest digest = Checksums.newSha256();
                DigestOutputStream hashing = new DigestOutputStream(out, digest);
                long size = body.transferTo(hashing);
                hashing.flush();
                String actual = Checksums.hex(digest.digest());
                if (!actual.equals(expected)) {
                    // Throwing here makes AtomicFile delete the temporary file and keep the old target.
                    throw new IOException("checksum mismatch for " + url + ": expected SHA-256 " + expected
                            + " but the " + size + " bytes downloaded have " + actual + "; nothing was saved");
                }
            });
        }
    }

    private static String normalise(String sha256) {
        String hex = sha256.trim().toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("expected a SHA-256 as 64 hex digits, got '" + sha256 + "'");
        }
        return hex;
    }
}

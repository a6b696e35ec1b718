package io.jgan.data.idx;

import io.jgan.runtime.io.Checksums;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Downloads the original MNIST files from public mirrors, verifying each against its well-known
 * SHA-256, so that {@link MnistFiles#in} then finds them. Files already present with the right
 * digest are not fetched again.
 */
public final class MnistDownload {

    /**
     * A file to fetch: its name (appended to a mirror's base address) and its SHA-256.
     *
     * @param name   the file name, e.g. {@code train-images-idx3-ubyte.gz}
     * @param sha256 the expected digest as 64 lowercase hex digits
     */
    public record RemoteFile(String name, String sha256) {
    }

    /** Mirrors of the MNIST files, tried in order (the original site no longer serves them reliably). */
    public static final List<URI> MIRRORS = List.of(
            URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/"),
            URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"));

    /** The four MNIST files and their SHA-256 digests. */
    public static final List<RemoteFile> FILES = List.of(
            new RemoteFile("train-images-idx3-ubyte.gz", "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
            new RemoteFile("train-labels-idx1-ubyte.gz", "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"),
            new RemoteFile("t10k-images-idx3-ubyte.gz", "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),
            new RemoteFile("t10k-labels-idx1-ubyte.gz", "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"));

    private MnistDownload() {
    }

    /**
     * Downloads MNIST into {@code dir} (created if missing) from {@link #MIRRORS}.
     *
     * @param dir the target directory, e.g. {@code data}
     * @return the located files
     * @throws IOException if a file cannot be fetched from any mirror with the right digest
     */
    public static MnistFiles download(Path dir) throws IOException {
        download(dir, MIRRORS, FILES);
        return MnistFiles.in(dir).orElseThrow(() -> new IOException("downloaded files not found in " + dir));
    }

    /**
     * Downloads each file into {@code dir} from the first mirror that serves it with the right
     * digest, skipping files already present and correct.
     *
     * @param dir     the target directory, created if missing
     * @param mirrors base addresses ending in {@code /}, tried in order
     * @param files   the files to fetch
     * @throws IOException if some file could not be fetched from any mirror; the message lists
     *                     each mirror's failure
     */
    public static void download(Path dir, List<URI> mirrors, List<RemoteFile> files) throws IOException {
        Files.createDirectories(dir);
        for (RemoteFile file : files) {
            Path target = dir.resolve(file.name());
            if (Files.isRegularFile(target) && Checksums.sha256Hex(target).equals(file.sha256())) {
                continue;
            }
            List<String> failures = new ArrayList<>();
            boolean done = false;
            for (URI mirror : mirrors) {
                URI url = mirror.resolve(file.name());
                try {
                    Download.download(url, target, file.sha256());
                    done = true;
                    break;
                } catch (IOException e) {
                    failures.add(url + ": " + (e.getMessage() != null ? e.getMessage() : e.toString()));
                }
            }
            if (!done) {
                throw new IOException("could not download " + file.name() + ":\n  " + String.join("\n  ", failures));
            }
        }
    }
}

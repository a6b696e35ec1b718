package io.jgan.data.idx;

import io.jgan.runtime.data.ShuffledBatches;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static io.jgan.data.idx.IdxFiles.gzip;
import static io.jgan.data.idx.IdxFiles.images;
import static io.jgan.data.idx.IdxFiles.labels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class MnistFilesTest {

    @TempDir
    Path dir;

    /** Writes a tiny training set (and optionally a test set) of gzipped IDX files into {@code d}. */
    private static Path dataset(Path d, int train, boolean withTest) throws IOException {
        Files.createDirectories(d);
        Files.write(d.resolve("train-images-idx3-ubyte.gz"), gzip(images(train, 3, 2)));
        Files.write(d.resolve("train-labels-idx1-ubyte.gz"), gzip(labels(train)));
        if (withTest) {
            Files.write(d.resolve("t10k-images-idx3-ubyte"), images(2, 3, 2));
            Files.write(d.resolve("t10k-labels-idx1-ubyte"), labels(2));
        }
        return d;
    }

    private static void assertExplainsHowToGetData(String message) {
        assertTrue(message.contains("sudo apt-get install dataset-fashion-mnist"), message);
        assertTrue(message.contains("--data DIR"), message);
        assertTrue(message.contains("--download"), message);
        assertTrue(message.contains("train-images-idx3-ubyte"), message);
    }

    @Test
    void findsFilesInTheGivenDirectoryAndLoadsThem() throws IOException {
        Path d = dataset(dir.resolve("mnist"), 7, true);
        MnistFiles files = MnistFiles.find(Optional.of(d));
        assertEquals(d.resolve("train-images-idx3-ubyte.gz"), files.trainImages());
        assertEquals(Optional.of(d.resolve("t10k-labels-idx1-ubyte")), files.testLabels());
        ImageDataset train = files.loadTrain();
        assertEquals(7, train.count());
        assertEquals(6, train.images().imageSize());
        assertEquals(2, files.loadTest().orElseThrow().count());
    }

    @Test
    void testFilesAreOptionalButOnlyAsAPair() throws IOException {
        Path d = dataset(dir.resolve("m"), 3, false);
        Files.write(d.resolve("t10k-images-idx3-ubyte"), images(2, 3, 2)); // labels missing
        MnistFiles files = MnistFiles.in(d).orElseThrow();
        assertTrue(files.testImages().isEmpty());
        assertTrue(files.loadTest().isEmpty());
    }

    @Test
    void prefersUncompressedAndAcceptsDottedNames() throws IOException {
        Path d = dataset(dir.resolve("m"), 3, false);
        Files.write(d.resolve("train-images-idx3-ubyte"), images(3, 3, 2));
        assertEquals(d.resolve("train-images-idx3-ubyte"), MnistFiles.in(d).orElseThrow().trainImages());

        Path dotted = dir.resolve("dotted");
        Files.createDirectories(dotted);
        Files.write(dotted.resolve("train-images.idx3-ubyte"), images(3, 3, 2));
        Files.write(dotted.resolve("train-labels.idx1-ubyte"), labels(3));
        assertEquals(3, MnistFiles.in(dotted).orElseThrow().loadTrain().count());
    }

    @Test
    void searchesDefaultsInOrder() throws IOException {
        Path empty = dir.resolve("empty");
        Files.createDirectories(empty);
        Path second = dataset(dir.resolve("second"), 4, false);
        Path third = dataset(dir.resolve("third"), 5, false);
        MnistFiles files = MnistFiles.find(Optional.empty(), List.of(dir.resolve("missing"), empty, second, third));
        assertEquals(second.resolve("train-images-idx3-ubyte.gz"), files.trainImages());
    }

    @Test
    void explicitDirectoryDoesNotFallBackToDefaults() throws IOException {
        Path good = dataset(dir.resolve("good"), 4, false);
        Path partial = dir.resolve("partial");
        Files.createDirectories(partial);
        Files.write(partial.resolve("train-images-idx3-ubyte.gz"), gzip(images(2, 3, 2)));
        MissingDataException e = assertThrows(MissingDataException.class,
                () -> MnistFiles.find(Optional.of(partial), List.of(good)));
        assertTrue(e.getMessage().contains("is missing train-labels-idx1-ubyte[.gz]"), e.getMessage());
        assertTrue(!e.getMessage().contains("is missing train-images"), e.getMessage());
        assertExplainsHowToGetData(e.getMessage());

        MissingDataException none = assertThrows(MissingDataException.class,
                () -> MnistFiles.find(Optional.of(dir.resolve("nope")), List.of(good)));
        assertTrue(none.getMessage().contains("does not exist"), none.getMessage());
        assertExplainsHowToGetData(none.getMessage());
    }

    @Test
    void nothingFoundExplainsHowToGetData() {
        MissingDataException e = assertThrows(MissingDataException.class,
                () -> MnistFiles.find(Optional.empty(), List.of(dir.resolve("a"), dir.resolve("b"))));
        assertTrue(e.getMessage().contains(dir.resolve("a").toString()), e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("b").toString()), e.getMessage());
        assertExplainsHowToGetData(e.getMessage());
        assertTrue(e instanceof IOException);
    }

    @Test
    void mismatchedImageAndLabelCountsAreRejected() throws IOException {
        Path d = dir.resolve("bad");
        Files.createDirectories(d);
        Files.write(d.resolve("train-images-idx3-ubyte"), images(5, 3, 2));
        Files.write(d.resolve("train-labels-idx1-ubyte"), labels(4));
        IOException e = assertThrows(IOException.class, () -> MnistFiles.in(d).orElseThrow().loadTrain());
        assertTrue(e.getMessage().contains("5 images") && e.getMessage().contains("4 labels"), e.getMessage());
    }

    @Test
    void datasetBatchesCarryMatchingLabels() throws IOException {
        ImageDataset data = MnistFiles.in(dataset(dir.resolve("m"), 10, false)).orElseThrow().loadTrain();
        ShuffledBatches batches = data.batches(4, new java.util.Random(3)::nextInt);
        float[] x = new float[4 * 6];
        int[] y = new int[4];
        float[] all = data.images().toFloats();
        while (batches.next(x, y)) {
            for (int j = 0; j < 4; j++) {
                // find which image this is by its pixels, then compare labels
                int found = -1;
                for (int i = 0; i < 10 && found < 0; i++) {
                    if (java.util.Arrays.equals(all, i * 6, i * 6 + 6, x, j * 6, j * 6 + 6)) {
                        found = i;
                    }
                }
                assertTrue(found >= 0);
                assertEquals(data.labels().label(found), y[j]);
                for (int k = 0; k < 6; k++) {
                    assertTrue(x[j * 6 + k] >= -1 && x[j * 6 + k] <= 1);
                }
            }
        }
    }

    /** The real Fashion-MNIST from Debian's dataset-fashion-mnist package, when installed. */
    @Test
    void readsTheInstalledFashionMnist() throws IOException {
        Optional<MnistFiles> installed = MnistFiles.in(MnistFiles.SYSTEM_DIR);
        assumeTrue(installed.isPresent(), "dataset-fashion-mnist is not installed");
        ImageDataset train = installed.get().loadTrain();
        assertEquals(60_000, train.count());
        assertEquals(28, train.images().rows());
        assertEquals(28, train.images().cols());
        int[] perClass = new int[256];
        for (int label : train.labels().toInts()) {
            perClass[label]++;
        }
        for (int c = 0; c < 10; c++) {
            assertEquals(6_000, perClass[c], "class " + c); // Fashion-MNIST is exactly balanced
        }
        assertEquals(10_000, installed.get().loadTest().orElseThrow().count());
    }
}

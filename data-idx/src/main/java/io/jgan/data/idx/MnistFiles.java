package io.jgan.data.idx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Locates the MNIST-format files (MNIST, Fashion-MNIST, ...) in a directory: the training pair
 * {@code train-images-idx3-ubyte} and {@code train-labels-idx1-ubyte}, and optionally the test
 * pair {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}, each plain or with
 * {@code .gz} (the dotted variant {@code train-images.idx3-ubyte} is accepted too).
 *
 * @param trainImages the training image file
 * @param trainLabels the training label file
 * @param testImages  the test image file, if present together with its labels
 * @param testLabels  the test label file, if present together with its images
 */
public record MnistFiles(Path trainImages, Path trainLabels, Optional<Path> testImages, Optional<Path> testLabels) {

    /** Base name of the training images. */
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    /** Base name of the training labels. */
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    /** Base name of the test images. */
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    /** Base name of the test labels. */
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    /** Where Debian's {@code dataset-fashion-mnist} package installs Fashion-MNIST. */
    public static final Path SYSTEM_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    /** Directories searched when no directory is given: {@code ./data}, then {@link #SYSTEM_DIR}. */
    public static final List<Path> DEFAULT_DIRS = List.of(Path.of("data"), SYSTEM_DIR);

    /**
     * Finds the data: in {@code dataDir} if given (and only there), otherwise in the first of
     * {@link #DEFAULT_DIRS} that holds the training files.
     *
     * @param dataDir the directory passed with {@code --data}, if any
     * @return the files found
     * @throws MissingDataException if no training files are found; its message says how to get them
     */
    public static MnistFiles find(Optional<Path> dataDir) throws MissingDataException {
        return find(dataDir, DEFAULT_DIRS);
    }

    /**
     * Like {@link #find(Optional)} with an explicit list of fallback directories.
     *
     * @param dataDir  the directory passed with {@code --data}, if any
     * @param defaults directories to try in order when {@code dataDir} is empty
     * @return the files found
     * @throws MissingDataException if no training files are found; its message says how to get them
     */
    public static MnistFiles find(Optional<Path> dataDir, List<Path> defaults) throws MissingDataException {
        if (dataDir.isPresent()) {
            // An explicit directory must not silently fall back to some other data set.
            Path dir = dataDir.get();
            Optional<MnistFiles> found = in(dir);
            if (found.isPresent()) {
                return found.get();
            }
            String problem = Files.isDirectory(dir)
                    ? "Directory " + dir.toAbsolutePath() + " (given with --data) is missing " + missingIn(dir) + "."
                    : "Directory " + dir.toAbsolutePath() + " (given with --data) does not exist.";
            throw new MissingDataException(problem + "\n" + howToGetData());
        }
        for (Path dir : defaults) {
            Optional<MnistFiles> found = in(dir);
            if (found.isPresent()) {
                return found.get();
            }
        }
        List<String> searched = new ArrayList<>();
        for (Path dir : defaults) {
            searched.add(dir.toAbsolutePath().toString());
        }
        throw new MissingDataException("No MNIST-format training data found (searched " + String.join(", ", searched)
                + ").\n" + howToGetData());
    }

    /**
     * Looks for the files in one directory.
     *
     * @param dir the directory
     * @return the files, if at least the training images and labels are there
     */
    public static Optional<MnistFiles> in(Path dir) {
        Optional<Path> trainImages = locate(dir, TRAIN_IMAGES);
        Optional<Path> trainLabels = locate(dir, TRAIN_LABELS);
        if (trainImages.isEmpty() || trainLabels.isEmpty()) {
            return Optional.empty();
        }
        Optional<Path> testImages = locate(dir, TEST_IMAGES);
        Optional<Path> testLabels = locate(dir, TEST_LABELS);
        boolean testPair = testImages.isPresent() && testLabels.isPresent();
        return Optional.of(new MnistFiles(trainImages.get(), trainLabels.get(),
                testPair ? testImages : Optional.empty(), testPair ? testLabels : Optional.empty()));
    }

    /**
     * Explains the ways to get data, for error messages and {@code --help}.
     *
     * @return a multi-line explanation
     */
    public static String howToGetData() {
        return "jgan needs " + TRAIN_IMAGES + "[.gz] and " + TRAIN_LABELS + "[.gz] (optionally " + TEST_IMAGES
                + "[.gz] and " + TEST_LABELS + "[.gz]) in one directory. To get them, do one of:\n"
                + "  1. sudo apt-get install dataset-fashion-mnist\n"
                + "     (Debian/Ubuntu; installs Fashion-MNIST into " + SYSTEM_DIR + ", which is found automatically)\n"
                + "  2. download MNIST (the four *-ubyte.gz files) into a directory and pass --data DIR\n"
                + "     (or put them into ./data)\n"
                + "  3. use the download option (--download) to fetch MNIST into ./data, verified by SHA-256";
    }

    /**
     * Reads the training images and labels.
     *
     * @return the training set
     * @throws IOException if a file is invalid
     */
    public ImageDataset loadTrain() throws IOException {
        return ImageDataset.load(trainImages, trainLabels);
    }

    /**
     * Reads the test images and labels, if present.
     *
     * @return the test set, or empty if there are no test files
     * @throws IOException if a file is invalid
     */
    public Optional<ImageDataset> loadTest() throws IOException {
        if (testImages.isEmpty() || testLabels.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ImageDataset.load(testImages.get(), testLabels.get()));
    }

    private static Optional<Path> locate(Path dir, String base) {
        String dotted = base.replace("-idx", ".idx"); // e.g. train-images.idx3-ubyte, as some mirrors name them
        for (String name : List.of(base, base + ".gz", dotted, dotted + ".gz")) {
            Path file = dir.resolve(name);
            if (Files.isRegularFile(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    private static String missingIn(Path dir) {
        List<String> missing = new ArrayList<>();
        for (String base : List.of(TRAIN_IMAGES, TRAIN_LABELS)) {
            if (locate(dir, base).isEmpty()) {
                missing.add(base + "[.gz]");
            }
        }
        return String.join(" and ", missing);
    }
}

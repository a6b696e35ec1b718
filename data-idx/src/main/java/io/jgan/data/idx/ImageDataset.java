package io.jgan.data.idx;

import io.jgan.runtime.data.ShuffledBatches;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.IntUnaryOperator;

/**
 * Labelled grayscale images: an IDX image file together with its label file.
 *
 * @param images the images
 * @param labels one label per image
 */
public record ImageDataset(IdxImages images, IdxLabels labels) {

    /**
     * Checks that there is one label per image.
     *
     * @param images see the record description
     * @param labels see the record description
     * @throws IllegalArgumentException if the counts differ
     */
    public ImageDataset {
        if (images.count() != labels.count()) {
            throw new IllegalArgumentException(images.count() + " images but " + labels.count() + " labels");
        }
    }

    /**
     * Reads an image file and its label file (each plain or gzipped).
     *
     * @param imageFile the IDX image file
     * @param labelFile the IDX label file
     * @return the data set
     * @throws IOException if a file is invalid or the two files hold different numbers of items
     */
    public static ImageDataset load(Path imageFile, Path labelFile) throws IOException {
        IdxImages images = IdxReader.readImages(imageFile);
        IdxLabels labels = IdxReader.readLabels(labelFile);
        if (images.count() != labels.count()) {
            throw new IOException(imageFile + " holds " + images.count() + " images but " + labelFile
                    + " holds " + labels.count() + " labels: use an image file and the label file that belongs to it");
        }
        return new ImageDataset(images, labels);
    }

    /**
     * Returns the number of items.
     *
     * @return the image count
     */
    public int count() {
        return images.count();
    }

    /**
     * Creates shuffled mini-batches over all images as floats in [-1, 1], with their labels.
     *
     * @param batchSize   images per batch
     * @param randomBelow returns a uniformly random int in {@code [0, n)} for argument {@code n},
     *                    for example {@code rng::nextInt}
     * @return a batch source whose samples are {@code rows * cols} floats
     */
    public ShuffledBatches batches(int batchSize, IntUnaryOperator randomBelow) {
        return new ShuffledBatches(images.toFloats(), images.imageSize(), labels.toInts(), batchSize, randomBelow);
    }
}

package io.jgan.data.idx;

import io.jgan.runtime.io.AtomicFile;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes IDX image and label files in the MNIST format, optionally gzipped; the counterpart of
 * {@link IdxReader}. Useful for making small data sets for tests and for saving subsets.
 */
public final class IdxWriter {

    private IdxWriter() {
    }

    /**
     * Atomically writes images as an IDX file (magic {@code 0x00000803}).
     *
     * @param file   the file to create or replace
     * @param images the images
     * @param gzip   whether to gzip the file (conventionally named {@code *.gz})
     * @throws IOException if the file cannot be written
     */
    public static void writeImages(Path file, IdxImages images, boolean gzip) throws IOException {
        write(file, gzip, IdxReader.IMAGE_MAGIC, new int[] {images.count(), images.rows(), images.cols()},
                images.pixels());
    }

    /**
     * Atomically writes labels as an IDX file (magic {@code 0x00000801}).
     *
     * @param file   the file to create or replace
     * @param labels the labels
     * @param gzip   whether to gzip the file (conventionally named {@code *.gz})
     * @throws IOException if the file cannot be written
     */
    public static void writeLabels(Path file, IdxLabels labels, boolean gzip) throws IOException {
        write(file, gzip, IdxReader.LABEL_MAGIC, new int[] {labels.count()}, labels.labels());
    }

    private static void write(Path file, boolean gzip, int magic, int[] dims, byte[] payload) throws IOException {
        AtomicFile.write(file, out -> {
            OutputStream target = gzip ? new GZIPOutputStream(out, 1 << 16) : out;
            DataOutputStream data = new DataOutputStream(target); // IDX integers are big-endian, as here
            data.writeInt(magic);
            for (int d : dims) {
                data.writeInt(d);
            }
            data.write(payload);
            data.flush();
            if (target instanceof GZIPOutputStream z) {
                z.finish();
            }
        });
    }
}

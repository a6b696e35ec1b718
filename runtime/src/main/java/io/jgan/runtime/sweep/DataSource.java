package io.jgan.runtime.sweep;

import io.jgan.runtime.Rng;
import io.jgan.runtime.data.EpochData;
import io.jgan.runtime.data.RealData;
import java.io.Serializable;

/**
 * Where each trial's real samples come from. Every trial opens its own {@link RealData}, drawing
 * from the trial's random generator, so that trials are independent and reproducible. Serializable,
 * so that a cluster can ship it to the machines that train.
 */
public interface DataSource extends Serializable {

    /**
     * {@return the real data of one trial}
     *
     * @param batchSize the trial's batch size
     * @param rng the trial's random generator (shuffles and draws come from it)
     */
    RealData open(int batchSize, Rng rng);

    /**
     * {@return a table of samples, shuffled into batches anew every epoch}
     *
     * @param rows the samples, row after row (not copied: do not change them during a sweep)
     * @param width values per sample
     */
    static DataSource rows(float[] rows, int width) {
        if (width < 1 || rows.length == 0 || rows.length % width != 0) {
            throw new IllegalArgumentException("a table of " + rows.length + " values cannot be rows of " + width);
        }
        return new Rows(rows, width);
    }

    /**
     * A table of samples in memory.
     *
     * @param rows the samples, row after row
     * @param width values per sample
     */
    record Rows(float[] rows, int width) implements DataSource {
        private static final long serialVersionUID = 1L;

        @Override
        public RealData open(int batchSize, Rng rng) {
            if (batchSize > rows.length / width) {
                throw new IllegalArgumentException("the batch size " + batchSize + " is larger than the data's "
                        + rows.length / width + " samples");
            }
            return new EpochData(rows, width, batchSize, rng);
        }
    }
}

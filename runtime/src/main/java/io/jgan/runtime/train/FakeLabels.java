package io.jgan.runtime.train;

import io.jgan.runtime.Rng;
import java.util.Arrays;

/**
 * The classes a conditional generator is asked for in training: uniformly, or in proportion to the
 * data's class counts (so that a rare class is faked as rarely as it is seen).
 */
public final class FakeLabels {
    private final int classes;
    /** Cumulative class counts, or null for uniform draws. */
    private final long[] cumulative;

    private FakeLabels(int classes, long[] cumulative) {
        this.classes = classes;
        this.cumulative = cumulative;
    }

    /**
     * {@return every class equally often}
     *
     * @param classes the class count, at least 2
     */
    public static FakeLabels uniform(int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("fake labels need at least 2 classes, got " + classes);
        }
        return new FakeLabels(classes, null);
    }

    /**
     * {@return each class as often as in the data}
     *
     * @param counts samples per class in the data, [classes]; at least one sample in all
     */
    public static FakeLabels withFrequencies(int[] counts) {
        long[] cumulative = new long[counts.length];
        long total = 0;
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] < 0) {
                throw new IllegalArgumentException("class " + c + " has a negative count " + counts[c]);
            }
            total += counts[c];
            cumulative[c] = total;
        }
        if (counts.length < 2 || total == 0 || total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("fake labels in proportion to the data need at least 2 classes and"
                    + " between 1 and 2^31 - 1 samples, got counts " + Arrays.toString(counts));
        }
        return new FakeLabels(counts.length, cumulative);
    }

    /** {@return the class count} */
    public int classes() {
        return classes;
    }

    /** {@return whether classes are drawn in proportion to the data's counts, not uniformly} */
    public boolean followsData() {
        return cumulative != null;
    }

    /**
     * Draws {@code batch} labels into {@code dst}: one {@link Rng#nextInt} each.
     *
     * @param dst where the labels go
     * @param batch how many
     * @param rng the run's random generator
     */
    public void draw(int[] dst, int batch, Rng rng) {
        if (cumulative == null) {
            for (int b = 0; b < batch; b++) {
                dst[b] = rng.nextInt(classes);
            }
            return;
        }
        int total = (int) cumulative[classes - 1];
        for (int b = 0; b < batch; b++) {
            int r = rng.nextInt(total);
            int c = 0;
            while (cumulative[c] <= r) {
                c++;
            }
            dst[b] = c;
        }
    }
}

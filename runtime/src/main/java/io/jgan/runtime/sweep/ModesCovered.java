package io.jgan.runtime.sweep;

import io.jgan.runtime.Network;
import io.jgan.runtime.Rng;
import io.jgan.runtime.train.Sampler;

/**
 * How many modes of a mixture a generator covers, and how many of its samples are near one: the
 * score is {@code covered + share}, so {@code 8.95} means 8 modes covered with 95% of the samples
 * within {@code radius} of a centre. A mode is covered when at least a tenth of its fair share of
 * samples ({@code samples / modes / 10}) are within {@code radius} of it.
 *
 * @param centres the modes' centres, one after another ({@code width} values each)
 * @param width values per sample
 * @param radius how near a sample must be to count for a centre
 * @param samples how many samples to draw
 */
public record ModesCovered(float[] centres, int width, double radius, int samples) implements Score {
    private static final long serialVersionUID = 1L;

    /**
     * Validates the measure.
     *
     * @param centres the modes' centres
     * @param width values per sample
     * @param radius how near a sample must be to count for a centre
     * @param samples how many samples to draw
     */
    public ModesCovered {
        if (width < 1 || centres.length == 0 || centres.length % width != 0) {
            throw new IllegalArgumentException(centres.length + " values are not centres of width " + width);
        }
        if (!(radius > 0) || samples < 1) {
            throw new IllegalArgumentException("the radius and the sample count must be positive");
        }
    }

    /**
     * {@return modes on a circle: {@code modes} centres at angles 2 pi k / modes, radius {@code ringRadius}}
     *
     * @param modes how many
     * @param ringRadius the circle's radius
     * @param near how near a sample must be to count for a centre
     * @param samples how many samples to draw
     */
    public static ModesCovered ring(int modes, double ringRadius, double near, int samples) {
        float[] c = new float[2 * modes];
        for (int k = 0; k < modes; k++) {
            c[2 * k] = (float) (ringRadius * Math.cos(2 * Math.PI * k / modes));
            c[2 * k + 1] = (float) (ringRadius * Math.sin(2 * Math.PI * k / modes));
        }
        return new ModesCovered(c, 2, near, samples);
    }

    @Override
    public double score(Network generator, Rng rng) {
        if (generator.info().outputSize() != width) {
            throw new IllegalArgumentException(generator.info().displayName() + " makes " + generator.info().outputSize()
                    + " values per sample; the modes have " + width);
        }
        int modes = centres.length / width;
        float[] x = Sampler.generate(generator, samples, rng);
        int[] counts = new int[modes];
        int near = 0;
        for (int s = 0; s < samples; s++) {
            int best = -1;
            double bestDistance = radius * radius;
            for (int m = 0; m < modes; m++) {
                double d2 = 0;
                for (int j = 0; j < width; j++) {
                    double d = x[s * width + j] - centres[m * width + j];
                    d2 += d * d;
                }
                if (d2 <= bestDistance) {
                    bestDistance = d2;
                    best = m;
                }
            }
            if (best >= 0) {
                counts[best]++;
                near++;
            }
        }
        double enough = Math.max(1, samples / (double) modes / 10);
        int covered = 0;
        for (int c : counts) {
            covered += c >= enough ? 1 : 0;
        }
        return covered + (double) near / samples;
    }

    @Override
    public String name() {
        return "modes_covered";
    }
}

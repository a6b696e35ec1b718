package io.jgan.samples.ring;

import io.jgan.runtime.Rng;

/**
 * The eight Gaussians on a ring: centres at angles 0, 45, ..., 315 degrees on a circle of radius
 * {@value #RADIUS}, each point a centre plus N(0, {@value #STD}) per coordinate; and the quality
 * measures the tests and the guide state.
 */
public final class RingData {
    /** The ring's radius. */
    public static final double RADIUS = 2.0;
    /** Each mode's standard deviation, per coordinate. */
    public static final double STD = 0.02;
    /** Modes on the ring. */
    public static final int MODES = 8;
    /**
     * A point is "near a centre" within this distance (10 standard deviations; the centres are 1.53
     * apart). A mode is covered when at least {@value #COVERED_SHARE} of the samples are near it
     * (an eighth would be 0.125).
     */
    public static final double NEAR = 0.2;
    /** The share of samples near a centre for that mode to count as covered. */
    public static final double COVERED_SHARE = 0.02;

    private RingData() {}

    /**
     * {@code n} points, (x, y) after (x, y).
     *
     * @param n how many
     * @param rng where they come from
     * @return {@code 2n} values
     */
    public static float[] sample(int n, Rng rng) {
        float[] points = new float[2 * n];
        for (int i = 0; i < n; i++) {
            int mode = rng.nextInt(MODES);
            points[2 * i] = (float) (centreX(mode) + STD * rng.nextGaussian());
            points[2 * i + 1] = (float) (centreY(mode) + STD * rng.nextGaussian());
        }
        return points;
    }

    static double centreX(int mode) {
        return RADIUS * Math.cos(2 * Math.PI * mode / MODES);
    }

    static double centreY(int mode) {
        return RADIUS * Math.sin(2 * Math.PI * mode / MODES);
    }

    /**
     * How well generated points fit the ring.
     *
     * @param modesCovered modes with at least {@link #COVERED_SHARE} of the points near their centre
     * @param nearShare the share of points within {@link #NEAR} of some centre
     */
    public record Quality(int modesCovered, double nearShare) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "modes=%d/%d near=%.3f", modesCovered, MODES, nearShare);
        }
    }

    /**
     * Measures points, (x, y) after (x, y).
     *
     * @param points the points
     * @return the quality
     */
    public static Quality quality(float[] points) {
        int n = points.length / 2;
        int[] near = new int[MODES];
        int nearAny = 0;
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < MODES; m++) {
                double dx = points[2 * i] - centreX(m);
                double dy = points[2 * i + 1] - centreY(m);
                if (dx * dx + dy * dy < NEAR * NEAR) {
                    near[m]++;
                    nearAny++;
                    break;
                }
            }
        }
        int covered = 0;
        for (int m = 0; m < MODES; m++) {
            if (near[m] >= COVERED_SHARE * n) {
                covered++;
            }
        }
        return new Quality(covered, (double) nearAny / n);
    }
}

package io.jgan.runtime.io;

import java.util.Locale;

/**
 * Chooses "nice" axis tick positions (multiples of 1, 2 or 5 times a power of ten) and formats
 * their labels with just enough decimals to tell neighbours apart.
 */
final class Ticks {

    private Ticks() {
    }

    /**
     * Returns the tick step for a range, aiming at no more than {@code maxTicks} intervals.
     */
    static double step(double lo, double hi, int maxTicks) {
        double range = hi - lo;
        if (!(range > 0) || !Double.isFinite(range)) {
            return 1;
        }
        double raw = range / Math.max(1, maxTicks);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double norm = raw / magnitude;
        double nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    /**
     * Returns the multiples of {@code step} that lie within [{@code lo}, {@code hi}].
     */
    static double[] values(double lo, double hi, double step) {
        long first = (long) Math.ceil(lo / step - 1e-9);
        long last = (long) Math.floor(hi / step + 1e-9);
        int n = (int) Math.max(0, Math.min(1000, last - first + 1));
        double[] ticks = new double[n];
        for (int i = 0; i < n; i++) {
            ticks[i] = (first + i) * step;
        }
        return ticks;
    }

    /**
     * Formats a tick value: plain decimals for ordinary magnitudes, otherwise scientific notation.
     */
    static String format(double value, double step) {
        if (Math.abs(value) < step * 1e-6) {
            return "0"; // avoids "-0" and float noise such as 1.2e-17
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e6 || step < 1e-4) {
            return String.format(Locale.ROOT, "%.2g", value).replace("e+0", "e").replace("e-0", "e-")
                    .replace("e+", "e");
        }
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}

package io.jgan.runtime.internal;

import java.util.Locale;

/** Sizes as people read them in messages: "15.3 KB", "35.2 MB", "313.6 GB" (powers of 1000, as df -H). */
public final class Bytes {

    private Bytes() {
    }

    /**
     * Formats a byte count.
     *
     * @param bytes at least 0
     * @return e.g. {@code "35.2 MB"}
     */
    public static String format(long bytes) {
        if (bytes < 1000) {
            return bytes + " bytes";
        }
        String[] units = {"KB", "MB", "GB", "TB", "PB", "EB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}

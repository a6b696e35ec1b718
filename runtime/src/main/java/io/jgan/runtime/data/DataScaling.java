package io.jgan.runtime.data;

import java.util.Arrays;

/**
 * A per-column affine map between a user's units and the units a network trains on:
 * {@code scaled = (value - offset) / scale}, undone by {@code value = scaled * scale + offset}.
 * A run stores it in its checkpoints, so samples come back in the user's units.
 *
 * @param offset per column, subtracted
 * @param scale per column, divided by; positive and finite
 */
public record DataScaling(float[] offset, float[] scale) {

    /**
     * Validates.
     *
     * @param offset per column, subtracted
     * @param scale per column, divided by
     */
    public DataScaling {
        offset = offset.clone();
        scale = scale.clone();
        if (offset.length != scale.length) {
            throw new IllegalArgumentException("offset has " + offset.length + " columns, scale " + scale.length);
        }
        for (int c = 0; c < scale.length; c++) {
            if (!(scale[c] > 0) || !Float.isFinite(scale[c]) || !Float.isFinite(offset[c])) {
                throw new IllegalArgumentException("column " + (c + 1) + ": scale must be positive and finite and"
                        + " offset finite, were " + scale[c] + ", " + offset[c]);
            }
        }
    }

    /**
     * {@return the identity for {@code columns} columns}
     *
     * @param columns values per sample
     */
    public static DataScaling identity(int columns) {
        float[] one = new float[columns];
        Arrays.fill(one, 1f);
        return new DataScaling(new float[columns], one);
    }

    /**
     * Each column to mean 0 and standard deviation 1 (a constant column keeps scale 1).
     *
     * @param rows the data, row after row
     * @param columns values per row
     * @return the scaling
     */
    public static DataScaling standardize(float[] rows, int columns) {
        int n = rows.length / columns;
        float[] offset = new float[columns];
        float[] scale = new float[columns];
        for (int c = 0; c < columns; c++) {
            double sum = 0;
            for (int r = 0; r < n; r++) {
                sum += rows[r * columns + c];
            }
            double mean = sum / n;
            double ss = 0;
            for (int r = 0; r < n; r++) {
                double d = rows[r * columns + c] - mean;
                ss += d * d;
            }
            double std = Math.sqrt(ss / n);
            offset[c] = (float) mean;
            scale[c] = std > 0 && Double.isFinite(std) ? (float) std : 1f;
        }
        return new DataScaling(offset, scale);
    }

    /**
     * Each column's range onto [-1, 1] (for a generator that ends in tanh; a constant column keeps scale 1).
     *
     * @param rows the data, row after row
     * @param columns values per row
     * @return the scaling
     */
    public static DataScaling range(float[] rows, int columns) {
        int n = rows.length / columns;
        float[] offset = new float[columns];
        float[] scale = new float[columns];
        for (int c = 0; c < columns; c++) {
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (int r = 0; r < n; r++) {
                min = Math.min(min, rows[r * columns + c]);
                max = Math.max(max, rows[r * columns + c]);
            }
            offset[c] = (float) ((min + (double) max) / 2);
            double half = ((double) max - min) / 2;
            scale[c] = half > 0 && Double.isFinite(half) ? (float) half : 1f;
        }
        return new DataScaling(offset, scale);
    }

    /** {@return values per sample} */
    public int columns() {
        return offset.length;
    }

    /** {@return a copy of the per-column offsets} */
    @Override
    public float[] offset() {
        return offset.clone();
    }

    /** {@return a copy of the per-column scales} */
    @Override
    public float[] scale() {
        return scale.clone();
    }

    /**
     * Scales {@code rows} in place into training units.
     *
     * @param rows row after row, {@link #columns()} values each
     */
    public void apply(float[] rows) {
        for (int k = 0; k < rows.length; k++) {
            int c = k % offset.length;
            rows[k] = (rows[k] - offset[c]) / scale[c];
        }
    }

    /**
     * Maps {@code rows} in place back into the user's units.
     *
     * @param rows row after row, {@link #columns()} values each
     */
    public void undo(float[] rows) {
        for (int k = 0; k < rows.length; k++) {
            int c = k % offset.length;
            rows[k] = rows[k] * scale[c] + offset[c];
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataScaling s && Arrays.equals(offset, s.offset) && Arrays.equals(scale, s.scale);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(offset) + Arrays.hashCode(scale);
    }

    @Override
    public String toString() {
        return "DataScaling[offset=" + Arrays.toString(offset) + ", scale=" + Arrays.toString(scale) + "]";
    }
}

package io.jgan.runtime.sweep;

import io.jgan.runtime.io.Npy;
import io.jgan.runtime.io.NpyArray;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Real samples from a file: {@code .npy} (float32, [samples, width]) or CSV (numeric columns, an
 * optional header line). Every problem is an {@link IOException} with one line naming the file,
 * the line and the column.
 *
 * @param rows the samples, row after row
 * @param width values per sample
 */
public record Table(float[] rows, int width) {

    /** {@return how many samples} */
    public int samples() {
        return rows.length / width;
    }

    /** {@return the table as a sweep's data} */
    public DataSource source() {
        return DataSource.rows(rows, width);
    }

    /**
     * {@return the table in {@code file}, by its extension: {@code .npy} or {@code .csv}}
     *
     * @param file the file
     * @throws IOException if it cannot be read or is not a table of finite numbers
     */
    public static Table read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " does not exist or is not a file");
        }
        if (name.endsWith(".npy")) {
            NpyArray a = Npy.read(file);
            if (a.shape().length != 2 || a.shape()[0] == 0) {
                throw new IOException(file + " has shape " + java.util.Arrays.toString(a.shape())
                        + "; the data must be [samples, width] with at least one sample");
            }
            return finite(new Table(a.data(), a.shape()[1]), file.toString());
        }
        if (name.endsWith(".csv")) {
            return csv(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        }
        throw new IOException(file + ": give a .npy or .csv file");
    }

    /**
     * {@return the table of CSV lines: numbers separated by commas, the first line a header if it is not numbers}
     *
     * @param lines the file's lines (blank lines are skipped)
     * @param source names the file in messages
     * @throws IOException if a cell is not a finite number or a line has another width
     */
    public static Table csv(List<String> lines, String source) throws IOException {
        int firstLine = 0;
        while (firstLine < lines.size() && lines.get(firstLine).isBlank()) {
            firstLine++;
        }
        if (firstLine == lines.size()) {
            throw new IOException(source + " is empty");
        }
        int width = lines.get(firstLine).split(",", -1).length;
        int start = isHeader(lines.get(firstLine)) ? firstLine + 1 : firstLine;
        float[] rows = new float[Math.multiplyExact(lines.size() - start, width)];
        int n = 0;
        for (int l = start; l < lines.size(); l++) {
            if (lines.get(l).isBlank()) {
                continue;
            }
            String[] cells = lines.get(l).split(",", -1);
            if (cells.length != width) {
                throw new IOException(source + ": line " + (l + 1) + " has " + cells.length + " columns, line "
                        + (firstLine + 1) + " has " + width);
            }
            for (int c = 0; c < width; c++) {
                try {
                    rows[n * width + c] = Float.parseFloat(cells[c].strip());
                } catch (NumberFormatException e) {
                    throw new IOException(source + ": line " + (l + 1) + ", column " + (c + 1) + " is '"
                            + cells[c].strip() + "', not a number");
                }
            }
            n++;
        }
        if (n == 0) {
            throw new IOException(source + " has a header but no rows");
        }
        return finite(new Table(java.util.Arrays.copyOf(rows, n * width), width), source);
    }

    private static Table finite(Table t, String source) throws IOException {
        for (int k = 0; k < t.rows.length; k++) {
            if (!Float.isFinite(t.rows[k])) {
                throw new IOException(source + ": sample " + (k / t.width + 1) + ", column " + (k % t.width + 1) + " is "
                        + t.rows[k] + "; every value must be finite");
            }
        }
        return t;
    }

    private static boolean isHeader(String line) {
        for (String cell : line.split(",", -1)) {
            try {
                Float.parseFloat(cell.strip());
            } catch (NumberFormatException e) {
                return true;
            }
        }
        return false;
    }
}

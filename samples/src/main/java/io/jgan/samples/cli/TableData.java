package io.jgan.samples.cli;

import io.jgan.runtime.io.Npy;
import io.jgan.runtime.io.NpyArray;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * A user's table of real samples, one row per sample: a {@code .npy} float32 array of shape
 * [rows, columns], or a {@code .csv} file of numbers separated by commas, with an optional header
 * (a first line of which no cell is a number). Every problem is one {@link CommandError} naming the
 * file and where: a cell that is not a number (row and column, counting lines of the file from 1),
 * a row of another width, NaN or infinity, no rows at all.
 *
 * @param rows the values, row after row
 * @param columns values per row
 * @param header the CSV header's names, or null
 */
public record TableData(float[] rows, int columns, String[] header) {

    /** {@return how many rows} */
    public int count() {
        return rows.length / columns;
    }

    /**
     * Reads a table, by its extension.
     *
     * @param file a .npy or .csv file
     * @param option the option that named it, for messages
     * @return the table
     * @throws CommandError if the file is not a table of finite numbers
     * @throws IOException if it cannot be read
     */
    public static TableData read(Path file, String option) throws IOException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(file)) {
            throw CommandError.of(option + " " + file + (Files.exists(file) ? " is not a regular file" : " does not exist")
                    + ": give a .npy or .csv file of samples, one per row");
        }
        if (Files.size(file) == 0) {
            throw CommandError.of(option + " " + file + " is empty: it must hold at least one row of numbers");
        }
        if (name.endsWith(".npy")) {
            return npy(file, option);
        }
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return csv(file, option);
        }
        throw CommandError.of(option + " " + file + ": unknown format; give a .npy (float32 [rows, columns]) or a .csv"
                + " file");
    }

    private static TableData npy(Path file, String option) throws IOException {
        NpyArray a = Npy.read(file);
        int[] shape = a.shape();
        if (shape.length != 2 && shape.length != 1) {
            throw CommandError.of(option + " " + file + " has shape " + Arrays.toString(shape) + "; give a 2-D array,"
                    + " [rows, columns]");
        }
        int columns = shape.length == 2 ? shape[1] : 1;
        if (a.data().length == 0 || columns == 0) {
            throw CommandError.of(option + " " + file + " holds no values: it must hold at least one row");
        }
        float[] v = a.data();
        for (int k = 0; k < v.length; k++) {
            if (!Float.isFinite(v[k])) {
                throw CommandError.of(option + " " + file + ": row " + (k / columns + 1) + ", column " + (k % columns + 1)
                        + " is " + v[k] + "; every value must be a finite number");
            }
        }
        return new TableData(v, columns, null);
    }

    private static TableData csv(Path file, String option) throws IOException {
        float[] values = new float[1024];
        int count = 0;
        int columns = -1;
        String[] header = null;
        int line = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                line++;
                if (line == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (text.isBlank()) {
                    continue;
                }
                String[] cells = text.split(",", -1);
                if (columns < 0 && header == null && count == 0 && noneNumeric(cells)) {
                    header = Arrays.stream(cells).map(String::strip).toArray(String[]::new);
                    columns = cells.length;
                    continue;
                }
                if (columns < 0) {
                    columns = cells.length;
                } else if (cells.length != columns) {
                    throw CommandError.of(option + " " + file + ": line " + line + " has " + cells.length + " values, the "
                            + (header != null ? "header has " : "first row has ") + columns
                            + "; every row needs the same number of columns");
                }
                if (count + columns > values.length) {
                    values = Arrays.copyOf(values, Math.max(values.length * 2, count + columns));
                }
                for (int c = 0; c < columns; c++) {
                    values[count++] = cell(cells[c], file, option, line, c, header);
                }
            }
        }
        if (count == 0) {
            throw CommandError.of(option + " " + file + " holds no rows of numbers" + (header != null ? " (only a header)"
                    : "") + ": it must hold at least one");
        }
        return new TableData(Arrays.copyOf(values, count), columns, header);
    }

    private static boolean noneNumeric(String[] cells) {
        for (String c : cells) {
            if (parses(c.strip())) {
                return false;
            }
        }
        return true;
    }

    private static boolean parses(String s) {
        try {
            Float.parseFloat(s);
            return !s.isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static float cell(String text, Path file, String option, int line, int column, String[] header) {
        String s = text.strip();
        String where = option + " " + file + ": line " + line + ", column " + (column + 1)
                + (header != null && !header[column].isEmpty() ? " (" + header[column] + ")" : "");
        float v;
        try {
            // Float.parseFloat also takes "1f", "0x1p3" and "NaN": only plain decimal numbers are data.
            if (s.isEmpty() || !s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                throw new NumberFormatException();
            }
            v = Float.parseFloat(s);
        } catch (NumberFormatException e) {
            String shown = s.length() > 20 ? s.substring(0, 20) + "..." : s;
            throw CommandError.of(where + " is \"" + shown + "\", not a number"
                    + (s.equalsIgnoreCase("nan") || s.toLowerCase(Locale.ROOT).contains("inf")
                            ? "; every value must be a finite number" : "; every cell must be a number like 1.5 or -2e-3"));
        }
        if (!Float.isFinite(v)) {
            throw CommandError.of(where + " is " + s + ", too large for a float; every value must be a finite number");
        }
        return v;
    }

    /**
     * Checks the width against what the discriminator reads.
     *
     * @param file the file, for the message
     * @param width the discriminator's input size
     * @param spec the spec's name
     * @throws CommandError if they differ
     */
    public void requireWidth(Path file, int width, String spec) {
        if (columns != width) {
            throw CommandError.of("--data " + file + " has " + columns + " column" + (columns == 1 ? "" : "s")
                    + " per row, but " + spec + "'s discriminator reads " + width + " values per sample: give data"
                    + " with " + width + " columns, or another --spec");
        }
    }
}

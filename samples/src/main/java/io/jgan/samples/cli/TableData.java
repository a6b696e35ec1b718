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
 * <p>For a conditional spec one CSV column holds each row's class ({@link LabelColumn}): it is taken out
 * of the samples, and a label that is not a whole number in [0, classes) is one error naming the file,
 * line and column. A {@code .npy} table's labels come from a file of their own ({@link #readLabels}).
 *
 * @param rows the values, row after row (without the label column)
 * @param columns values per row (without the label column)
 * @param header the CSV header's names, or null
 * @param labels each row's class, or null for a table without labels
 */
public record TableData(float[] rows, int columns, String[] header, int[] labels) {

    /**
     * Which CSV column holds the labels of a conditional spec.
     *
     * @param column the header's name of the column, or its number counting from 1
     * @param classes the spec's class count: labels are 0 to classes - 1
     * @param spec the spec's name, for messages
     * @param option the option that named the column (or null if it is the default), for messages
     */
    public record LabelColumn(String column, int classes, String spec, String option) {
        /** The default column of a conditional spec's labels. */
        public static final String DEFAULT = "label";
    }

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
        return read(file, option, null);
    }

    /**
     * Reads a table, by its extension, with a CSV file's label column taken out.
     *
     * @param file a .npy or .csv file
     * @param option the option that named it, for messages
     * @param label the CSV column of the labels, or null for a table without labels (a .npy file has none)
     * @return the table
     * @throws CommandError if the file is not a table of finite numbers, or a label is not a class
     * @throws IOException if it cannot be read
     */
    public static TableData read(Path file, String option, LabelColumn label) throws IOException {
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
            return csv(file, option, label);
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
        return new TableData(v, columns, null, null);
    }

    private static TableData csv(Path file, String option, LabelColumn label) throws IOException {
        float[] values = new float[1024];
        int count = 0;
        int columns = -1;
        String[] header = null;
        int line = 0;
        int labelAt = -1;
        int[] labels = label == null ? null : new int[256];
        int rows = 0;
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
                if (label != null && labelAt < 0) {
                    labelAt = labelIndex(label, header, columns, file, option);
                }
                if (count + columns > values.length) {
                    values = Arrays.copyOf(values, Math.max(values.length * 2, count + columns));
                }
                for (int c = 0; c < columns; c++) {
                    if (c == labelAt) {
                        if (rows == labels.length) {
                            labels = Arrays.copyOf(labels, rows * 2);
                        }
                        labels[rows] = labelCell(cells[c], label, file, option, line, c, header);
                    } else {
                        values[count++] = cell(cells[c], file, option, line, c, header);
                    }
                }
                rows++;
            }
        }
        if (count == 0) {
            throw CommandError.of(option + " " + file + " holds no rows of numbers" + (header != null ? " (only a header)"
                    : "") + ": it must hold at least one");
        }
        if (labelAt >= 0 && columns == 1) {
            throw CommandError.of(option + " " + file + " has only the label column: it needs the samples' values too");
        }
        if (labelAt < 0) {
            return new TableData(Arrays.copyOf(values, count), columns, header, null);
        }
        String[] names = null;
        if (header != null) {
            names = new String[columns - 1];
            for (int c = 0, k = 0; c < columns; c++) {
                if (c != labelAt) {
                    names[k++] = header[c];
                }
            }
        }
        return new TableData(Arrays.copyOf(values, count), columns - 1, names, Arrays.copyOf(labels, rows));
    }

    /** The label column's index, from its header name or its number (counting from 1). */
    private static int labelIndex(LabelColumn label, String[] header, int columns, Path file, String option) {
        String given = label.option() == null ? "" : label.option() + " " + label.column() + ": ";
        String how = "; name it with --label-column NAME or give its number (1 to " + columns + ")";
        if (label.column().matches("\\d+")) {
            int number;
            try {
                number = Integer.parseInt(label.column());
            } catch (NumberFormatException e) {
                number = 0;
            }
            if (number < 1 || number > columns) {
                throw CommandError.of(given + option + " " + file + " has " + columns + " columns, no column "
                        + label.column() + how);
            }
            return number - 1;
        }
        if (header != null) {
            for (int c = 0; c < columns; c++) {
                if (header[c].equals(label.column())) {
                    return c;
                }
            }
        }
        String conditional = label.option() == null ? label.spec() + " is conditional (@Condition): its labels are"
                + " read from a column named '" + label.column() + "', but " : given;
        throw CommandError.of(conditional + option + " " + file + (header == null ? " has no header"
                : " has no column named '" + label.column() + "' (its header: " + String.join(",", header) + ")") + how);
    }

    /** A label cell: a whole number in [0, classes). */
    private static int labelCell(String text, LabelColumn label, Path file, String option, int line, int column,
            String[] header) {
        String s = text.strip();
        String where = option + " " + file + ": line " + line + ", column " + (column + 1)
                + (header != null && !header[column].isEmpty() ? " (" + header[column] + ")" : "");
        String classes = "labels of " + label.spec() + " are whole numbers 0 to " + (label.classes() - 1);
        if (s.isEmpty()) {
            throw CommandError.of(where + " is empty: every row needs its label; " + classes);
        }
        if (!s.matches("[+-]?\\d{1,9}(\\.0*)?")) {
            String shown = s.length() > 20 ? s.substring(0, 20) + "..." : s;
            throw CommandError.of(where + " is \"" + shown + "\", not a class: " + classes);
        }
        int v = Integer.parseInt(s.replaceFirst("\\.0*$", "").replaceFirst("^\\+", ""));
        if (v < 0 || v >= label.classes()) {
            throw CommandError.of(where + " is " + s + ", outside [0, " + label.classes() + "), the classes of "
                    + label.spec() + "'s @Condition: use labels 0 to " + (label.classes() - 1)
                    + " or a spec with more classes");
        }
        return v;
    }

    /**
     * The labels of a .npy table, from a float32 .npy file of one whole number per row ([rows] or
     * [rows, 1]).
     *
     * @param file the labels' file
     * @param option the option that named it, for messages
     * @param rows the table's rows
     * @param classes the spec's class count
     * @param spec the spec's name, for messages
     * @return one label per row
     * @throws CommandError if the file does not hold one class per row
     * @throws IOException if it cannot be read
     */
    public static int[] readLabels(Path file, String option, int rows, int classes, String spec) throws IOException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(file) || !name.endsWith(".npy")) {
            throw CommandError.of(option + " " + file + (Files.exists(file) ? (name.endsWith(".npy")
                    ? " is not a regular file" : " is not a .npy file") : " does not exist")
                    + ": give a float32 .npy of one label per row of the data");
        }
        NpyArray a = Npy.read(file);
        int[] shape = a.shape();
        if (!(shape.length == 1 || (shape.length == 2 && shape[1] == 1)) || shape[0] != rows) {
            throw CommandError.of(option + " " + file + " has shape " + Arrays.toString(shape) + ", but the data has "
                    + rows + " rows: give one label per row, shape [" + rows + "]");
        }
        float[] v = a.data();
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            if (!(v[r] >= 0 && v[r] < classes && v[r] == Math.rint(v[r]))) {
                throw CommandError.of(option + " " + file + ": row " + (r + 1) + " is " + v[r] + ", not a class of "
                        + spec + "'s @Condition: labels must be whole numbers 0 to " + (classes - 1));
            }
            labels[r] = (int) v[r];
        }
        return labels;
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
                    + (labels != null ? " of values besides the label" : "") + " per row, but " + spec + "'s discriminator reads " + width + " values per sample: give data"
                    + " with " + width + " columns, or another --spec");
        }
    }
}

package io.jgan.samples.sweep;

import io.jgan.runtime.io.Npy;
import io.jgan.runtime.io.NpyArray;
import io.jgan.samples.cli.CommandError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A sweep's real samples from a file: {@code .npy} (float32, [samples, width]) or {@code .csv}
 * (numeric columns, an optional header line).
 *
 * @param rows the samples, row after row
 * @param width values per sample
 */
record SweepData(float[] rows, int width) {

    static SweepData read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!Files.isRegularFile(file)) {
            throw CommandError.of("--data " + file + " does not exist or is not a file");
        }
        SweepData data;
        if (name.endsWith(".npy")) {
            NpyArray a = Npy.read(file);
            if (a.shape().length != 2) {
                throw CommandError.of("--data " + file + " has shape " + java.util.Arrays.toString(a.shape())
                        + "; a sweep needs [samples, width]");
            }
            data = new SweepData(a.data(), a.shape()[1]);
        } else if (name.endsWith(".csv")) {
            data = csv(file, Files.readAllLines(file, StandardCharsets.UTF_8));
        } else {
            throw CommandError.of("--data " + file + ": give a .npy or .csv file");
        }
        for (int k = 0; k < data.rows.length; k++) {
            if (!Float.isFinite(data.rows[k])) {
                throw CommandError.of("--data " + file + ": row " + (k / data.width + 1) + ", column " + (k % data.width + 1)
                        + " is " + data.rows[k] + "; every value must be finite");
            }
        }
        return data;
    }

    private static SweepData csv(Path file, List<String> lines) {
        List<String> body = lines.stream().filter(l -> !l.isBlank()).toList();
        if (body.isEmpty()) {
            throw CommandError.of("--data " + file + " is empty");
        }
        int first = isHeader(body.get(0)) ? 1 : 0;
        int width = body.get(0).split(",", -1).length;
        int n = body.size() - first;
        if (n == 0) {
            throw CommandError.of("--data " + file + " has a header but no rows");
        }
        float[] rows = new float[n * width];
        for (int r = 0; r < n; r++) {
            String[] cells = body.get(first + r).split(",", -1);
            if (cells.length != width) {
                throw CommandError.of("--data " + file + ": line " + lineOf(lines, body.get(first + r)) + " has "
                        + cells.length + " columns, the first line " + width);
            }
            for (int c = 0; c < width; c++) {
                try {
                    rows[r * width + c] = Float.parseFloat(cells[c].strip());
                } catch (NumberFormatException e) {
                    throw CommandError.of("--data " + file + ": line " + lineOf(lines, body.get(first + r)) + ", column "
                            + (c + 1) + " is '" + cells[c].strip() + "', not a number");
                }
            }
        }
        return new SweepData(rows, width);
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

    private static int lineOf(List<String> lines, String line) {
        return lines.indexOf(line) + 1;
    }
}

package io.jgan.runtime.sweep;

import io.jgan.runtime.io.AtomicFile;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A sweep's results, one row per trial, by trial id; {@link #sorted()} puts the best first.
 *
 * @param scoreName the score's name (a column heading)
 * @param higherIsBetter whether a higher score is better
 * @param rows the rows, by trial id
 */
public record SweepResults(String scoreName, boolean higherIsBetter, List<TrialResult> rows) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The CSV's columns, in order; {@code score} stands for the score's name. */
    public static final List<String> COLUMNS = List.of("trial", "seed", "lr_g", "lr_d", "beta1", "beta2", "loss",
            "d_steps", "g_steps", "batch", "steps", "average_decay", "score", "d_loss", "g_loss", "checkpoint",
            "sha256", "kernel", "jgan_version", "note");

    /**
     * Keeps the rows in trial order.
     *
     * @param scoreName the score's name
     * @param higherIsBetter whether a higher score is better
     * @param rows the rows, in any order
     */
    public SweepResults {
        List<TrialResult> byId = new ArrayList<>(rows);
        byId.sort(Comparator.comparingInt(TrialResult::trialId));
        rows = List.copyOf(byId);
    }

    /**
     * Refuses results whose trials ran on different kernel paths: each path is bit-exact on its own,
     * but the two round differently, so such a table would compare runs that no one machine repeats.
     *
     * @throws IllegalStateException naming the paths and how to pin one
     */
    public void requireOneKernelPath() {
        List<String> paths = rows.stream().map(TrialResult::kernel).distinct().sorted().toList();
        if (paths.size() > 1) {
            throw new IllegalStateException("the trials ran on different kernel paths " + paths + ": start every"
                    + " executor alike, with --add-modules jdk.incubator.vector in spark.executor.extraJavaOptions"
                    + " for all of them or for none");
        }
    }

    /** {@return the rows, best score first; trials without a score (diverged) last} */
    public List<TrialResult> sorted() {
        Comparator<TrialResult> byScore = Comparator.comparingDouble(TrialResult::score);
        Comparator<TrialResult> order = Comparator.<TrialResult>comparingInt(r -> Double.isNaN(r.score()) ? 1 : 0)
                .thenComparing(higherIsBetter ? byScore.reversed() : byScore)
                .thenComparingInt(TrialResult::trialId);
        List<TrialResult> sorted = new ArrayList<>(rows);
        sorted.sort(order);
        return sorted;
    }

    /** {@return the best trial} */
    public TrialResult best() {
        return sorted().get(0);
    }

    /** {@return the results as CSV: a header, then one line per trial by id; numbers exact (shortest round-trip)} */
    public String toCsv() {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(COLUMNS);
        header.set(header.indexOf("score"), scoreName);
        csv.append(String.join(",", header.stream().map(SweepResults::field).toList())).append('\n');
        for (TrialResult r : rows) {
            TrialSettings s = r.settings();
            List<String> cells = List.of(Integer.toString(r.trialId()), Long.toString(r.seed()),
                    Double.toString(s.generatorLearningRate()), Double.toString(s.discriminatorLearningRate()),
                    Double.toString(s.beta1()), Double.toString(s.beta2()), s.loss(),
                    Integer.toString(s.discriminatorSteps()), Integer.toString(s.generatorSteps()),
                    Integer.toString(s.batchSize()), Long.toString(s.steps()), Double.toString(s.averageDecay()),
                    Double.toString(r.score()), Double.toString(r.discriminatorLoss()),
                    Double.toString(r.generatorLoss()), r.checkpoint(), r.sha256(), r.kernel(), r.jganVersion(),
                    r.note());
            csv.append(String.join(",", cells.stream().map(SweepResults::field).toList())).append('\n');
        }
        return csv.toString();
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
    private static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /**
     * Writes {@link #toCsv()} atomically.
     *
     * @param file the CSV file
     * @throws IOException if it cannot be written
     */
    public void writeCsv(Path file) throws IOException {
        AtomicFile.write(file, toCsv().getBytes(StandardCharsets.UTF_8));
    }

    /** {@return the results as a table for a terminal, best first} */
    public String table() {
        StringBuilder t = new StringBuilder();
        String scoreHeading = scoreName + (higherIsBetter ? " (higher is better)" : " (lower is better)");
        t.append(String.format(Locale.ROOT, "%4s %5s %6s  %-66s %10s %7s %7s  %s%n", "rank", "trial", "seed", "settings",
                "score", "d_loss", "g_loss", "sha256"));
        int rank = 1;
        for (TrialResult r : sorted()) {
            t.append(String.format(Locale.ROOT, "%4d %5d %6d  %-66s %10.4f %7.3f %7.3f  %s%n", rank++, r.trialId(),
                    r.seed(), r.settings().describe(), r.score(), r.discriminatorLoss(), r.generatorLoss(),
                    r.note().isEmpty() ? r.sha256().substring(0, Math.min(12, r.sha256().length())) : r.note()));
        }
        t.append("score: ").append(scoreHeading).append('\n');
        return t.toString();
    }
}

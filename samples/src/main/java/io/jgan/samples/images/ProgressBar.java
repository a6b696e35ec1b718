package io.jgan.samples.images;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress display, rewritten in place with a carriage return: epoch, batch, the last
 * iteration's losses and scores, throughput and the estimated time left. Redrawn at most a few
 * times a second, so it costs nothing next to a training step. Only on a terminal: in a log file
 * the carriage returns would pile up, and the epoch lines say enough.
 */
final class ProgressBar {
    private static final long REDRAW_NANOS = 250_000_000L;
    private static final int BAR = 20;
    private final PrintStream out;
    private long lastDraw;
    private int lastLength;

    private final boolean terminal;

    ProgressBar(PrintStream out) {
        this.out = out;
        this.terminal = out == System.out && io.jgan.runtime.train.ProgressDisplay.standardOutputIsTerminal();
    }

    /**
     * Redraws if enough time passed (or {@code force}).
     *
     * @param done iterations done in this process, for the rate
     * @param left iterations left in the run, for the ETA
     * @param seconds seconds spent on the {@code done} iterations
     */
    void update(int epoch, int epochs, int batch, int batches, float dLoss, float gLoss, float dReal, float dFake,
            long done, long left, double seconds, int batchSize, boolean force) {
        long now = System.nanoTime();
        if (!terminal || (!force && now - lastDraw < REDRAW_NANOS)) {
            return;
        }
        lastDraw = now;
        int filled = (int) ((long) BAR * batch / batches);
        String bar = "#".repeat(filled) + "-".repeat(BAR - filled);
        double rate = seconds > 0 ? done / seconds : 0;
        String line = String.format(Locale.ROOT,
                "epoch %d/%d [%s] %d/%d  D %.4f  G %.4f  D(x) %.3f  D(G(z)) %.3f  %.0f samples/s  ETA %s",
                epoch, epochs, bar, batch, batches, dLoss, gLoss, dReal, dFake, rate * batchSize,
                rate > 0 ? duration(left / rate) : "?");
        // Pad over the previous, possibly longer, line.
        out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        out.flush();
        lastLength = line.length();
    }

    /** Ends the progress line, so that the next output starts on a fresh one. */
    void newLine() {
        if (lastLength > 0) {
            out.println();
            lastLength = 0;
        }
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}

package io.jgan.runtime.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Function;

/**
 * Shows a run's progress. On a terminal: one line redrawn in place (a carriage return, at most four
 * times a second) with the epoch, a bar, the last losses and scores, samples per second and the
 * time left, and a line per epoch. Anywhere else (a log file, a pipe): plain lines only, one per log
 * row and one per epoch, so a log file holds no carriage returns. Notes and warnings of the run
 * get a line of their own in both.
 */
public final class ProgressDisplay implements TrainingListener {
    private static final long REDRAW_NANOS = 250_000_000L;
    private static final int BAR = 20;
    private final PrintStream out;
    private final boolean terminal;
    private final Function<EpochSummary, String> epochLine;
    private long startNanos;
    private long startStep;
    private long lastDraw;
    private int lastLength;

    /**
     * A display.
     *
     * @param out where it prints
     * @param terminal whether {@code out} is a terminal (redraws in place) or a file (plain lines)
     */
    public ProgressDisplay(PrintStream out, boolean terminal) {
        this(out, terminal, EpochSummary::toString);
    }

    /**
     * A display whose line at the end of each epoch is the caller's (e.g. the summary and a figure of
     * its own).
     *
     * @param out where it prints
     * @param terminal whether {@code out} is a terminal (redraws in place) or a file (plain lines)
     * @param epochLine makes the line printed at the end of each epoch
     */
    public ProgressDisplay(PrintStream out, boolean terminal, Function<EpochSummary, String> epochLine) {
        this.out = out;
        this.terminal = terminal;
        this.epochLine = java.util.Objects.requireNonNull(epochLine, "epochLine");
    }

    /** {@return a display on standard output, redrawing in place only if it is a terminal} */
    public static ProgressDisplay toStandardOutput() {
        return new ProgressDisplay(System.out, standardOutputIsTerminal());
    }

    /**
     * {@return whether standard output is a terminal (where a line can be redrawn in place)}
     * Before JDK 22 a console exists only when both standard input and output are terminals; from 22
     * on it may exist for a redirected output too, and {@code Console.isTerminal()} tells.
     */
    public static boolean standardOutputIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    @Override
    public void onStart(TrainingRun run) {
        startNanos = System.nanoTime();
        startStep = run.step();
        line(String.format(Locale.ROOT, "%s %d of %d steps (%d epochs of %d)%s",
                run.step() == 0 ? "training:" : "resuming: at step", run.step(), run.totalSteps(), run.epochs(),
                run.stepsPerEpoch(), run.out() == null ? "" : ", run directory " + run.out()));
    }

    @Override
    public void onStep(TrainingRun run, StepStats s) {
        if (!terminal) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS && run.step() != run.totalSteps()) {
            return;
        }
        lastDraw = now;
        int spe = run.stepsPerEpoch();
        int batch = (int) ((run.step() - 1) % spe) + 1;
        long epoch = (run.step() - 1) / spe + 1;
        int filled = (int) ((long) BAR * batch / spe);
        String line = String.format(Locale.ROOT, "epoch %d/%d [%s] %d/%d  D %.4f  G %.4f  D(x) %.3f  D(G(z)) %.3f  %s",
                epoch, run.epochs(), "#".repeat(filled) + "-".repeat(BAR - filled), batch, spe, s.discriminatorLoss,
                s.generatorLoss, s.realScore, s.fakeScore, rate(run));
        out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        out.flush();
        lastLength = line.length();
    }

    @Override
    public void onLog(TrainingRun run, LogRow row) {
        if (!terminal) {
            line(row + "  " + rate(run));
        }
    }

    @Override
    public void onEpoch(TrainingRun run, EpochSummary summary) {
        line(epochLine.apply(summary));
    }

    @Override
    public void onMessage(TrainingRun run, String message) {
        line(message);
    }

    @Override
    public void onEnd(TrainingRun run) {
        endLine();
    }

    private String rate(TrainingRun run) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long done = run.step() - startStep;
        double perSecond = seconds > 0 ? done / seconds : 0;
        return String.format(Locale.ROOT, "%.0f samples/s  ETA %s", perSecond * run.config().batchSize(),
                perSecond > 0 ? duration((run.totalSteps() - run.step()) / perSecond) : "?");
    }

    private void line(String text) {
        endLine();
        out.println(text);
        out.flush();
    }

    /** Ends a line being redrawn, so that the next output starts on a fresh one. */
    private void endLine() {
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

package io.jgan.runtime.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs a sweep on this machine: one trial per thread, as many threads as asked (by default the
 * cores). Needs nothing but jgan; {@code SparkSweep} in jgan-spark runs the same plan on a cluster
 * and gives the same checkpoints and results.
 */
public final class LocalSweep {
    /** The results file a sweep writes into its output directory. */
    public static final String RESULTS = "results.csv";

    private LocalSweep() {}

    /**
     * Runs every trial of {@code plan}, writes the checkpoints to {@code out/trial-<id>/} and the
     * results to {@code out/results.csv}.
     *
     * @param plan the sweep
     * @param out the output directory (created if needed)
     * @param threads trials run at once, at least 1
     * @param onResult called with each row as its trial ends (from the trial's thread), e.g. to print progress
     * @return the results, by trial id
     * @throws IOException if the output cannot be written
     */
    public static SweepResults run(SweepPlan plan, Path out, int threads, Consumer<TrialResult> onResult)
            throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        Files.createDirectories(out);
        LocalCheckpointStore store = new LocalCheckpointStore(out);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, plan.size()), r -> {
            Thread t = new Thread(r, "jgan-trial");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<TrialResult>> futures = new ArrayList<>();
            for (int id = 0; id < plan.size(); id++) {
                int trial = id;
                futures.add(pool.submit(() -> {
                    TrialResult r = TrialRun.run(plan, trial, store);
                    onResult.accept(r);
                    return r;
                }));
            }
            List<TrialResult> rows = new ArrayList<>();
            for (Future<TrialResult> f : futures) {
                rows.add(f.get());
            }
            SweepResults results = new SweepResults(plan.score().name(), plan.score().higherIsBetter(), rows);
            results.writeCsv(out.resolve(RESULTS));
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("the sweep was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof java.io.UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}

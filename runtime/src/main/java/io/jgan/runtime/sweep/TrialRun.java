package io.jgan.runtime.sweep;

import io.jgan.runtime.io.Checksums;
import io.jgan.runtime.kernel.Simd;
import io.jgan.runtime.Networks;
import io.jgan.runtime.Rng;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One trial from start to its row of results: train, store the checkpoint, record its SHA-256, score
 * the generator. The score comes last, so that a score that fails leaves a checkpoint to look at.
 */
public final class TrialRun {
    private TrialRun() {}

    /**
     * Runs trial {@code id} of {@code plan}: the same row wherever and however often it runs.
     *
     * @param plan the sweep
     * @param id the trial's id
     * @param store where its checkpoint goes
     * @return its row of results
     */
    public static TrialResult run(SweepPlan plan, int id, CheckpointStore store) {
        Trial trial = plan.trial(id);
        TrialTrainer.Outcome outcome = TrialTrainer.train(plan, trial);
        String path = "";
        String sha = "";
        double score = Double.NaN;
        if (outcome.checkpoint() != null) {
            byte[] bytes = outcome.checkpoint().toBytes();
            sha = Checksums.sha256Hex(bytes);
            try {
                path = store.write(id, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the checkpoint of trial " + id + ": " + e.getMessage(), e);
            }
            score = plan.score().score(outcome.generator(), new Rng(TrialTrainer.scoreSeed(trial.seed())));
        }
        return new TrialResult(id, trial.seed(), trial.settings(), score, outcome.discriminatorLoss(),
                outcome.generatorLoss(), path, sha, kernel(), version(), outcome.note());
    }

    /** {@return the dense kernels' path of this JVM: {@code vector-api} or {@code auto-vectorised}} */
    public static String kernel() {
        return Simd.enabled() ? "vector-api" : "auto-vectorised";
    }

    /** {@return this jgan's version, from its jar's manifest ({@code development} when run from classes)} */
    public static String version() {
        String v = Networks.class.getPackage().getImplementationVersion();
        return v != null ? v : "development";
    }
}

package io.jgan.runtime.sweep;

import java.io.Serializable;

/**
 * One row of a sweep's results.
 *
 * @param trialId the trial's id in its plan
 * @param seed the trial's seed
 * @param settings the trial's settings
 * @param score the plan's score of the trained generator (NaN if the trial diverged)
 * @param discriminatorLoss D's loss at the last iteration
 * @param generatorLoss G's loss at the last iteration
 * @param checkpoint where the checkpoint is, relative to the sweep's output (empty if none)
 * @param sha256 the checkpoint's SHA-256 in hex (empty if none)
 * @param kernel the dense kernels' path the trial ran on: results are bit-exact for one path
 * @param jganVersion the jgan version that trained it
 * @param note empty, or why the trial has no checkpoint (e.g. it diverged)
 */
public record TrialResult(int trialId, long seed, TrialSettings settings, double score, double discriminatorLoss,
        double generatorLoss, String checkpoint, String sha256, String kernel, String jganVersion, String note)
        implements Serializable {
    private static final long serialVersionUID = 1L;
}

package io.jgan.runtime.sweep;

import java.io.IOException;

/**
 * Where a sweep keeps its trials' checkpoints: {@code <out>/trial-<id>/checkpoint.jgan}. A write
 * goes to a temporary file first and is renamed into place, so a killed or retried attempt never
 * leaves a half-written checkpoint under the final name.
 */
public interface CheckpointStore {

    /**
     * {@return the checkpoint's path relative to the sweep's output: {@code trial-<id>/checkpoint.jgan}}
     *
     * @param trialId the trial's id
     */
    static String relativePath(int trialId) {
        return "trial-" + trialId + "/checkpoint.jgan";
    }

    /**
     * Writes (or replaces) a trial's checkpoint.
     *
     * @param trialId the trial's id
     * @param bytes the checkpoint's bytes
     * @return its path relative to the sweep's output, {@link #relativePath(int)}
     * @throws IOException if it cannot be written
     */
    String write(int trialId, byte[] bytes) throws IOException;
}

package io.jgan.runtime.train;

import io.jgan.runtime.train.Checkpoint;
import io.jgan.runtime.train.CheckpointException;

/**
 * What hangs on a {@link TrainingRun}: progress, logs, evaluation, pictures, the user's own code.
 * Every method does nothing by default; implement the moments you need. They run on the training
 * thread, in the order the listeners were added, and must not change the networks (read them, or
 * sample from them with an {@link io.jgan.runtime.Rng} of your own, and the run stays reproducible).
 *
 * <p>The moments: {@link #onStart} once per call of {@link TrainingRun#run()}, {@link #beforeStep}
 * before every iteration, {@link #onStep} after
 * every iteration, {@link #onLog} every {@code logEvery} iterations and at the end of each epoch,
 * {@link #onEpoch} at the end of each epoch, {@link #onCheckpoint} after each checkpoint is written,
 * {@link #onEnd} when the run reached its length. {@link #onMessage} carries the run's notes and
 * warnings (a resumed lock, a rollback, collapse) to whoever shows them.
 *
 * <p>A listener with state that must survive a resume (an average, a counter) saves it in
 * {@link #save} and takes it back in {@link #restore}; use entry names of your own prefix.
 */
public interface TrainingListener {

    /**
     * Training starts or resumes.
     *
     * @param run the run, at {@link TrainingRun#step()} iterations done
     */
    default void onStart(TrainingRun run) {}

    /**
     * An iteration is about to start (at {@link TrainingRun#step()} iterations done). Keep it cheap.
     *
     * @param run the run
     */
    default void beforeStep(TrainingRun run) {}

    /**
     * An iteration (the configured D and G steps) is done. Keep it cheap: it runs every step.
     *
     * @param run the run
     * @param stats the iteration's statistics (one live instance: copy what you keep)
     */
    default void onStep(TrainingRun run, StepStats stats) {}

    /**
     * A log row was added.
     *
     * @param run the run
     * @param row the means since the row before
     */
    default void onLog(TrainingRun run, LogRow row) {}

    /**
     * An epoch ended (before its checkpoint is written).
     *
     * @param run the run
     * @param summary the epoch's means
     */
    default void onEpoch(TrainingRun run, EpochSummary summary) {}

    /**
     * A checkpoint was written to the run directory.
     *
     * @param run the run
     * @param checkpoint what was written
     */
    default void onCheckpoint(TrainingRun run, Checkpoint checkpoint) {}

    /**
     * The run reached its length.
     *
     * @param run the run
     */
    default void onEnd(TrainingRun run) {}

    /**
     * A note or warning for the user, one line.
     *
     * @param run the run
     * @param message the line
     */
    default void onMessage(TrainingRun run, String message) {}

    /**
     * Adds this listener's state to a checkpoint being captured.
     *
     * @param checkpoint the checkpoint
     */
    default void save(Checkpoint checkpoint) {}

    /**
     * Takes back what {@link #save} wrote, when a run resumes or rolls back.
     *
     * @param checkpoint the checkpoint
     * @throws CheckpointException if an entry is missing or malformed
     */
    default void restore(Checkpoint checkpoint) throws CheckpointException {}
}

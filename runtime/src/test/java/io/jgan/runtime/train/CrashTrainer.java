package io.jgan.runtime.train;

import io.jgan.runtime.Rng;
import io.jgan.runtime.train.Checkpoint;
import io.jgan.runtime.optim.Adam;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A training run that writes a checkpoint after every iteration and resumes from it: the process
 * {@link CrashSafetyTest} kills with SIGKILL. Tiny networks, so a checkpoint is written every few
 * milliseconds and most of the run's time is spent inside a write.
 *
 * <p>{@code java ... CrashTrainer DIR ITERATIONS}: prints {@code start N} (N = iterations already
 * done), trains to ITERATIONS printing {@code wrote N} after each checkpoint, prints {@code done}. Exit 3 if the checkpoint it finds is unusable.
 */
final class CrashTrainer {
    static final String CHECKPOINT = "checkpoint.jgan";
    static final long SEED = 42;

    private CrashTrainer() {}

    public static void main(String[] args) throws IOException {
        try {
            run(Path.of(args[0]), Integer.parseInt(args[1]), true);
        } catch (io.jgan.runtime.train.CheckpointException e) {
            System.out.println("unusable checkpoint: " + e.getMessage());
            System.out.flush();
            System.exit(3);
        }
    }

    /** Trains to {@code iterations}, resuming from {@code dir}'s checkpoint; returns the final checkpoint. */
    static Checkpoint run(Path dir, int iterations, boolean announce) throws IOException {
        Rng rng = new Rng(SEED);
        Tiny.Generator g = new Tiny.Generator(4, 16);
        Tiny.Discriminator d = new Tiny.Discriminator(4, 16);
        g.initialize(rng);
        d.initialize(rng);
        Adam gOpt = new Adam(g, 1e-2);
        Adam dOpt = new Adam(d, 1e-2);
        GanTrainer trainer = new GanTrainer(g, d, gOpt, dOpt, new Tiny.GaussianData(4, 2f, 0.5f),
                TrainingConfig.defaults(16), rng);
        Path file = dir.resolve(CHECKPOINT);
        long done = 0;
        if (Files.exists(file)) {
            Checkpoint c = Checkpoint.read(file);
            c.restore(g, d, gOpt, dOpt, rng);
            done = c.getLongs("run.iteration")[0];
            trainer.stats().iteration = done;
        }
        if (announce) {
            System.out.println("start " + done);
            System.out.flush();
        }
        Checkpoint last = null;
        while (done < iterations) {
            trainer.iterate();
            done++;
            last = Checkpoint.capture(g, d, gOpt, dOpt, rng);
            last.put("run.iteration", new long[] {done});
            last.write(file);
            if (announce) {
                System.out.println("wrote " + done);
                System.out.flush();
            }
        }
        if (announce) {
            System.out.println("done");
        }
        return last != null ? last : Checkpoint.read(file);
    }
}

package io.jgan.samples.ring;

import io.jgan.pictures.ScatterPlot;
import io.jgan.runtime.Rng;
import io.jgan.runtime.data.DataScaling;
import io.jgan.runtime.train.CheckpointException;
import io.jgan.runtime.train.TrainingConfig;
import io.jgan.runtime.train.TrainingRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@link RingSpec} trained through {@link TrainingRun}, as docs/making-a-gan-train.md describes: the
 * defaults, and the settings the guide recommends.
 *
 * <p>{@code java -cp ... io.jgan.samples.ring.RingGan DIR [SEED]} writes the guide's figures into
 * DIR: {@code ring_before.png} and {@code ring_after.png}, real and generated points.
 */
public final class RingGan {
    /** Real points the run trains on. */
    public static final int ROWS = 4096;
    /** The batch. */
    public static final int BATCH = 64;
    /** Points measured after training. */
    public static final int SAMPLES = 2000;

    /** The two settings the guide compares. */
    public enum Settings {
        /** One D step per G step, Adam 2e-4 for both, labels 1 / 0, no averaging. */
        DEFAULTS,
        /** Three D steps per G step, G 1e-3 / D 5e-4, real label 0.9, G averaged with decay 0.995. */
        RECOMMENDED;

        TrainingRun.Builder apply(TrainingRun.Builder b) {
            TrainingConfig c = TrainingConfig.defaults(BATCH);
            return switch (this) {
                case DEFAULTS -> b.config(c);
                case RECOMMENDED -> b.config(c.withSteps(3, 1).withLabels(0.9f, 0f, 1f)).adam(1e-3, 5e-4)
                        .averageGenerator(0.995);
            };
        }
    }

    private RingGan() {}

    /**
     * A run of {@link #ROWS} ring points drawn from {@code seed}, standardised, ready to run.
     *
     * @param settings defaults or recommended
     * @param seed the run's seed (and the data's)
     * @param steps iterations
     * @return the run
     */
    public static TrainingRun run(Settings settings, long seed, int steps) {
        float[] rows = RingData.sample(ROWS, new Rng(1000 + seed));
        DataScaling scaling = DataScaling.standardize(rows, 2);
        scaling.apply(rows);
        return settings.apply(TrainingRun.builder(RingSpec.class).data(rows).scaling(scaling).seed(seed).steps(steps)
                .threads(1)).build();
    }

    /**
     * {@link #SAMPLES} points of a trained run, in the ring's units, from a fixed noise seed.
     *
     * @param run a trained run
     * @return the points
     * @throws CheckpointException never: the spec is on the class path
     */
    public static float[] samples(TrainingRun run) throws CheckpointException {
        return run.trainedGenerator().sample(SAMPLES, new Rng(77));
    }

    /**
     * Writes the guide's figures.
     *
     * @param args the directory, and optionally the seed (default 1) and the steps (default 4000)
     * @throws IOException if a figure cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "."));
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 4000;
        float[] real = RingData.sample(SAMPLES, new Rng(5));
        for (Settings s : Settings.values()) {
            TrainingRun run = run(s, seed, steps);
            run.run();
            float[] points = samples(run);
            RingData.Quality q = RingData.quality(points);
            String name = s == Settings.DEFAULTS ? "ring_before.png" : "ring_after.png";
            new ScatterPlot(String.format(java.util.Locale.ROOT, "%s, seed %d: %d/8 modes, %.0f%% near",
                    s == Settings.DEFAULTS ? "defaults" : "recommended", seed, q.modesCovered(), 100 * q.nearShare()),
                    -2.6, 2.6).add("real", real).add("generated", points).write(dir.resolve(name));
            System.out.println(name + ": " + q);
        }
    }
}

package io.jgan.runtime.sweep;

import io.jgan.runtime.Network;
import io.jgan.runtime.Rng;
import io.jgan.runtime.data.RealData;
import io.jgan.runtime.train.Checkpoint;
import io.jgan.runtime.loss.GanLoss;
import io.jgan.runtime.optim.Adam;
import io.jgan.runtime.train.GanTrainer;
import io.jgan.runtime.train.ParameterAverage;
import io.jgan.runtime.train.StepStats;
import io.jgan.runtime.train.TrainingConfig;
import io.jgan.runtime.train.TrainingDivergedException;
import java.util.List;

/**
 * Trains one trial of a sweep, on the calling thread only. Everything the run draws
 * (initial weights, data order, noise, dropout) comes from one {@link Rng} seeded with the trial's
 * seed, and the networks run single-threaded, so the same trial gives the same bits on any machine
 * with the same kernel path (see {@link TrialResult#kernel()}).
 */
public final class TrialTrainer {
    /** The losses a trial can train with: every {@link GanLoss#names() GanLoss} by name. */
    public static final List<String> LOSSES = GanLoss.names();

    /** Entry of the checkpoint holding the generator's averaged parameters, when the trial kept an average. */
    public static final String AVERAGE_ENTRY = "generator.average.parameters";

    private TrialTrainer() {}

    /**
     * Refuses a loss this trainer does not know.
     *
     * @param name the loss's name
     * @throws IllegalArgumentException naming the losses it knows
     */
    static void checkLoss(String name) {
        GanLoss.byName(name);
    }

    /**
     * What a trial produced.
     *
     * @param checkpoint the run's final state (with {@value #AVERAGE_ENTRY} if it kept an average);
     *     null if it diverged
     * @param generator the generator to score: the averaged one if the trial kept an average, in
     *     inference mode; null if it diverged
     * @param discriminatorLoss D's loss at the last iteration
     * @param generatorLoss G's loss at the last iteration
     * @param note empty, or why the trial has no checkpoint
     */
    public record Outcome(Checkpoint checkpoint, Network generator, double discriminatorLoss, double generatorLoss,
            String note) {}

    /**
     * Trains one trial.
     *
     * @param plan the sweep
     * @param trial one of its trials
     * @return the trained state and the final losses
     */
    public static Outcome train(SweepPlan plan, Trial trial) {
        TrialSettings s = trial.settings();
        Rng rng = new Rng(trial.seed());
        Network g = plan.networks().generator(s.batchSize());
        Network d = plan.networks().discriminator(s.batchSize());
        g.setThreads(1);
        d.setThreads(1);
        g.initialize(rng);
        d.initialize(rng);
        Adam gOptimizer = new Adam(g.parameters(), g.gradients(), s.generatorLearningRate(), s.beta1(), s.beta2(), 1e-8);
        Adam dOptimizer = new Adam(d.parameters(), d.gradients(), s.discriminatorLearningRate(), s.beta1(), s.beta2(),
                1e-8);
        RealData data = plan.data().open(s.batchSize(), rng);
        TrainingConfig config = TrainingConfig.defaults(s.batchSize())
                .withSteps(s.discriminatorSteps(), s.generatorSteps())
                .withLoss(GanLoss.byName(s.loss()));
        GanTrainer trainer = new GanTrainer(g, d, gOptimizer, dOptimizer, data, config, rng);
        ParameterAverage average = s.averageDecay() > 0 ? new ParameterAverage(g, s.averageDecay()) : null;
        StepStats stats = trainer.stats();
        try {
            for (long step = 0; step < s.steps(); step++) {
                trainer.iterate();
                if (average != null) {
                    average.update();
                }
            }
        } catch (TrainingDivergedException e) {
            return new Outcome(null, null, stats.discriminatorLoss, stats.generatorLoss, "diverged: " + e.getMessage());
        }
        Checkpoint checkpoint = Checkpoint.capture(g, d, gOptimizer, dOptimizer, rng);
        checkpoint.put("sweep.seed", new long[] {trial.seed()});
        checkpoint.put("sweep.settings", s.describe());
        if (average != null) {
            checkpoint.put(AVERAGE_ENTRY, average.values());
            average.copyTo(g);
        }
        g.setTraining(false);
        return new Outcome(checkpoint, g, stats.discriminatorLoss, stats.generatorLoss, "");
    }

    /**
     * {@return the seed of the score's noise: fixed per trial seed, apart from the training's stream}
     *
     * @param seed the trial's seed
     */
    public static long scoreSeed(long seed) {
        return seed ^ 0x5C0_5EEDL;
    }
}

package io.jgan.runtime.train;

import io.jgan.runtime.Network;
import io.jgan.runtime.Networks;
import io.jgan.runtime.Rng;
import io.jgan.runtime.data.DataScaling;
import io.jgan.runtime.data.EpochData;
import io.jgan.runtime.data.LabelledData;
import io.jgan.runtime.data.LabelledEpochData;
import io.jgan.runtime.data.RealData;
import io.jgan.runtime.data.ShuffledData;
import io.jgan.runtime.io.AtomicFile;
import io.jgan.runtime.train.Checkpoint;
import io.jgan.runtime.train.CheckpointException;
import io.jgan.runtime.train.CheckpointFiles;
import io.jgan.runtime.io.RunLock;
import io.jgan.runtime.optim.Adam;
import io.jgan.runtime.optim.Optimizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A whole GAN training run for any spec and any {@link RealData}: the loop over epochs or steps,
 * log rows, periodic checkpoints with a bit-for-bit resume, stop or rollback on divergence, an
 * optional average of the generator's parameters, and listeners for everything else.
 *
 * <pre>{@code
 * TrainingRun run = TrainingRun.builder(MyGan.class)
 *         .data(rows)                                   // float[] rows, or any RealData
 *         .config(TrainingConfig.defaults(64).withLabels(0.9f, 0f, 1f))
 *         .adam(1e-3, 5e-4)                             // G and D learning rates
 *         .averageGenerator(0.995)
 *         .seed(1).steps(4000)
 *         .out(Path.of("runs/my-gan"))                  // checkpoints, log.csv; omit to keep it in memory
 *         .listener(ProgressDisplay.toStandardOutput())
 *         .build();
 * run.run();
 * float[] points = Sampler.generate(run.samplingGenerator(), 1000, new Rng(7));
 * }</pre>
 *
 * <p><b>Reproducible.</b> Everything random (initial weights, noise, dropout, the data's shuffles)
 * draws from one {@link Rng} seeded with {@link Builder#seed}, in this order: the generator's
 * weights, the discriminator's, then training. Results are the same bit for bit for any thread
 * count, and a run resumed from a checkpoint ends exactly as one that never stopped (on the same
 * dense kernels: a checkpoint records which, and a resume on the other ones says so).
 *
 * <p><b>The run directory</b> ({@link Builder#out}, optional) holds {@code checkpoint.jgan} (the one
 * before kept as {@code checkpoint.prev.jgan}, see {@link CheckpointFiles}) and {@code log.csv}. One
 * run at a time writes it ({@link RunLock}); at start the run completes a rotation a kill
 * interrupted and deletes the temporary files of a killed writer. A fresh run refuses a directory
 * that holds a checkpoint; {@link Builder#resume} continues it, after checking that it was written
 * by a run of the same settings. A checkpoint is written at the end of each epoch, every
 * {@link Builder#checkpointEvery} iterations if set, and at the end.
 *
 * <p><b>A checkpoint</b> is the run's whole state: networks, optimizer buffers, the random state,
 * the data order (for {@link ShuffledData}; any other {@link RealData} must draw only from the run's
 * Rng), the average, the log, the partial means, the {@link DataScaling} if one was given, and
 * what listeners {@link TrainingListener#save save}.
 *
 * <p><b>Divergence.</b> A NaN or infinite loss, gradient or parameter stops the run with
 * {@link TrainingDivergedException} (the last checkpoint is intact), or, with
 * {@link DivergencePolicy#rollbackHalving}, rolls back to the last checkpoint's state with lower
 * learning rates and continues.
 *
 * <p>Without listeners the run prints nothing, and with {@link Builder#threads threads(1)} it uses
 * no thread but the caller's: it can run inside another framework's task.
 */
public final class TrainingRun {
    /** The log in the run directory. */
    public static final String LOG_FILE = "log.csv";
    /** The iterations per epoch of a {@link RealData} that has no epochs of its own. */
    public static final int DEFAULT_STEPS_PER_EPOCH = 1000;
    private static final int MEANS = 4;

    private final long seed;
    private final TrainingConfig config;
    private final long totalSteps;
    private final int stepsPerEpoch;
    private final int logEvery;
    private final long checkpointEvery;
    private final Path out;
    private final boolean resume;
    private DivergencePolicy policy;
    private final List<TrainingListener> listeners;
    private final boolean writeLogFile;
    private final CheckpointCheck check;
    private final DataScaling scaling;
    private final String settings;
    private final IntFunction<Network> generatorFactory;

    private final Rng rng;
    private final Network generator;
    private final Network discriminator;
    private final Optimizer generatorOptimizer;
    private final Optimizer discriminatorOptimizer;
    private final RealData data;
    private final GanTrainer trainer;
    private final ParameterAverage average;
    private Network averaged;

    private long step;
    private final List<LogRow> log = new ArrayList<>();
    private final double[] intervalSum = new double[MEANS];
    private int intervalCount;
    private final double[] epochSum = new double[MEANS];
    private int epochCount;
    private int rollbacks;
    private boolean started;
    private boolean opened;

    private TrainingRun(Builder b) {
        this.seed = b.seed;
        this.config = b.config;
        this.out = b.out;
        this.resume = b.resume;
        this.policy = b.policy;
        this.listeners = List.copyOf(b.listeners);
        this.writeLogFile = b.writeLogFile;
        this.check = b.check;
        this.scaling = b.scaling;
        this.logEvery = b.logEvery;
        this.checkpointEvery = b.checkpointEvery;
        this.generatorFactory = b.generator;
        this.rng = new Rng(seed);
        this.generator = b.generator.apply(config.batchSize());
        this.discriminator = b.discriminator.apply(config.batchSize());
        if (b.threads > 0) {
            generator.setThreads(b.threads);
            discriminator.setThreads(b.threads);
        }
        generator.initialize(rng);
        discriminator.initialize(rng);
        this.generatorOptimizer = b.generatorOptimizer.apply(generator);
        this.discriminatorOptimizer = b.discriminatorOptimizer.apply(discriminator);
        this.data = b.rows != null ? rows(b, discriminator.info().inputSize(), config.batchSize(), rng)
                : b.data.apply(rng);
        this.trainer = new GanTrainer(generator, discriminator, generatorOptimizer, discriminatorOptimizer, data, config,
                rng);
        if (b.fakeLabelsFromData) {
            if (!(data instanceof LabelledData labelled)) {
                throw new IllegalArgumentException("fake labels as often as in the data need labelled data (a"
                        + " LabelledData for a conditional spec), not " + describe(data));
            }
            trainer.drawFakeLabels(FakeLabels.withFrequencies(labelled.classCounts()));
        }
        this.average = b.averageDecay >= 0 ? new ParameterAverage(generator, b.averageDecay) : null;
        if (scaling != null && scaling.columns() != data.sampleSize()) {
            throw new IllegalArgumentException("the scaling has " + scaling.columns() + " columns, the data "
                    + data.sampleSize());
        }
        if (b.stepsPerEpoch > 0) {
            this.stepsPerEpoch = b.stepsPerEpoch;
        } else {
            this.stepsPerEpoch = data instanceof ShuffledData e ? e.batchesPerEpoch() : DEFAULT_STEPS_PER_EPOCH;
        }
        this.totalSteps = b.epochs >= 0 ? (long) b.epochs * stepsPerEpoch : b.steps;
        this.settings = "seed " + seed + ", " + config + ", G " + generatorOptimizer + ", D " + discriminatorOptimizer
                + ", " + stepsPerEpoch + " steps per epoch, average " + (average == null ? "off" : average.decay())
                + ", data " + describe(data) + (scaling == null ? "" : ", " + scaling)
                + (data instanceof LabelledData l ? ", " + l.classes() + " classes, fake labels "
                        + (b.fakeLabelsFromData ? "as the data's" : "uniform") : "");
    }

    private static ShuffledData rows(Builder b, int width, int batch, Rng rng) {
        float[] rows = b.rows;
        if (rows.length % width != 0) {
            throw new IllegalArgumentException("the data has " + rows.length + " values, not a whole number of rows of "
                    + width + " (the discriminator's input)");
        }
        if (rows.length / width < batch) {
            throw new IllegalArgumentException("the data has " + rows.length / width + " rows, fewer than one batch of "
                    + batch);
        }
        if (b.labels == null) {
            return new EpochData(rows, width, batch, rng);
        }
        if (b.labels.length != rows.length / width) {
            throw new IllegalArgumentException("the data has " + rows.length / width + " rows but " + b.labels.length
                    + " labels (" + b.labelSource + ")");
        }
        return new LabelledEpochData(rows, width, b.labels, b.classes, b.labelSource, batch, rng);
    }

    private static String describe(RealData data) {
        return data instanceof ShuffledData e ? e.samples() + " samples of " + e.sampleSize() : data.getClass().getName();
    }

    /**
     * A run of {@code spec}'s generated networks ({@link Networks}).
     *
     * @param spec the spec type
     * @return a builder
     */
    public static Builder builder(Class<?> spec) {
        Objects.requireNonNull(spec, "spec");
        return new Builder(batch -> Networks.generator(spec, batch), batch -> Networks.discriminator(spec, batch));
    }

    /**
     * A run of networks made by these constructors (e.g. {@code MyGan_Generator::new}).
     *
     * @param generator makes a generator for batches of up to its argument
     * @param discriminator makes a discriminator for batches of up to its argument
     * @return a builder
     */
    public static Builder builder(IntFunction<Network> generator, IntFunction<Network> discriminator) {
        return new Builder(Objects.requireNonNull(generator, "generator"),
                Objects.requireNonNull(discriminator, "discriminator"));
    }

    /**
     * Trains up to the run's length: from the start, or, with {@link Builder#resume}, from the
     * checkpoint in the run directory; called again after it returned, it has nothing left to do.
     *
     * @return a summary of every epoch that ended in this call
     * @throws IOException if the run directory is in use or a checkpoint cannot be read or written
     * @throws CheckpointException if the checkpoint to resume is damaged or from another run
     * @throws TrainingDivergedException if training diverged and the policy stops (or ran out of rollbacks)
     */
    public List<EpochSummary> run() throws IOException {
        if (out == null) {
            started = true;
            return train();
        }
        try (RunLock lock = RunLock.acquire(out)) {
            if (!opened) {
                prepareDirectory(lock);
                opened = true;
            }
            started = true;
            return train();
        }
    }

    /**
     * Prepares the run directory now instead of at the first {@link #run()}: takes the lock while it
     * completes an interrupted rotation, removes a killed writer's temporary files and, for a resume,
     * restores the checkpoint, so that a wrong directory is refused before anything else happens.
     * Does nothing for a run kept in memory, or if done before.
     *
     * @throws IOException if the run directory is in use or the checkpoint cannot be read
     * @throws CheckpointException if the checkpoint to resume is damaged or from another run
     */
    public void open() throws IOException {
        if (out == null || opened) {
            return;
        }
        try (RunLock lock = RunLock.acquire(out)) {
            prepareDirectory(lock);
            opened = true;
        }
    }

    private void prepareDirectory(RunLock lock) throws IOException {
        lock.recovered().ifPresent(this::message);
        CheckpointFiles files = new CheckpointFiles(out);
        files.finishRotation().ifPresent(this::message);
        AtomicFile.Leftovers leftovers = AtomicFile.removeTemporaries(out);
        if (leftovers.count() > 0) {
            message("note: removed " + leftovers + " that a killed run left in " + out);
        }
        if (resume) {
            if (!Files.exists(files.latest())) {
                throw new CheckpointException("there is no " + files.latest() + " to resume from"
                        + (Files.exists(files.previous()) ? ", but there is " + files.previous() + ": copy it to "
                                + files.latest() + " to resume from the one before" : ": start a fresh run"));
            }
            try {
                Checkpoint c = Checkpoint.read(files.latest());
                if (check != null) {
                    check.check(c, this);
                }
                restore(c);
            } catch (CheckpointException e) {
                throw Files.exists(files.previous()) ? new CheckpointException(e.getMessage() + "; the checkpoint"
                        + " before it is kept as " + files.previous() + ": to resume from it, copy it to "
                        + files.latest()) : e;
            }
        } else if (files.anyExists()) {
            throw new IOException(out + " already holds a run's checkpoint: resume it, or choose another directory"
                    + " (a fresh run would overwrite it)");
        }
    }

    private List<EpochSummary> train() throws IOException {
        Checkpoint lastGood = policy.rollback() ? capture() : null;
        for (TrainingListener l : listeners) {
            l.onStart(this);
        }
        List<EpochSummary> summaries = new ArrayList<>();
        long epochStartNanos = System.nanoTime();
        long epochStartStep = step;
        boolean epochTimed = epochCount == 0;
        while (step < totalSteps) {
            StepStats s;
            try {
                for (TrainingListener l : listeners) {
                    l.beforeStep(this);
                }
                s = trainer.iterate();
            } catch (TrainingDivergedException e) {
                if (lastGood == null || rollbacks >= policy.maxRollbacks()) {
                    throw e;
                }
                rollBack(lastGood, e);
                epochStartNanos = System.nanoTime();
                epochStartStep = step;
                epochTimed = epochCount == 0;
                continue;
            }
            step++;
            if (average != null) {
                average.update();
            }
            double[] v = {s.discriminatorLoss, s.generatorLoss, s.realScore, s.fakeScore};
            for (int k = 0; k < MEANS; k++) {
                intervalSum[k] += v[k];
                epochSum[k] += v[k];
            }
            intervalCount++;
            epochCount++;
            for (TrainingListener l : listeners) {
                l.onStep(this, s);
            }
            int batch = (int) ((step - 1) % stepsPerEpoch) + 1;
            boolean epochEnd = batch == stepsPerEpoch;
            // Not at the run's end: a run stopped early and resumed must log exactly the same rows.
            if (batch % logEvery == 0 || epochEnd) {
                LogRow row = new LogRow(step, epoch(step), batch, mean(intervalSum, 0, intervalCount),
                        mean(intervalSum, 1, intervalCount), mean(intervalSum, 2, intervalCount),
                        mean(intervalSum, 3, intervalCount));
                Arrays.fill(intervalSum, 0);
                intervalCount = 0;
                log.add(row);
                for (TrainingListener l : listeners) {
                    l.onLog(this, row);
                }
            }
            if (epochEnd) {
                double ms = epochTimed ? (System.nanoTime() - epochStartNanos) / 1e6 / (step - epochStartStep)
                        : Double.NaN;
                EpochSummary summary = new EpochSummary(epoch(step), step, epochSum[0] / epochCount,
                        epochSum[1] / epochCount, epochSum[2] / epochCount, epochSum[3] / epochCount, ms);
                Arrays.fill(epochSum, 0);
                epochCount = 0;
                summaries.add(summary);
                for (TrainingListener l : listeners) {
                    l.onEpoch(this, summary);
                }
                epochStartNanos = System.nanoTime();
                epochStartStep = step;
                epochTimed = true;
            }
            if (epochEnd || (checkpointEvery > 0 && step % checkpointEvery == 0) || step == totalSteps) {
                if (out != null || lastGood != null) {
                    Checkpoint c = capture();
                    if (out != null) {
                        writeCheckpoint(c);
                    }
                    if (lastGood != null) {
                        lastGood = c;
                    }
                }
            }
        }
        for (TrainingListener l : listeners) {
            l.onEnd(this);
        }
        return summaries;
    }

    private static float mean(double[] sums, int k, int n) {
        return (float) (sums[k] / n);
    }

    private int epoch(long atStep) {
        return (int) ((atStep - 1) / stepsPerEpoch) + 1;
    }

    private void writeCheckpoint(Checkpoint c) throws IOException {
        new CheckpointFiles(out).write(c);
        if (writeLogFile) {
            writeLog();
        }
        for (TrainingListener l : listeners) {
            l.onCheckpoint(this, c);
        }
    }

    private void writeLog() throws IOException {
        StringBuilder csv = new StringBuilder(LogRow.CSV_HEADER).append('\n');
        for (LogRow row : log) {
            csv.append(row.toCsv()).append('\n');
        }
        AtomicFile.write(out.resolve(LOG_FILE), csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void rollBack(Checkpoint lastGood, TrainingDivergedException e) throws CheckpointException {
        rollbacks++;
        int done = rollbacks;
        double gLr = generatorOptimizer.learningRate() * policy.learningRateFactor();
        double dLr = discriminatorOptimizer.learningRate() * policy.learningRateFactor();
        restore(lastGood);
        rollbacks = done; // the restored count is the one of the saved state
        generatorOptimizer.setLearningRate(gLr);
        discriminatorOptimizer.setLearningRate(dLr);
        String back = step > 0 && step % stepsPerEpoch == 0
                ? "the state after epoch " + step / stepsPerEpoch + " (step " + step + ")" : "step " + step;
        message(String.format(Locale.ROOT, "diverged: %s; rollback %d of %d: back to %s, learning rates G %.3g,"
                + " D %.3g", e.getMessage(), rollbacks, policy.maxRollbacks(), back, gLr, dLr));
    }

    /**
     * Passes a note or warning to every listener's {@link TrainingListener#onMessage} (how a
     * listener, e.g. {@link CollapseWatch}, tells the user something).
     *
     * @param line one line
     */
    public void note(String line) {
        message(line);
    }

    private void message(String line) {
        for (TrainingListener l : listeners) {
            l.onMessage(this, line);
        }
    }

    /** Which dense kernels this JVM runs: they round differently, so a checkpoint records them. */
    private static String kernels() {
        return io.jgan.runtime.kernel.Simd.enabled() ? "Vector API" : "auto-vectorised";
    }

    /**
     * {@return the run's whole state now, as a checkpoint (what the run directory gets)}
     */
    public Checkpoint capture() {
        Checkpoint c = Checkpoint.capture(generator, discriminator, generatorOptimizer, discriminatorOptimizer, rng);
        if (data instanceof ShuffledData e) {
            c.putData("data", e.state());
        }
        c.put("run.settings", settings);
        c.put("run.seed", new long[] {seed});
        c.put("run.kernels", kernels());
        c.put("run.step", new long[] {step});
        c.put("run.stepsPerEpoch", new int[] {stepsPerEpoch});
        c.put("run.rollbacks", new int[] {rollbacks});
        long[] pending = new long[2 * MEANS + 2];
        for (int k = 0; k < MEANS; k++) {
            pending[k] = Double.doubleToRawLongBits(intervalSum[k]);
            pending[MEANS + k] = Double.doubleToRawLongBits(epochSum[k]);
        }
        pending[2 * MEANS] = intervalCount;
        pending[2 * MEANS + 1] = epochCount;
        c.put("run.pending", pending);
        long[] steps = new long[log.size()];
        float[] values = new float[log.size() * MEANS];
        for (int r = 0; r < log.size(); r++) {
            LogRow row = log.get(r);
            steps[r] = row.step();
            values[r * MEANS] = row.discriminatorLoss();
            values[r * MEANS + 1] = row.generatorLoss();
            values[r * MEANS + 2] = row.realScore();
            values[r * MEANS + 3] = row.fakeScore();
        }
        c.put("log.steps", steps);
        c.put("log.values", values);
        if (average != null) {
            double[] sums = average.sums();
            long[] bits = new long[sums.length];
            for (int k = 0; k < sums.length; k++) {
                bits[k] = Double.doubleToRawLongBits(sums[k]);
            }
            c.put("generator.average.sums", bits);
            c.put("generator.average.updates", new long[] {average.updates()});
            c.put(TrainedGenerator.AVERAGED, average.values());
        }
        if (scaling != null) {
            TrainedGenerator.putScaling(c, scaling);
        }
        for (TrainingListener l : listeners) {
            l.save(c);
        }
        return c;
    }

    /**
     * Puts the run in the state a checkpoint of the same settings holds; every entry is checked
     * against this run first.
     */
    private void restore(Checkpoint c) throws CheckpointException {
        String source = c.source();
        c.checkArchitecture(generator, discriminator);
        String saved = c.getString("run.settings");
        if (!saved.equals(settings)) {
            throw new CheckpointException(source + ": written by a run with other settings (" + saved
                    + "), not this one (" + settings + "): resume with the same settings, or choose another directory");
        }
        long savedStep = single(c, "run.step");
        long[] pending = c.getLongs("run.pending");
        long[] steps = c.getLongs("log.steps");
        float[] values = c.getFloats("log.values");
        int[] savedRollbacks = c.getInts("run.rollbacks");
        if (savedStep < 0 || pending.length != 2 * MEANS + 2 || values.length != MEANS * steps.length
                || savedRollbacks.length != 1 || pending[2 * MEANS] < 0 || pending[2 * MEANS + 1] < 0
                || pending[2 * MEANS + 1] >= stepsPerEpoch) {
            throw new CheckpointException(source + ": impossible content: the run's progress entries do not fit"
                    + " together; the file was changed after it was written: use " + CheckpointFiles.PREVIOUS
                    + " or train again");
        }
        for (int r = 0; r < steps.length; r++) {
            if (steps[r] < 1 || steps[r] > savedStep || (r > 0 && steps[r] <= steps[r - 1])) {
                throw new CheckpointException(source + ": impossible content: log row " + (r + 1) + " is at step "
                        + steps[r] + " of " + savedStep + "; the file was changed after it was written");
            }
        }
        double[] sums = null;
        long updates = 0;
        if (average != null) {
            long[] bits = c.getLongs("generator.average.sums");
            updates = single(c, "generator.average.updates");
            if (bits.length != generator.parameters().length || updates < 0) {
                throw new CheckpointException(source + ": entry generator.average.sums holds " + bits.length
                        + " values, the generator has " + generator.parameters().length + " parameters");
            }
            sums = new double[bits.length];
            for (int k = 0; k < bits.length; k++) {
                sums[k] = Double.longBitsToDouble(bits[k]);
            }
        }
        if (c.has("run.kernels") && !c.getString("run.kernels").equals(kernels()) && !started) {
            message("note: " + source + " was trained on the " + c.getString("run.kernels") + " dense kernels, this"
                    + " JVM runs the " + kernels() + " ones: the run continues, but will not match an uninterrupted"
                    + " one bit for bit (" + io.jgan.runtime.kernel.Simd.describe() + ")");
        }
        if (data instanceof ShuffledData e) {
            try {
                e.restore(c.data("data"));
            } catch (IllegalArgumentException ex) {
                throw new CheckpointException(source + ": " + ex.getMessage());
            }
        }
        c.restore(generator, discriminator, generatorOptimizer, discriminatorOptimizer, rng);
        for (TrainingListener l : listeners) {
            l.restore(c);
        }
        if (average != null) {
            average.restore(sums, updates);
        }
        step = savedStep;
        trainer.stats().iteration = savedStep;
        rollbacks = savedRollbacks[0];
        for (int k = 0; k < MEANS; k++) {
            intervalSum[k] = Double.longBitsToDouble(pending[k]);
            epochSum[k] = Double.longBitsToDouble(pending[MEANS + k]);
        }
        intervalCount = (int) pending[2 * MEANS];
        epochCount = (int) pending[2 * MEANS + 1];
        log.clear();
        for (int r = 0; r < steps.length; r++) {
            long at = steps[r];
            int batch = (int) ((at - 1) % stepsPerEpoch) + 1;
            log.add(new LogRow(at, epoch(at), batch, values[r * MEANS], values[r * MEANS + 1], values[r * MEANS + 2],
                    values[r * MEANS + 3]));
        }
    }

    private static long single(Checkpoint c, String name) throws CheckpointException {
        long[] v = c.getLongs(name);
        if (v.length != 1) {
            throw new CheckpointException(c.source() + ": entry " + name + " holds " + v.length + " values, expected 1");
        }
        return v[0];
    }

    /** {@return iterations done} */
    public long step() {
        return step;
    }

    /** {@return the run's length in iterations} */
    public long totalSteps() {
        return totalSteps;
    }

    /** {@return iterations per epoch} */
    public int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    /** {@return epochs completed} */
    public long epochsDone() {
        return step / stepsPerEpoch;
    }

    /** {@return the epochs the run's length spans, the last one possibly partial} */
    public long epochs() {
        return (totalSteps + stepsPerEpoch - 1) / stepsPerEpoch;
    }

    /** {@return the log rows so far (unmodifiable)} */
    public List<LogRow> log() {
        return Collections.unmodifiableList(log);
    }

    /** {@return the seed} */
    public long seed() {
        return seed;
    }

    /** {@return how the loop runs} */
    public TrainingConfig config() {
        return config;
    }

    /** {@return the run directory, or null for a run kept in memory} */
    public Path out() {
        return out;
    }

    /**
     * {@return the settings a checkpoint records and a resume must match (seed, loop, optimizers,
     * epoch length, average, data)}
     */
    public String settings() {
        return settings;
    }

    /**
     * Changes what to do on divergence, for the next {@link #run()} (see {@link Builder#onDivergence}).
     *
     * @param policy the policy
     */
    public void onDivergence(DivergencePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** {@return rollbacks done after divergence} */
    public int rollbacks() {
        return rollbacks;
    }

    /** {@return the generator being trained (read it; do not change it)} */
    public Network generator() {
        return generator;
    }

    /** {@return the discriminator being trained} */
    public Network discriminator() {
        return discriminator;
    }

    /** {@return the generator's optimizer} */
    public Optimizer generatorOptimizer() {
        return generatorOptimizer;
    }

    /** {@return the discriminator's optimizer} */
    public Optimizer discriminatorOptimizer() {
        return discriminatorOptimizer;
    }

    /** {@return the real data} */
    public RealData data() {
        return data;
    }

    /** {@return the scaling stored with the run, or null} */
    public DataScaling scaling() {
        return scaling;
    }

    /** {@return the generator's parameter average, or null if the run does not average} */
    public ParameterAverage average() {
        return average;
    }

    /**
     * The generator to sample from and export: the averaged one if the run averages (a separate
     * network, refreshed on every call), else the trained one.
     *
     * @return the generator, in inference mode if it is the averaged copy
     */
    public Network samplingGenerator() {
        if (average == null) {
            return generator;
        }
        if (averaged == null) {
            averaged = generatorFactory.apply(generator.maxBatch());
            averaged.setTraining(false);
        }
        average.copyTo(averaged);
        return averaged;
    }

    /** {@return the generator to sample from (see {@link #samplingGenerator()}), with the run's scaling} */
    public TrainedGenerator trainedGenerator() {
        return TrainedGenerator.of(samplingGenerator(), scaling, average != null);
    }

    /**
     * A caller's look at a checkpoint a resume read, before the run checks and restores it
     * ({@link Builder#checkpointCheck}): to refuse it first with the caller's own words, and to read
     * one that the caller's own loop wrote before it used a {@link TrainingRun}, by putting the run's
     * entries in ({@code run.settings} as {@link TrainingRun#settings()}, {@code run.step},
     * {@code run.stepsPerEpoch}, {@code run.rollbacks}, {@code run.pending}, {@code log.steps},
     * {@code log.values}).
     */
    @FunctionalInterface
    public interface CheckpointCheck {
        /**
         * Checks {@code checkpoint}, and upgrades it if it is an older one.
         *
         * @param checkpoint the checkpoint read
         * @param run the run that will restore it
         * @throws CheckpointException if it is not a checkpoint of this run
         */
        void check(Checkpoint checkpoint, TrainingRun run) throws CheckpointException;
    }

    /** Settings of a {@link TrainingRun}; {@link #build()} makes the run (and draws its initial weights). */
    public static final class Builder {
        private final IntFunction<Network> generator;
        private final IntFunction<Network> discriminator;
        private Function<Rng, RealData> data;
        private float[] rows;
        private int[] labels;
        private int classes;
        private String labelSource;
        private boolean fakeLabelsFromData;
        private TrainingConfig config = TrainingConfig.defaults(64);
        private Function<Network, Optimizer> generatorOptimizer = n -> new Adam(n, 2e-4);
        private Function<Network, Optimizer> discriminatorOptimizer = n -> new Adam(n, 2e-4);
        private long seed = 1;
        private int epochs = -1;
        private long steps = -1;
        private int stepsPerEpoch;
        private int logEvery = 100;
        private long checkpointEvery;
        private Path out;
        private boolean resume;
        private DivergencePolicy policy = DivergencePolicy.STOP;
        private double averageDecay = -1;
        private final List<TrainingListener> listeners = new ArrayList<>();
        private DataScaling scaling;
        private int threads;
        private boolean writeLogFile = true;
        private CheckpointCheck check;

        private Builder(IntFunction<Network> generator, IntFunction<Network> discriminator) {
            this.generator = generator;
            this.discriminator = discriminator;
        }

        /**
         * The real data: any source that draws its randomness from the run's Rng.
         *
         * @param data the real samples
         * @return this
         */
        public Builder data(RealData data) {
            Objects.requireNonNull(data, "data");
            this.data = rng -> data;
            this.rows = null;
            this.labels = null;
            return this;
        }

        /**
         * The real data, made from the run's Rng (e.g. an {@link EpochData} shuffled with it): for
         * data whose order must be drawn from the run's random stream.
         *
         * @param data makes the real samples, given the run's Rng
         * @return this
         */
        public Builder data(Function<Rng, ? extends RealData> data) {
            Objects.requireNonNull(data, "data");
            this.data = data::apply;
            this.rows = null;
            return this;
        }

        /**
         * Asks a conditional generator in training for each class as often as the data holds it
         * ({@link FakeLabels#withFrequencies}); default false: uniformly. The data must be a
         * {@link LabelledData}.
         *
         * @param fromData whether fake labels follow the data's class counts
         * @return this
         */
        public Builder fakeLabelsFromData(boolean fromData) {
            this.fakeLabelsFromData = fromData;
            return this;
        }

        /**
         * Whether the run directory gets {@value TrainingRun#LOG_FILE} with each checkpoint (default
         * true); off for a caller that writes a log of its own from {@link TrainingRun#log()}.
         *
         * @param write whether to write it
         * @return this
         */
        public Builder writeLogFile(boolean write) {
            this.writeLogFile = write;
            return this;
        }

        /**
         * Hands every checkpoint a resume reads to {@code check} before the run checks and restores it.
         *
         * @param check checks the caller's own entries, and upgrades a checkpoint of the caller's older loop
         * @return this
         */
        public Builder checkpointCheck(CheckpointCheck check) {
            this.check = Objects.requireNonNull(check, "check");
            return this;
        }

        /**
         * The real data as rows in memory, in epochs of shuffled batches ({@link EpochData}, shuffled
         * with the run's Rng, its order saved in checkpoints).
         *
         * @param rows the samples, row after row, as many values each as the discriminator reads
         * @return this
         */
        public Builder data(float[] rows) {
            this.rows = Objects.requireNonNull(rows, "rows");
            this.data = null;
            this.labels = null;
            return this;
        }

        /**
         * For a conditional spec: rows in memory with their labels, in epochs of shuffled batches
         * ({@link LabelledEpochData}, shuffled with the run's Rng, its order saved in checkpoints).
         *
         * @param rows the samples, row after row, as many values each as the discriminator reads
         * @param labels one per row, each in [0, classes)
         * @param classes the class count of the spec's {@code @Condition}
         * @param source where the labels were read, for the message about a label outside [0, classes)
         * @return this
         */
        public Builder data(float[] rows, int[] labels, int classes, String source) {
            this.rows = Objects.requireNonNull(rows, "rows");
            this.labels = Objects.requireNonNull(labels, "labels");
            this.classes = classes;
            this.labelSource = Objects.requireNonNull(source, "source");
            this.data = null;
            return this;
        }

        /**
         * How the loop runs: batch size, D and G steps, labels.
         *
         * @param config the loop's settings
         * @return this
         */
        public Builder config(TrainingConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * Adam (betas 0.9, 0.999) for both networks, each with its own learning rate.
         *
         * @param generatorLr the generator's learning rate
         * @param discriminatorLr the discriminator's learning rate
         * @return this
         */
        public Builder adam(double generatorLr, double discriminatorLr) {
            return generatorOptimizer(n -> new Adam(n, generatorLr)).discriminatorOptimizer(n -> new Adam(n, discriminatorLr));
        }

        /**
         * The generator's optimizer (default Adam 2e-4).
         *
         * @param optimizer makes the optimizer for the generator
         * @return this
         */
        public Builder generatorOptimizer(Function<Network, Optimizer> optimizer) {
            this.generatorOptimizer = Objects.requireNonNull(optimizer, "optimizer");
            return this;
        }

        /**
         * The discriminator's optimizer (default Adam 2e-4).
         *
         * @param optimizer makes the optimizer for the discriminator
         * @return this
         */
        public Builder discriminatorOptimizer(Function<Network, Optimizer> optimizer) {
            this.discriminatorOptimizer = Objects.requireNonNull(optimizer, "optimizer");
            return this;
        }

        /**
         * The seed of everything random (default 1).
         *
         * @param seed the seed
         * @return this
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * The run's length in epochs (a resumed run continues up to it).
         *
         * @param epochs at least 0
         * @return this
         */
        public Builder epochs(int epochs) {
            if (epochs < 0) {
                throw new IllegalArgumentException("epochs must be >= 0, was " + epochs);
            }
            this.epochs = epochs;
            this.steps = -1;
            return this;
        }

        /**
         * The run's length in iterations (a resumed run continues up to it).
         *
         * @param steps at least 0
         * @return this
         */
        public Builder steps(long steps) {
            if (steps < 0) {
                throw new IllegalArgumentException("steps must be >= 0, was " + steps);
            }
            this.steps = steps;
            this.epochs = -1;
            return this;
        }

        /**
         * Iterations per epoch: by default the batches of an {@link EpochData}, else
         * {@value TrainingRun#DEFAULT_STEPS_PER_EPOCH}.
         *
         * @param n at least 1
         * @return this
         */
        public Builder stepsPerEpoch(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("steps per epoch must be at least 1, was " + n);
            }
            this.stepsPerEpoch = n;
            return this;
        }

        /**
         * A log row every {@code n} batches of an epoch, counted from the epoch's start, and at the end
         * of each epoch; default 100.
         *
         * @param n at least 1
         * @return this
         */
        public Builder logEvery(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("logEvery must be at least 1, was " + n);
            }
            this.logEvery = n;
            return this;
        }

        /**
         * A checkpoint every {@code n} iterations too, not only at the end of each epoch (0: only there).
         *
         * @param n at least 0
         * @return this
         */
        public Builder checkpointEvery(long n) {
            if (n < 0) {
                throw new IllegalArgumentException("checkpointEvery must be >= 0, was " + n);
            }
            this.checkpointEvery = n;
            return this;
        }

        /**
         * The run directory, for checkpoints and {@code log.csv} (created if missing).
         *
         * @param dir the directory, or null to keep the run in memory
         * @return this
         */
        public Builder out(Path dir) {
            this.out = dir;
            return this;
        }

        /**
         * Continue the run whose checkpoint is in the run directory.
         *
         * @param resume whether to resume
         * @return this
         */
        public Builder resume(boolean resume) {
            this.resume = resume;
            return this;
        }

        /**
         * What to do on divergence (default {@link DivergencePolicy#STOP}).
         *
         * @param policy the policy
         * @return this
         */
        public Builder onDivergence(DivergencePolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Averages the generator's parameters after every iteration ({@link ParameterAverage}); the
         * average is saved in checkpoints and is what {@link #samplingGenerator()} and
         * {@link TrainedGenerator} give.
         *
         * @param decay in [0, 1), e.g. 0.995 (about the last 200 iterations)
         * @return this
         */
        public Builder averageGenerator(double decay) {
            if (!(decay >= 0 && decay < 1)) {
                throw new IllegalArgumentException("the average's decay must be in [0, 1), was " + decay);
            }
            this.averageDecay = decay;
            return this;
        }

        /**
         * Adds a listener (they are called in the order added).
         *
         * @param listener the listener
         * @return this
         */
        public Builder listener(TrainingListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * How the data was scaled before training: stored in checkpoints, undone on samples by
         * {@link TrainedGenerator}.
         *
         * @param scaling the scaling, or null
         * @return this
         */
        public Builder scaling(DataScaling scaling) {
            this.scaling = scaling;
            return this;
        }

        /**
         * Threads for the large layers (default: the cores, at most 2); results are the same for any count.
         *
         * @param threads at least 1
         * @return this
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, was " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * Makes the networks (drawing their initial weights from the seed) and the run.
         *
         * @return the run, ready to {@link TrainingRun#run()}
         * @throws IllegalArgumentException if the data or a setting does not fit the networks
         */
        public TrainingRun build() {
            if (epochs < 0 && steps < 0) {
                throw new IllegalArgumentException("say how long the run is: epochs(n) or steps(n)");
            }
            if (data == null && rows == null) {
                throw new IllegalArgumentException("no real data: call data(...)");
            }
            if (resume && out == null) {
                throw new IllegalArgumentException("resume(true) continues the run in a directory: call out(dir)");
            }
            return new TrainingRun(this);
        }
    }
}

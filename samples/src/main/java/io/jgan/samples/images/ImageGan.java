package io.jgan.samples.images;

import io.jgan.pictures.ImageGrid;
import io.jgan.pictures.LineChart;
import io.jgan.runtime.Network;
import io.jgan.runtime.Rng;
import io.jgan.runtime.data.EpochData;
import io.jgan.data.idx.IdxImages;
import io.jgan.data.idx.IdxLabels;
import io.jgan.runtime.data.LabelledData;
import io.jgan.runtime.data.LabelledEpochData;
import io.jgan.runtime.data.ShuffledData;
import io.jgan.runtime.io.AtomicFile;
import io.jgan.runtime.train.Checkpoint;
import io.jgan.runtime.train.CheckpointException;
import io.jgan.runtime.train.CheckpointFiles;
import io.jgan.runtime.loss.GanLoss;
import io.jgan.runtime.optim.Adam;
import io.jgan.runtime.optim.Optimizer;
import io.jgan.runtime.optim.RmsProp;
import io.jgan.runtime.train.CollapseMonitor;
import io.jgan.runtime.train.DivergencePolicy;
import io.jgan.runtime.train.GanTrainer;
import io.jgan.runtime.train.Sampler;
import io.jgan.runtime.train.StepStats;
import io.jgan.runtime.train.TrainingConfig;
import io.jgan.runtime.train.TrainingDivergedException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The vanilla GAN on images of seeds 003 and 004, as a resumable run: epochs over shuffled real
 * images; after every epoch a sample grid from one fixed noise batch, a checkpoint, a CSV of the
 * logged values and charts of the loss and score curves (so a run stopped early has them too).
 *
 * <p>Per batch, as the article: a discriminator step on real images (label 1) plus detached fakes
 * (label 0), losses summed; then a generator step on fresh noise with label 1. Adam 2e-4 for both,
 * batch 100. Everything random (weights, noise, dropout, shuffles) comes from one {@link Rng}
 * seeded with {@link Settings#seed()}, so a run, and a resumed run, is reproducible bit for bit.
 */
public final class ImageGan {
    /** Samples per training step, as in the article. */
    public static final int BATCH = 100;
    /** Adam's learning rate for both networks, as in the article. */
    public static final double LEARNING_RATE = 2e-4;
    /** Images in the per-epoch sample grid. */
    public static final int GRID_SAMPLES = 64;
    /** The latest checkpoint, in the output directory. */
    public static final String CHECKPOINT = CheckpointFiles.LATEST;
    /** The checkpoint before it, kept in case the latest is lost. */
    public static final String PREVIOUS_CHECKPOINT = CheckpointFiles.PREVIOUS;
    /** Values per logged row: epoch, batch, d_loss, g_loss, d_real, d_fake. */
    static final int LOG_COLUMNS = 6;

    /**
     * What a run does.
     *
     * @param model the networks
     * @param seed the run's seed
     * @param smooth label smoothing: real 0.98, fake 0.02 (seed 004); else 1 / 0
     * @param epochs epochs to have trained at the end (a resumed run continues to this count)
     * @param logEvery log a row of means every this many batches (and at the end of each epoch)
     * @param out the output directory
     * @param resume continue from {@code out/checkpoint.jgan}
     * @param loss the GAN loss (the article's: bce); wgan trains with 5 critic steps and RMSprop 5e-5
     * @param fakeLabelsFromData for a conditional model: label the fakes in proportion to the data's
     *     classes; else uniformly
     */
    public record Settings(ImageModel model, long seed, boolean smooth, int epochs, int logEvery, Path out,
            boolean resume, GanLoss loss, boolean fakeLabelsFromData) {
        /** Validates. */
        public Settings {
            if (epochs < 0 || logEvery < 1) {
                throw new IllegalArgumentException("epochs must be >= 0 and logEvery >= 1, were " + epochs + ", "
                        + logEvery);
            }
        }

        /** A run with fakes labelled uniformly (for a conditional model). */
        public Settings(ImageModel model, long seed, boolean smooth, int epochs, int logEvery, Path out,
                boolean resume, GanLoss loss) {
            this(model, seed, smooth, epochs, logEvery, out, resume, loss, false);
        }

        /** The article's run, with its loss. */
        public Settings(ImageModel model, long seed, boolean smooth, int epochs, int logEvery, Path out,
                boolean resume) {
            this(model, seed, smooth, epochs, logEvery, out, resume, GanLoss.bce());
        }

        /** The training loop's configuration. */
        public TrainingConfig config() {
            TrainingConfig c = TrainingConfig.defaults(model.batch());
            c = smooth ? c.withLabels(0.98f, 0.02f, 1f) : c;
            // The WGAN paper's critic steps (its optimizer is in optimizer()).
            return c.withLoss(loss).withSteps(isWgan() ? 5 : 1, 1);
        }

        private boolean isWgan() {
            return loss.name().equals(GanLoss.wasserstein().name());
        }

        /** Adam 2e-4 with the model's beta1 as in the article; for wgan, the WGAN paper's RMSprop 5e-5. */
        Optimizer optimizer(Network network) {
            return isWgan() ? new RmsProp(network, 5e-5) : new Adam(network, LEARNING_RATE, model.beta1(), 0.999);
        }
    }

    /**
     * The means over one epoch.
     *
     * @param epoch counting from 1
     * @param msPerStep wall-clock milliseconds per iteration (D step + G step)
     */
    public record EpochSummary(int epoch, double dLoss, double gLoss, double dReal, double dFake, double msPerStep) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "epoch %d: D loss %.4f  G loss %.4f  D(x) %.3f  D(G(z)) %.3f  %.1f ms/step",
                    epoch, dLoss, gLoss, dReal, dFake, msPerStep);
        }
    }

    private final Settings settings;
    /** The first real images (up to a grid's worth), as floats: the collapse monitor's reference. */
    private final float[] firstImages;
    private final int height;
    private final int width;
    private final PrintStream out;
    private final Network generator;
    private final Network discriminator;
    private final Optimizer generatorOptimizer;
    private final Optimizer discriminatorOptimizer;
    private final Rng rng;
    private final ShuffledData data;
    private final GanTrainer trainer;
    private float[] log = new float[0];
    private int logRows;
    private int epochsDone;
    // Reliability (issue #6): what to do on divergence, and the collapse watch.
    private DivergencePolicy onDivergence = DivergencePolicy.STOP;
    private int rollbacks;
    private CollapseMonitor collapse;
    /** Test hook: runs before every training iteration with the batch index (to inject a NaN). */
    java.util.function.IntConsumer beforeIteration = b -> { };

    /**
     * Sets up a run (restoring the checkpoint if {@code settings.resume()}).
     *
     * @param images the real images, one after another, values in [-1, 1]
     * @param height rows per image
     * @param width columns per image
     * @param out where progress goes
     * @throws CheckpointException if resuming from a checkpoint that is damaged or of another run
     * @throws IOException if the checkpoint cannot be read, or a fresh run would overwrite one
     */
    public ImageGan(Settings settings, float[] images, int height, int width, PrintStream out) throws IOException {
        this(settings, rng -> new EpochData(images, height * width, settings.model().batch(), rng),
                java.util.Arrays.copyOf(images, Math.min(images.length, GRID_SAMPLES * height * width)), height, width, out);
    }

    /**
     * Sets up a run on 8-bit images, kept as bytes and scaled batch by batch (60,000 28x28 images
     * take 47 MB instead of 188 MB as floats).
     *
     * @param settings the run's settings
     * @param images the real images
     * @param out where progress goes
     * @throws CheckpointException if resuming from a checkpoint that is damaged or of another run
     * @throws IOException if the checkpoint cannot be read, or a fresh run would overwrite one
     */
    public ImageGan(Settings settings, IdxImages images, PrintStream out) throws IOException {
        this(settings, rng -> EpochData.ofPixels(images.pixels(), images.imageSize(), settings.model().batch(), rng), firstImages(images), images.rows(), images.cols(), out);
    }

    /**
     * Sets up a run of a conditional model on 8-bit images and their labels.
     *
     * @param settings the run's settings; its model is conditional
     * @param images the real images
     * @param labels their labels, each in [0, classes)
     * @param labelSource where the labels were read (the label file), for errors
     * @param out where progress goes
     * @throws IllegalArgumentException naming {@code labelSource} and the row of a label outside the model's classes
     * @throws CheckpointException if resuming from a checkpoint that is damaged or of another run
     * @throws IOException if the checkpoint cannot be read, or a fresh run would overwrite one
     */
    public ImageGan(Settings settings, IdxImages images, IdxLabels labels, String labelSource, PrintStream out)
            throws IOException {
        this(settings, rng -> LabelledEpochData.ofPixels(images.pixels(), images.imageSize(),
                labelsOf(images, labels, labelSource), settings.model().classes(), labelSource,
                settings.model().batch(), rng), firstImages(images), images.rows(), images.cols(), out);
    }

    private static int[] labelsOf(IdxImages images, IdxLabels labels, String source) {
        if (labels.count() != images.count()) {
            throw new IllegalArgumentException(source + " holds " + labels.count() + " labels for " + images.count()
                    + " images; use the label file of these images");
        }
        return labels.toInts();
    }

    /**
     * Sets up a run of a conditional model on float images and their labels.
     *
     * @param settings the run's settings; its model is conditional
     * @param images the real images, one after another, values in [-1, 1]
     * @param labels their labels, each in [0, classes)
     * @param height rows per image
     * @param width columns per image
     * @param out where progress goes
     * @throws CheckpointException if resuming from a checkpoint that is damaged or of another run
     * @throws IOException if the checkpoint cannot be read, or a fresh run would overwrite one
     */
    public ImageGan(Settings settings, float[] images, int[] labels, int height, int width, PrintStream out)
            throws IOException {
        this(settings, rng -> new LabelledEpochData(images, height * width, labels, settings.model().classes(), "labels",
                settings.model().batch(), rng),
                java.util.Arrays.copyOf(images, Math.min(images.length, GRID_SAMPLES * height * width)), height, width, out);
    }

    private static float[] firstImages(IdxImages images) {
        int n = Math.min(images.count(), GRID_SAMPLES) * images.imageSize();
        float[] first = new float[n];
        for (int k = 0; k < n; k++) {
            first[k] = (images.pixels()[k] & 0xFF) / 127.5f - 1f;
        }
        return first;
    }

    private ImageGan(Settings settings, java.util.function.Function<Rng, ShuffledData> realData, float[] firstImages,
            int height, int width, PrintStream out) throws IOException {
        this.settings = settings;
        this.firstImages = firstImages;
        this.height = height;
        this.width = width;
        this.out = out;
        this.rng = new Rng(settings.seed());
        this.generator = settings.model().generator().apply(settings.model().batch());
        this.discriminator = settings.model().discriminator().apply(settings.model().batch());
        if (discriminator.info().inputSize() != height * width) {
            throw new IllegalArgumentException(settings.model().name() + " reads " + discriminator.info().inputSize()
                    + " pixels, the images have " + height + " x " + width);
        }
        generator.initialize(rng);
        discriminator.initialize(rng);
        this.generatorOptimizer = settings.optimizer(generator);
        this.discriminatorOptimizer = settings.optimizer(discriminator);
        this.data = realData.apply(rng);
        this.trainer = new GanTrainer(generator, discriminator, generatorOptimizer, discriminatorOptimizer, data,
                settings.config(), rng);
        if (settings.fakeLabelsFromData()) {
            if (!(data instanceof LabelledData labelled)) {
                throw new IllegalArgumentException("fake labels in proportion to the data need a conditional model, not "
                        + settings.model().name());
            }
            trainer.drawFakeLabels(io.jgan.runtime.train.FakeLabels.withFrequencies(labelled.classCounts()));
        }
        Path checkpoint = settings.out().resolve(CHECKPOINT);
        if (settings.resume()) {
            try {
                restore(Checkpoint.read(checkpoint));
            } catch (CheckpointException e) {
                Path previous = settings.out().resolve(PREVIOUS_CHECKPOINT);
                if (!Files.exists(previous)) {
                    throw e;
                }
                // Nothing was changed: both files are as they were, and the user can fall back by hand.
                throw new CheckpointException(e.getMessage() + "\nThe checkpoint before it is kept as " + previous
                        + "; to resume from it, copy it to " + checkpoint);
            }
        } else {
            CheckpointFiles files = new CheckpointFiles(settings.out());
            for (Path existing : new Path[] {files.latest(), files.previous(), files.next()}) {
                if (Files.exists(existing)) {
                    throw new IOException(existing + " already exists: pass --resume to continue that run, or choose"
                            + " another --out (a fresh run would overwrite it)");
                }
            }
        }
    }

    /** Which dense kernels this JVM runs: they round differently, so a checkpoint records them. */
    private static String kernels() {
        return io.jgan.runtime.kernel.Simd.enabled() ? "Vector API" : "auto-vectorised";
    }

    private void restore(Checkpoint c) throws CheckpointException {
        String source = c.source();
        c.checkArchitecture(generator, discriminator);
        String model = c.getString("run.model");
        long[] seed = c.getLongs("run.seed");
        String smooth = c.getString("run.smooth");
        int[] progress = c.getInts("run.progress");
        if (!model.equals(settings.model().name()) || seed.length != 1 || seed[0] != settings.seed()
                || !smooth.equals(Boolean.toString(settings.smooth()))) {
            throw new CheckpointException(source + ": written by another run (" + model + ", seed "
                    + (seed.length == 1 ? seed[0] : "?") + ", smooth " + smooth + "), not this one ("
                    + settings.model().name() + ", seed " + settings.seed() + ", smooth " + settings.smooth() + ")");
        }
        String fakeLabels = c.has("run.fake-labels") ? c.getString("run.fake-labels") : "uniform";
        if (!fakeLabels.equals(fakeLabels())) {
            throw new CheckpointException(source + ": written by a run with --fake-labels " + fakeLabels + ", not "
                    + fakeLabels());
        }
        String loss = c.has("run.loss") ? c.getString("run.loss") : GanLoss.bce().name();
        if (!loss.equals(settings.loss().name())) {
            throw new CheckpointException(source + ": written by a run with --loss " + loss + ", not "
                    + settings.loss().name());
        }
        if (progress.length != 3 || progress[1] != data.batchesPerEpoch() || progress[2] != data.samples()) {
            throw new CheckpointException(source + ": trained on data of another size (" + Arrays.toString(progress)
                    + "; now " + data.samples() + " images, " + data.batchesPerEpoch() + " batches per epoch)");
        }
        if (c.has("run.kernels") && !c.getString("run.kernels").equals(kernels())) {
            // Still a valid continuation, but not the bit-for-bit one a resume promises.
            out.println("note: " + source + " was trained on the " + c.getString("run.kernels")
                    + " dense kernels, this JVM runs the " + kernels() + " ones: the run continues, but will not match"
                    + " an uninterrupted one bit for bit (" + io.jgan.runtime.kernel.Simd.describe() + ")");
        }
        float[] savedLog = c.getFloats("log");
        if (savedLog.length % LOG_COLUMNS != 0) {
            throw new CheckpointException(source + ": malformed log of " + savedLog.length + " values");
        }
        checkProgress(source, progress[0], savedLog);
        for (String role : new String[] {"generator", "discriminator"}) {
            // Rollbacks only ever lower the rate: a higher one was not written by a run of this sample.
            double lr = c.learningRate(role);
            if (!(lr > 0 && lr <= LEARNING_RATE)) {
                throw new CheckpointException(source + ": impossible content: " + role + " learning rate " + lr
                        + ", this sample trains with " + LEARNING_RATE + " or less (after rollbacks); the file was"
                        + " changed after it was written: use " + PREVIOUS_CHECKPOINT + " or train again");
            }
        }
        try {
            data.restore(c.data("data"));
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(source + ": " + e.getMessage());
        }
        c.restore(generator, discriminator, generatorOptimizer, discriminatorOptimizer, rng);
        epochsDone = progress[0];
        log = savedLog.clone();
        logRows = log.length / LOG_COLUMNS;
    }

    /**
     * A checkpoint is written at the end of an epoch, after that epoch's last log row: the epoch count
     * must be the last row's, every row of an epoch in the run, in order.
     */
    private void checkProgress(String source, int epochs, float[] savedLog) throws CheckpointException {
        int rows = savedLog.length / LOG_COLUMNS;
        float last = rows == 0 ? 0 : savedLog[(rows - 1) * LOG_COLUMNS];
        boolean ordered = true;
        for (int r = 0; r < rows; r++) {
            float epoch = savedLog[r * LOG_COLUMNS];
            float batch = savedLog[r * LOG_COLUMNS + 1];
            ordered &= epoch >= 1 && epoch <= epochs && (r == 0 || epoch >= savedLog[(r - 1) * LOG_COLUMNS])
                    && batch >= 1 && batch <= data.batchesPerEpoch();
        }
        if (epochs < 0 || last != epochs || !ordered) {
            throw new CheckpointException(source + ": impossible content: it says " + epochs + " epochs were done,"
                    + " its log " + (rows == 0 ? "is empty" : "ends in epoch " + (long) last + (ordered ? "" : " and is"
                    + " out of order")) + "; the file was changed after it was written: use " + PREVIOUS_CHECKPOINT
                    + " or train again");
        }
    }

    /** {@return the size of one checkpoint of this run, in bytes (to check for room before training)} */
    public long checkpointBytes() {
        return capture().sizeInBytes();
    }

    /** {@return the optimizer, after the loss unless it is the article's: "Adam", "loss wgan, RMSprop"} */
    public String describeOptimizer() {
        String optimizer = generatorOptimizer instanceof Adam a && a.beta1() != 0.9
                ? "Adam (betas " + a.beta1() + "/" + a.beta2() + ")"
                : generatorOptimizer instanceof RmsProp ? "RMSprop" : "Adam";
        GanLoss loss = settings.loss();
        return loss.equals(GanLoss.bce()) ? optimizer : "loss " + loss.name() + ", " + optimizer;
    }

    /** {@return the learning rates in use, e.g. "2e-04", or "G 1e-04, D 5e-05" after rollbacks differ} */
    public String describeLearningRates() {
        String g = rate(generatorOptimizer.learningRate());
        String d = rate(discriminatorOptimizer.learningRate());
        return g.equals(d) ? g : "G " + g + ", D " + d;
    }

    private static String rate(double lr) {
        return String.format(Locale.ROOT, "%.3e", lr).replaceAll("\\.?0+e", "e");
    }

    /**
     * What to do when a step diverges: stop (the default; the exception reaches the caller), or roll
     * back to the last good checkpoint with lower learning rates and continue.
     *
     * @param policy the policy
     */
    public void onDivergence(DivergencePolicy policy) {
        this.onDivergence = java.util.Objects.requireNonNull(policy, "policy");
    }

    /** {@return rollbacks done in this run (see {@link #onDivergence})} */
    public int rollbacks() {
        return rollbacks;
    }

    /** Epochs completed (restored from the checkpoint when resuming). */
    public int epochsDone() {
        return epochsDone;
    }

    /**
     * Runs the large layers on {@code threads} threads; training gives the same result bit for bit
     * with any thread count (the kernels split work by output, never by batch).
     *
     * @param threads at least 1
     */
    public void setThreads(int threads) {
        generator.setThreads(threads);
        discriminator.setThreads(threads);
    }

    /** The generator being trained. */
    public Network generator() {
        return generator;
    }

    /** The discriminator being trained. */
    public Network discriminator() {
        return discriminator;
    }

    /** Batches per epoch: images / 100. */
    public int batchesPerEpoch() {
        return data.batchesPerEpoch();
    }

    /**
     * Trains up to {@code settings.epochs()}, writing the grid, checkpoint, CSV and charts after each
     * epoch (and the charts again at the end, so resuming a finished run just redraws them).
     *
     * @return one summary per epoch trained in this call
     */
    public java.util.List<EpochSummary> run() throws IOException {
        Files.createDirectories(settings.out());
        java.util.List<EpochSummary> summaries = new java.util.ArrayList<>();
        int batches = data.batchesPerEpoch();
        long total = (long) Math.max(0, settings.epochs() - epochsDone) * batches;
        long done = 0;
        long start = System.nanoTime();
        ProgressBar bar = new ProgressBar(out);
        Checkpoint lastGood = onDivergence.rollback() ? capture() : null;
        epochs:
        for (int epoch = epochsDone; epoch < settings.epochs(); epoch++) {
            double[] epochSum = new double[4];
            double[] intervalSum = new double[4];
            int interval = 0;
            long epochStart = System.nanoTime();
            for (int b = 0; b < batches; b++) {
                StepStats s;
                try {
                    beforeIteration.accept(b);
                    s = trainer.iterate();
                } catch (TrainingDivergedException e) {
                    if (lastGood == null || rollbacks >= onDivergence.maxRollbacks()) {
                        throw e;
                    }
                    rollBack(lastGood, e);
                    bar.newLine();
                    epoch = epochsDone - 1;
                    continue epochs;
                }
                double[] v = {s.discriminatorLoss, s.generatorLoss, s.realScore, s.fakeScore};
                for (int k = 0; k < 4; k++) {
                    epochSum[k] += v[k];
                    intervalSum[k] += v[k];
                }
                interval++;
                done++;
                if ((b + 1) % settings.logEvery() == 0 || b == batches - 1) {
                    appendLog(epoch + 1, b + 1, intervalSum, interval);
                    Arrays.fill(intervalSum, 0);
                    interval = 0;
                }
                bar.update(epoch + 1, settings.epochs(), b + 1, batches, s.discriminatorLoss, s.generatorLoss,
                        s.realScore, s.fakeScore, done, total - done, (System.nanoTime() - start) / 1e9, settings.model().batch(),
                        b == batches - 1);
            }
            bar.newLine();
            double ms = (System.nanoTime() - epochStart) / 1e6 / batches;
            EpochSummary summary = new EpochSummary(epoch + 1, epochSum[0] / batches, epochSum[1] / batches,
                    epochSum[2] / batches, epochSum[3] / batches, ms);
            summaries.add(summary);
            epochsDone = epoch + 1;
            float[] grid = writeGrid(epochsDone);
            Checkpoint written = writeCheckpoint();
            if (lastGood != null) {
                lastGood = written;
            }
            writeCsv();
            writeCharts();
            out.println(summary + diversity(grid) + "  -> " + settings.out().resolve(gridName(epochsDone)));
        }
        writeCharts();
        return summaries;
    }

    /**
     * Restores the last good state, multiplies both learning rates by the policy's factor and says so.
     * The state is the one written to (or read from) the checkpoint, kept in memory.
     */
    private void rollBack(Checkpoint lastGood, TrainingDivergedException e) throws IOException {
        rollbacks++;
        double gLr = generatorOptimizer.learningRate() * onDivergence.learningRateFactor();
        double dLr = discriminatorOptimizer.learningRate() * onDivergence.learningRateFactor();
        restore(lastGood);
        generatorOptimizer.setLearningRate(gLr);
        discriminatorOptimizer.setLearningRate(dLr);
        out.printf(Locale.ROOT, "%ndiverged: %s%nrollback %d of %d: back to the state after epoch %d, learning rates"
                + " G %.3g, D %.3g%n", e.getMessage(), rollbacks, onDivergence.maxRollbacks(), epochsDone, gLr, dLr);
    }

    /**
     * {@code "  diversity=0.93"}: mean pairwise L2 distance of the fixed-noise grid batch over the same
     * figure of the first real images; a warning line first if it fell below half of real data's.
     */
    private String diversity(float[] grid) {
        if (collapse == null) {
            collapse = new CollapseMonitor("pairwise distance of generated / real images", 0.5)
                    .withRealFigure(1.0);
        }
        int n = Math.min(GRID_SAMPLES, firstImages.length / (height * width));
        double real = CollapseMonitor.meanPairwiseDistance(firstImages, n, height * width);
        double ratio = CollapseMonitor.meanPairwiseDistance(grid, grid.length / (height * width), height * width) / real;
        String warning = collapse.update(ratio);
        if (warning != null) {
            out.println(warning);
        }
        return String.format(Locale.ROOT, "  diversity=%.3f", ratio);
    }

    private void appendLog(int epoch, int batch, double[] sum, int n) {
        if ((logRows + 1) * LOG_COLUMNS > log.length) {
            log = Arrays.copyOf(log, Math.max(64, log.length * 2));
        }
        int o = logRows * LOG_COLUMNS;
        log[o] = epoch;
        log[o + 1] = batch;
        for (int k = 0; k < 4; k++) {
            log[o + 2 + k] = (float) (sum[k] / n);
        }
        logRows++;
    }

    /** The logged rows: epoch, batch, d_loss, g_loss, d_real, d_fake (interval means). */
    public float[] logRows() {
        return Arrays.copyOf(log, logRows * LOG_COLUMNS);
    }

    /** The file name of the grid after {@code epoch}, e.g. {@code samples_epoch_001.png}. */
    public static String gridName(int epoch) {
        return String.format(Locale.ROOT, "samples_epoch_%03d.png", epoch);
    }

    /**
     * The fixed noise batch: always the same for a seed, and drawn apart from the training stream. A
     * conditional model's grid has one row of 8 per class, in class order, so a person sees at once
     * whether each row is the right kind of image.
     */
    private float[] writeGrid(int epoch) throws IOException {
        Rng fixed = new Rng(settings.seed() ^ 0x5EED_F17ED_B47CL);
        float[] samples;
        int n;
        if (settings.model().conditional()) {
            int[] labels = gridLabels(settings.model().classes());
            samples = Sampler.generate(generator, labels, fixed);
            n = labels.length;
        } else {
            samples = Sampler.generate(generator, GRID_SAMPLES, fixed);
            n = GRID_SAMPLES;
        }
        ImageGrid.write(settings.out().resolve(gridName(epoch)), samples, n, height, width, 8, -1f, 1f);
        return samples;
    }

    /** Row {@code c} of a conditional grid is 8 samples of class {@code c}. */
    static int[] gridLabels(int classes) {
        int[] labels = new int[classes * 8];
        for (int k = 0; k < labels.length; k++) {
            labels[k] = k / 8;
        }
        return labels;
    }

    /** {@code "data"} when fakes are labelled as the data's classes are distributed, else {@code "uniform"}. */
    private String fakeLabels() {
        return settings.fakeLabelsFromData() ? "data" : "uniform";
    }

    /** Rotates by renaming (see {@link CheckpointFiles}): previous and latest are never the same file. */
    private Checkpoint writeCheckpoint() throws IOException {
        Checkpoint c = capture();
        new CheckpointFiles(settings.out()).write(c);
        return c;
    }

    private Checkpoint capture() {
        Checkpoint c = Checkpoint.capture(generator, discriminator, generatorOptimizer, discriminatorOptimizer, rng);
        c.putData("data", data.state());
        c.put("run.model", settings.model().name());
        c.put("run.seed", new long[] {settings.seed()});
        c.put("run.smooth", Boolean.toString(settings.smooth()));
        if (!settings.loss().equals(GanLoss.bce())) {
            c.put("run.loss", settings.loss().name()); // absent: the article's bce, as before --loss existed
        }
        if (settings.fakeLabelsFromData()) {
            c.put("run.fake-labels", fakeLabels()); // absent: uniform, as before conditional models existed
        }
        c.put("run.kernels", kernels());
        c.put("run.progress", new int[] {epochsDone, data.batchesPerEpoch(), data.samples()});
        c.put("log", logRows());
        return c;
    }

    private void writeCsv() throws IOException {
        StringBuilder csv = new StringBuilder("epoch,batch,d_loss,g_loss,d_real,d_fake\n");
        for (int r = 0; r < logRows; r++) {
            int o = r * LOG_COLUMNS;
            csv.append((int) log[o]).append(',').append((int) log[o + 1]);
            for (int k = 2; k < LOG_COLUMNS; k++) {
                csv.append(',').append(log[o + k]);
            }
            csv.append('\n');
        }
        AtomicFile.write(settings.out().resolve("log.csv"), csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void writeCharts() throws IOException {
        if (logRows == 0) {
            return;
        }
        double[][] series = new double[4][logRows];
        double[] epochs = new double[logRows]; // a row logged after batch b of epoch e sits at e - 1 + b / batches
        for (int r = 0; r < logRows; r++) {
            epochs[r] = log[r * LOG_COLUMNS] - 1 + log[r * LOG_COLUMNS + 1] / (double) data.batchesPerEpoch();
            for (int k = 0; k < 4; k++) {
                series[k][r] = log[r * LOG_COLUMNS + 2 + k];
            }
        }
        String every = " (one point per " + settings.logEvery() + " batches)";
        new LineChart("D and G loss" + every, "epoch", "loss").add("D loss", epochs, series[0])
                .add("G loss", epochs, series[1]).write(settings.out().resolve("losses.png"));
        new LineChart("mean D(x) and D(G(z))" + every, "epoch", "mean score").add("D(x)", epochs, series[2])
                .add("D(G(z))", epochs, series[3]).write(settings.out().resolve("scores.png"));
    }
}

package io.jgan.samples.images;

import io.jgan.pictures.ImageGrid;
import io.jgan.pictures.LineChart;
import io.jgan.data.idx.IdxImages;
import io.jgan.data.idx.IdxLabels;
import io.jgan.runtime.Network;
import io.jgan.runtime.Rng;
import io.jgan.runtime.data.EpochData;
import io.jgan.runtime.data.LabelledEpochData;
import io.jgan.runtime.data.ShuffledData;
import io.jgan.runtime.io.AtomicFile;
import io.jgan.runtime.loss.GanLoss;
import io.jgan.runtime.optim.Adam;
import io.jgan.runtime.optim.Optimizer;
import io.jgan.runtime.optim.RmsProp;
import io.jgan.runtime.train.Checkpoint;
import io.jgan.runtime.train.CheckpointException;
import io.jgan.runtime.train.CheckpointFiles;
import io.jgan.runtime.train.CollapseMonitor;
import io.jgan.runtime.train.DivergencePolicy;
import io.jgan.runtime.train.LogRow;
import io.jgan.runtime.train.ProgressDisplay;
import io.jgan.runtime.train.Sampler;
import io.jgan.runtime.train.TrainingConfig;
import io.jgan.runtime.train.TrainingListener;
import io.jgan.runtime.train.TrainingRun;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The vanilla GAN on images of seeds 003 and 004, as a resumable run: epochs over shuffled real
 * images; after every epoch a sample grid from one fixed noise batch, a checkpoint, a CSV of the
 * logged values and charts of the loss and score curves (so a run stopped early has them too).
 *
 * <p>Per batch, as the article: a discriminator step on real images (label 1) plus detached fakes
 * (label 0), losses summed; then a generator step on fresh noise with label 1. Adam 2e-4 for both,
 * batch 100. Everything random (weights, noise, dropout, shuffles) comes from one {@link Rng}
 * seeded with {@link Settings#seed()}, so a run, and a resumed run, is reproducible bit for bit.
 *
 * <p>The loop, checkpoints, resume, rollback and progress are a {@link TrainingRun}'s; this class is
 * its settings and one listener for the grids, {@code log.csv} (epoch, batch, ...), the charts and the
 * checkpoint entries that {@code jgan images} reads ({@code run.model}, {@code run.progress}, ...).
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
    private final TrainingRun run;
    private final CollapseMonitor collapse = new CollapseMonitor("pairwise distance of generated / real images", 0.5)
            .withRealFigure(1.0);
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
                Arrays.copyOf(images, Math.min(images.length, GRID_SAMPLES * height * width)), height, width, out);
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
        this(settings, rng -> EpochData.ofPixels(images.pixels(), images.imageSize(), settings.model().batch(), rng),
                firstImages(images), images.rows(), images.cols(), out);
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
                Arrays.copyOf(images, Math.min(images.length, GRID_SAMPLES * height * width)), height, width, out);
    }

    private static float[] firstImages(IdxImages images) {
        int n = Math.min(images.count(), GRID_SAMPLES) * images.imageSize();
        float[] first = new float[n];
        for (int k = 0; k < n; k++) {
            first[k] = (images.pixels()[k] & 0xFF) / 127.5f - 1f;
        }
        return first;
    }

    private ImageGan(Settings settings, Function<Rng, ShuffledData> realData, float[] firstImages, int height,
            int width, PrintStream out) throws IOException {
        this.settings = settings;
        this.firstImages = firstImages;
        this.height = height;
        this.width = width;
        if (settings.fakeLabelsFromData() && !settings.model().conditional()) {
            throw new IllegalArgumentException("fake labels in proportion to the data need a conditional model, not "
                    + settings.model().name());
        }
        boolean terminal = out == System.out && ProgressDisplay.standardOutputIsTerminal();
        this.run = TrainingRun.builder(settings.model().generator(), settings.model().discriminator())
                .data(realData)
                .config(settings.config())
                .generatorOptimizer(settings::optimizer)
                .discriminatorOptimizer(settings::optimizer)
                .fakeLabelsFromData(settings.fakeLabelsFromData())
                .seed(settings.seed())
                .epochs(settings.epochs())
                .logEvery(settings.logEvery())
                .out(settings.out())
                .resume(settings.resume())
                .writeLogFile(false) // log.csv keeps this sample's columns (writeCsv)
                .checkpointCheck(this::check)
                .listener(new Outputs())
                .listener(new ProgressDisplay(out, terminal, this::epochLine))
                .build();
        if (run.discriminator().info().inputSize() != height * width) {
            throw new IllegalArgumentException(settings.model().name() + " reads " + run.discriminator().info().inputSize()
                    + " pixels, the images have " + height + " x " + width);
        }
        if (settings.resume()) {
            run.open();
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

    /** The sample's files and checkpoint entries, as a listener on the run. */
    private final class Outputs implements TrainingListener {
        @Override
        public void beforeStep(TrainingRun r) {
            beforeIteration.accept((int) (r.step() % r.stepsPerEpoch()));
        }

        @Override
        public void onEpoch(TrainingRun r, io.jgan.runtime.train.EpochSummary summary) {
            try {
                grid = writeGrid(summary.epoch());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void onCheckpoint(TrainingRun r, Checkpoint c) {
            try {
                writeCsv();
                writeCharts();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void onEnd(TrainingRun r) {
            try {
                writeCharts();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void save(Checkpoint c) {
            c.put("run.model", settings.model().name());
            c.put("run.smooth", Boolean.toString(settings.smooth()));
            if (!settings.loss().equals(GanLoss.bce())) {
                c.put("run.loss", settings.loss().name()); // absent: the article's bce, as before --loss existed
            }
            if (settings.fakeLabelsFromData()) {
                c.put("run.fake-labels", fakeLabels()); // absent: uniform, as before conditional models existed
            }
            c.put("run.progress", new int[] {epochsDone(), batchesPerEpoch(), samples()});
        }
    }

    /** The grid of the epoch that just ended, for its diversity figure. */
    private float[] grid;

    private String epochLine(io.jgan.runtime.train.EpochSummary s) {
        EpochSummary summary = summaryOf(s);
        return summary + diversity(grid) + "  -> " + settings.out().resolve(gridName(summary.epoch()));
    }

    private static EpochSummary summaryOf(io.jgan.runtime.train.EpochSummary s) {
        return new EpochSummary(s.epoch(), s.discriminatorLoss(), s.generatorLoss(), s.realScore(), s.fakeScore(),
                s.msPerStep());
    }

    /**
     * Refuses a checkpoint of other networks, another model, seed, labels, loss or data size, or with
     * impossible progress or learning rates, in this sample's words; a checkpoint of this sample's
     * older loop (without the run's entries) is upgraded.
     */
    private void check(Checkpoint c, TrainingRun r) throws CheckpointException {
        String source = c.source();
        c.checkArchitecture(r.generator(), r.discriminator());
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
        if (progress.length != 3 || progress[1] != batchesPerEpoch() || progress[2] != samples()) {
            throw new CheckpointException(source + ": trained on data of another size (" + Arrays.toString(progress)
                    + "; now " + samples() + " images, " + batchesPerEpoch() + " batches per epoch)");
        }
        if (!c.has("run.settings")) {
            upgrade(c, r);
        }
        long[] steps = c.getLongs("log.steps");
        float last = steps.length == 0 ? 0 : (int) ((steps[steps.length - 1] - 1) / batchesPerEpoch()) + 1;
        boolean atEpochEnd = c.getLongs("run.step")[0] == (long) progress[0] * batchesPerEpoch();
        checkProgress(source, progress[0], last, atEpochEnd, steps.length == 0);
        for (String role : new String[] {"generator", "discriminator"}) {
            // Rollbacks only ever lower the rate: a higher one was not written by a run of this sample.
            double lr = c.learningRate(role);
            if (!(lr > 0 && lr <= LEARNING_RATE)) {
                throw new CheckpointException(source + ": impossible content: " + role + " learning rate " + lr
                        + ", this sample trains with " + LEARNING_RATE + " or less (after rollbacks); the file was"
                        + " changed after it was written: use " + PREVIOUS_CHECKPOINT + " or train again");
            }
        }
    }

    /**
     * Reads a checkpoint of this sample's own loop (before it ran on a {@link TrainingRun}): its log of
     * rows (epoch, batch, d_loss, g_loss, d_real, d_fake), written at the end of an epoch, becomes the
     * run's entries.
     */
    private void upgrade(Checkpoint c, TrainingRun r) throws CheckpointException {
        String source = c.source();
        int epochs = c.getInts("run.progress")[0];
        float[] log = c.getFloats("log");
        if (log.length % LOG_COLUMNS != 0) {
            throw new CheckpointException(source + ": malformed log of " + log.length + " values");
        }
        int rows = log.length / LOG_COLUMNS;
        boolean ordered = true;
        for (int k = 0; k < rows; k++) {
            float epoch = log[k * LOG_COLUMNS];
            float batch = log[k * LOG_COLUMNS + 1];
            ordered &= epoch >= 1 && epoch <= epochs && (k == 0 || epoch >= log[(k - 1) * LOG_COLUMNS])
                    && batch >= 1 && batch <= batchesPerEpoch();
        }
        checkProgress(source, epochs, rows == 0 ? 0 : log[(rows - 1) * LOG_COLUMNS], ordered, rows == 0);
        int batches = r.stepsPerEpoch();
        long[] steps = new long[rows];
        float[] values = new float[rows * 4];
        for (int k = 0; k < rows; k++) {
            steps[k] = ((long) log[k * LOG_COLUMNS] - 1) * batches + (long) log[k * LOG_COLUMNS + 1];
            System.arraycopy(log, k * LOG_COLUMNS + 2, values, k * 4, 4);
        }
        c.put("run.settings", r.settings());
        c.put("run.step", new long[] {(long) epochs * batches});
        c.put("run.stepsPerEpoch", new int[] {batches});
        c.put("run.rollbacks", new int[] {0});
        c.put("run.pending", new long[10]); // no partial means: written at the end of an epoch
        c.put("log.steps", steps);
        c.put("log.values", values);
    }

    /**
     * A checkpoint is written at the end of an epoch, after that epoch's last log row: the epoch count
     * must be the last row's, every row of an epoch in the run, in order.
     */
    private static void checkProgress(String source, int epochs, float last, boolean ordered, boolean empty)
            throws CheckpointException {
        if (epochs < 0 || last != epochs || !ordered) {
            throw new CheckpointException(source + ": impossible content: it says " + epochs + " epochs were done,"
                    + " its log " + (empty ? "is empty" : "ends in epoch " + (long) last + (ordered ? "" : " and is"
                    + " out of order")) + "; the file was changed after it was written: use " + PREVIOUS_CHECKPOINT
                    + " or train again");
        }
    }

    /** {@return the size of one checkpoint of this run, in bytes (to check for room before training)} */
    public long checkpointBytes() {
        return run.capture().sizeInBytes();
    }

    /** {@return the optimizer, after the loss unless it is the article's: "Adam", "loss wgan, RMSprop"} */
    public String describeOptimizer() {
        Optimizer generatorOptimizer = run.generatorOptimizer();
        String optimizer = generatorOptimizer instanceof Adam a && a.beta1() != 0.9
                ? "Adam (betas " + a.beta1() + "/" + a.beta2() + ")"
                : generatorOptimizer instanceof RmsProp ? "RMSprop" : "Adam";
        GanLoss loss = settings.loss();
        return loss.equals(GanLoss.bce()) ? optimizer : "loss " + loss.name() + ", " + optimizer;
    }

    /** {@return the learning rates in use, e.g. "2e-04", or "G 1e-04, D 5e-05" after rollbacks differ} */
    public String describeLearningRates() {
        String g = rate(run.generatorOptimizer().learningRate());
        String d = rate(run.discriminatorOptimizer().learningRate());
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
        run.onDivergence(policy);
    }

    /** {@return rollbacks done in this run (see {@link #onDivergence})} */
    public int rollbacks() {
        return run.rollbacks();
    }

    /** Epochs completed (restored from the checkpoint when resuming). */
    public int epochsDone() {
        return (int) run.epochsDone();
    }

    /**
     * Runs the large layers on {@code threads} threads; training gives the same result bit for bit
     * with any thread count (the kernels split work by output, never by batch).
     *
     * @param threads at least 1
     */
    public void setThreads(int threads) {
        run.generator().setThreads(threads);
        run.discriminator().setThreads(threads);
    }

    /** The generator being trained. */
    public Network generator() {
        return run.generator();
    }

    /** The discriminator being trained. */
    public Network discriminator() {
        return run.discriminator();
    }

    /** Batches per epoch: images / 100. */
    public int batchesPerEpoch() {
        return run.stepsPerEpoch();
    }

    private int samples() {
        return ((ShuffledData) run.data()).samples();
    }

    /**
     * Trains up to {@code settings.epochs()}, writing the grid, checkpoint, CSV and charts after each
     * epoch (and the charts again at the end, so resuming a finished run just redraws them).
     *
     * @return one summary per epoch trained in this call
     */
    public List<EpochSummary> run() throws IOException {
        try {
            return run.run().stream().map(ImageGan::summaryOf).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * {@code "  diversity=0.93"}: mean pairwise L2 distance of the fixed-noise grid batch over the same
     * figure of the first real images; a warning line first if it fell below half of real data's.
     */
    private String diversity(float[] grid) {
        int n = Math.min(GRID_SAMPLES, firstImages.length / (height * width));
        double real = CollapseMonitor.meanPairwiseDistance(firstImages, n, height * width);
        double ratio = CollapseMonitor.meanPairwiseDistance(grid, grid.length / (height * width), height * width) / real;
        String warning = collapse.update(ratio);
        if (warning != null) {
            run.note(warning);
        }
        return String.format(Locale.ROOT, "  diversity=%.3f", ratio);
    }

    /** The logged rows: epoch, batch, d_loss, g_loss, d_real, d_fake (interval means). */
    public float[] logRows() {
        List<LogRow> log = run.log();
        float[] rows = new float[log.size() * LOG_COLUMNS];
        for (int r = 0; r < log.size(); r++) {
            LogRow row = log.get(r);
            float[] values = {row.epoch(), row.batch(), row.discriminatorLoss(), row.generatorLoss(), row.realScore(),
                row.fakeScore()};
            System.arraycopy(values, 0, rows, r * LOG_COLUMNS, LOG_COLUMNS);
        }
        return rows;
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
            samples = Sampler.generate(run.generator(), labels, fixed);
            n = labels.length;
        } else {
            samples = Sampler.generate(run.generator(), GRID_SAMPLES, fixed);
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

    private void writeCsv() throws IOException {
        StringBuilder csv = new StringBuilder("epoch,batch,d_loss,g_loss,d_real,d_fake\n");
        for (LogRow row : run.log()) {
            csv.append(row.epoch()).append(',').append(row.batch()).append(',').append(row.discriminatorLoss())
                    .append(',').append(row.generatorLoss()).append(',').append(row.realScore()).append(',')
                    .append(row.fakeScore()).append('\n');
        }
        AtomicFile.write(settings.out().resolve("log.csv"), csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void writeCharts() throws IOException {
        List<LogRow> log = run.log();
        if (log.isEmpty()) {
            return;
        }
        double[][] series = new double[4][log.size()];
        double[] epochs = new double[log.size()]; // a row logged after batch b of epoch e sits at e - 1 + b / batches
        for (int r = 0; r < log.size(); r++) {
            LogRow row = log.get(r);
            epochs[r] = row.epoch() - 1 + row.batch() / (double) batchesPerEpoch();
            series[0][r] = row.discriminatorLoss();
            series[1][r] = row.generatorLoss();
            series[2][r] = row.realScore();
            series[3][r] = row.fakeScore();
        }
        String every = " (one point per " + settings.logEvery() + " batches)";
        new LineChart("D and G loss" + every, "epoch", "loss").add("D loss", epochs, series[0])
                .add("G loss", epochs, series[1]).write(settings.out().resolve("losses.png"));
        new LineChart("mean D(x) and D(G(z))" + every, "epoch", "mean score").add("D(x)", epochs, series[2])
                .add("D(G(z))", epochs, series[3]).write(settings.out().resolve("scores.png"));
    }
}

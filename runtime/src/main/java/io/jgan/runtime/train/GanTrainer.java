package io.jgan.runtime.train;

import io.jgan.runtime.generated.Finite;
import io.jgan.runtime.generated.FiniteScan;
import io.jgan.runtime.generated.LayerInfo;
import io.jgan.runtime.Network;
import io.jgan.runtime.NetworkInfo;
import io.jgan.runtime.Rng;
import io.jgan.runtime.BatchSource;
import io.jgan.runtime.data.LabelledData;
import io.jgan.runtime.data.RealData;
import io.jgan.runtime.loss.GanLoss;
import io.jgan.runtime.loss.GanLoss.Term;
import io.jgan.runtime.optim.Optimizer;

/**
 * The alternating GAN training loop, with the config's {@link GanLoss} (binary cross-entropy unless
 * changed).
 *
 * <p>A discriminator step: zero D's gradients, forward and backward a real batch (the loss's real
 * term, against {@code realLabel}), then a fake batch (detached: the generator is not updated; the
 * fake term, against {@code fakeLabel}), then one optimizer step, then the loss's
 * {@link GanLoss#afterDiscriminatorStep(Network) after-step} (WGAN's clipping). A generator step:
 * zero G's gradients, forward fresh noise through G and D, backward the generator term (against
 * {@code generatorLabel}) through D to its input (D's gradients untouched) and on through G, then
 * one optimizer step.
 *
 * <p>All buffers are allocated here; a step allocates nothing. Every loss, and the gradients and
 * parameters of the network about to step, are checked before its optimizer step: a NaN or infinite
 * value throws {@link TrainingDivergedException} naming the network, layer, what and iteration, and
 * leaves the parameters as they were (the check is one branch-free pass per array, see
 * {@link Finite}).
 */
public final class GanTrainer {
    private final Network generator;
    private final Network discriminator;
    private final Optimizer generatorOptimizer;
    private final Optimizer discriminatorOptimizer;
    private final RealData data;
    private final TrainingConfig config;
    private final GanLoss loss;
    private final Rng rng;
    private BatchSource noise;
    private final int batch;
    private final float[] noiseBatch;
    private final float[] realBatch;
    private final float[] fakeBatch;
    /** For a conditional GAN: the labels of the real batch and of the fakes; null otherwise. */
    private final int[] realLabels;
    private final int[] fakeLabels;
    private FakeLabels fakeLabelDraw;
    private final StepStats stats = new StepStats();
    private final FiniteScan finiteScan = new FiniteScan();

    /**
     * A trainer over two networks built for at least {@code config.batchSize()} samples. The
     * networks' dropout and the noise and data all draw from {@code rng}.
     *
     * @param generator the generator
     * @param discriminator the discriminator
     * @param generatorOptimizer updates the generator's parameters
     * @param discriminatorOptimizer updates the discriminator's parameters
     * @param data the real samples
     * @param config batch size, steps, labels, loss
     * @param rng the run's random generator
     * @throws IllegalArgumentException with a one-line message when the networks, data and config do not
     *     fit together, e.g. a discriminator whose last layer does not fit the loss
     */
    public GanTrainer(Network generator, Network discriminator, Optimizer generatorOptimizer,
            Optimizer discriminatorOptimizer, RealData data, TrainingConfig config, Rng rng) {
        this.generator = generator;
        this.discriminator = discriminator;
        this.generatorOptimizer = generatorOptimizer;
        this.discriminatorOptimizer = discriminatorOptimizer;
        this.data = data;
        this.config = config;
        this.loss = config.loss();
        this.rng = rng;
        this.batch = config.batchSize();
        NetworkInfo g = generator.info();
        NetworkInfo d = discriminator.info();
        if (g.role() != NetworkInfo.Role.GENERATOR || d.role() != NetworkInfo.Role.DISCRIMINATOR) {
            throw new IllegalArgumentException("expected a generator and a discriminator, got " + g.displayName()
                    + " and " + d.displayName());
        }
        if (g.outputSize() != d.inputSize() || data.sampleSize() != d.inputSize()) {
            throw new IllegalArgumentException("sizes do not match: generator makes " + g.outputSize()
                    + " values per sample, discriminator reads " + d.inputSize() + ", data has " + data.sampleSize());
        }
        if (d.outputSize() != 1) {
            throw new IllegalArgumentException(d.displayName() + " gives " + d.outputSize()
                    + " values per sample; the " + loss.name() + " loss needs exactly one (its score of real)");
        }
        requireLastLayerFits(d, loss);
        for (Network n : new Network[] {generator, discriminator}) {
            if (n.maxBatch() < batch) {
                throw new IllegalArgumentException(n.info().displayName() + " was built for batches of at most "
                        + n.maxBatch() + " but the training batch is " + batch);
            }
            n.setRandom(rng);
            n.setTraining(true);
        }
        if (g.classes() != d.classes()) {
            throw new IllegalArgumentException(g.displayName() + " takes labels of " + g.classes() + " classes but "
                    + d.displayName() + " of " + d.classes() + "; declare the same @Condition on both");
        }
        if (g.conditional()) {
            if (!(data instanceof LabelledData labelled) || labelled.classes() != g.classes()) {
                throw new IllegalArgumentException("a conditional GAN (" + g.classes() + " classes) trains on"
                        + " labelled data of as many classes, e.g. LabelledEpochData; got "
                        + (data instanceof LabelledData l ? "labels of " + l.classes() + " classes" : "unlabelled data"));
            }
            this.realLabels = new int[batch];
            this.fakeLabels = new int[batch];
            this.fakeLabelDraw = FakeLabels.uniform(g.classes());
        } else {
            this.realLabels = null;
            this.fakeLabels = null;
        }
        this.noise = g.noise();
        this.noiseBatch = new float[batch * noise.sampleSize()];
        this.realBatch = new float[batch * d.inputSize()];
        this.fakeBatch = new float[batch * d.inputSize()];
    }

    /**
     * Refuses a discriminator whose last layer does not fit the loss: BCE on probabilities needs a final
     * {@code @Sigmoid}; the losses on raw scores must not have one (a sigmoid there squashes the scores
     * into (0, 1): bce-logits would apply it twice, and the others would lose their range). Command lines
     * call it to refuse a setting before any training starts.
     *
     * @param d the discriminator's description
     * @param loss the loss it would train with
     * @throws IllegalArgumentException saying what to change, in one line
     */
    public static void requireLastLayerFits(NetworkInfo d, GanLoss loss) {
        LayerInfo last = d.layers().isEmpty() ? null : d.layers().get(d.layers().size() - 1);
        boolean sigmoid = last != null && (last.kind().equals("Sigmoid") || last.kind().startsWith("Sigmoid("));
        String where = last == null ? "has no layers" : "ends in '" + last.name() + "' " + last.kind();
        if (loss.readsProbabilities() && !sigmoid) {
            throw new IllegalArgumentException("the " + loss.name() + " loss reads probabilities but " + d.displayName()
                    + " " + where + ": end it with a @Sigmoid layer, or use the loss bce-logits, which takes"
                    + " raw scores");
        }
        if (!loss.readsProbabilities() && sigmoid) {
            throw new IllegalArgumentException("the " + loss.name() + " loss reads raw scores but " + d.displayName()
                    + " " + where + ": remove that @Sigmoid layer"
                    + (loss.name().equals("bce-logits") ? " (bce-logits applies the sigmoid itself)" : "")
                    + ", or use the loss bce");
        }
    }

    /**
     * Feeds the generator from {@code source} instead of the spec's noise: to replay a recorded run,
     * or to try another distribution without recompiling.
     *
     * @param source gives the generator's input, {@code inputSize} values per sample
     */
    public void replaceNoise(BatchSource source) {
        if (source.sampleSize() != generator.info().inputSize()) {
            throw new IllegalArgumentException("noise source gives " + source.sampleSize() + " values per sample but "
                    + generator.info().displayName() + " reads " + generator.info().inputSize());
        }
        this.noise = source;
    }

    /**
     * How a conditional GAN's fakes are labelled: {@link FakeLabels#uniform} (the default) or
     * {@link FakeLabels#withFrequencies} of the data's {@link LabelledData#classCounts()}.
     *
     * @param labels the draw, of the networks' class count
     */
    public void drawFakeLabels(FakeLabels labels) {
        if (fakeLabels == null || labels.classes() != generator.info().classes()) {
            throw new IllegalArgumentException("fake labels of " + labels.classes() + " classes do not fit "
                    + generator.info().displayName() + ", which takes " + generator.info().classes());
        }
        this.fakeLabelDraw = labels;
    }

    /** {@return the statistics of the last iteration (one live instance)} */
    public StepStats stats() {
        return stats;
    }

    /** {@return the run's random generator (for checkpoints)} */
    public Rng rng() {
        return rng;
    }

    /**
     * Runs one iteration: the configured generator and discriminator steps, in order.
     *
     * @return the statistics of this iteration (the live instance {@link #stats()} returns)
     */
    public StepStats iterate() {
        if (config.generatorFirst()) {
            generatorSteps();
            discriminatorSteps();
        } else {
            discriminatorSteps();
            generatorSteps();
        }
        stats.iteration++;
        return stats;
    }

    private void generatorSteps() {
        for (int s = 0; s < config.generatorSteps(); s++) {
            generatorStep();
        }
    }

    private void discriminatorSteps() {
        for (int s = 0; s < config.discriminatorSteps(); s++) {
            discriminatorStep();
        }
    }

    private void generatorStep() {
        generator.zeroGradients();
        // The copy is exactly one batch (forward checks lengths) and, with sharedFakes, is what the
        // next discriminator step sees: the fakes from before this generator update (with their labels).
        makeFakes();
        float[] score = judge(fakeBatch, fakeLabels);
        int n = discriminator.outputBatch(batch);
        float generatorLoss = loss.loss(Term.GENERATOR, config.generatorLabel(), score, n);
        stats.generatorLoss = check(generatorLoss, generator, "generator loss");
        loss.gradient(Term.GENERATOR, config.generatorLabel(), 1f, score, n, discriminator.outputGradient());
        float[] fakeGradient = discriminator.backwardToInput();
        System.arraycopy(fakeGradient, 0, generator.outputGradient(), 0, batch * discriminator.info().inputSize());
        generator.backward();
        checkFinite(generator);
        generatorOptimizer.step();
    }

    private void discriminatorStep() {
        discriminator.zeroGradients();
        float scale = config.discriminatorLoss() == TrainingConfig.LossCombination.MEAN ? 0.5f : 1f;
        int n = discriminator.outputBatch(batch);

        if (realLabels != null) {
            ((LabelledData) data).next(realBatch, realLabels, batch, rng);
        } else {
            data.next(realBatch, batch, rng);
        }
        float[] score = judge(realBatch, realLabels);
        float realLoss = check(loss.loss(Term.REAL, config.realLabel(), score, n), discriminator,
                "discriminator loss on real data");
        stats.realScore = loss.meanScore(score, n);
        loss.gradient(Term.REAL, config.realLabel(), scale, score, n, discriminator.outputGradient());
        discriminator.backward();

        if (!config.sharedFakes()) {
            makeFakes();
        }
        score = judge(fakeBatch, fakeLabels);
        float fakeLoss = check(loss.loss(Term.FAKE, config.fakeLabel(), score, n), discriminator,
                "discriminator loss on fakes");
        stats.fakeScore = loss.meanScore(score, n);
        loss.gradient(Term.FAKE, config.fakeLabel(), scale, score, n, discriminator.outputGradient());
        discriminator.backward();

        stats.discriminatorRealLoss = realLoss;
        stats.discriminatorFakeLoss = fakeLoss;
        stats.discriminatorLoss = scale * (realLoss + fakeLoss);
        checkFinite(discriminator);
        discriminatorOptimizer.step();
        loss.afterDiscriminatorStep(discriminator);
    }

    /** Fresh noise (then, for a conditional GAN, fresh labels) through the generator into {@link #fakeBatch}. */
    private void makeFakes() {
        noise.next(noiseBatch, batch, rng);
        float[] fakes;
        if (fakeLabels != null) {
            fakeLabelDraw.draw(fakeLabels, batch, rng);
            fakes = generator.forward(noiseBatch, fakeLabels, batch);
        } else {
            fakes = generator.forward(noiseBatch, batch);
        }
        System.arraycopy(fakes, 0, fakeBatch, 0, fakeBatch.length);
    }

    /** The discriminator's scores of a batch (with its labels, for a conditional GAN). */
    private float[] judge(float[] samples, int[] labels) {
        return labels != null ? discriminator.forward(samples, labels, batch) : discriminator.forward(samples, batch);
    }

    private float check(float loss, Network network, String what) {
        if (!Float.isFinite(loss)) {
            throw new TrainingDivergedException(network.info().displayName(), null,
                    TrainingDivergedException.What.LOSS, what, stats.iteration + 1, -1, loss);
        }
        return loss;
    }

    /** Gradients, then parameters, of the network about to step: cheap unless one is bad. */
    private void checkFinite(Network network) {
        if (finiteScan.scan(network.gradients(), network.parameters(), network.parallel())) {
            return;
        }
        check(network, network.gradients(), TrainingDivergedException.What.GRADIENT, "gradient");
        check(network, network.parameters(), TrainingDivergedException.What.PARAMETER, "parameter");
    }

    private void check(Network network, float[] values, TrainingDivergedException.What what, String name) {
        if (Finite.all(values)) {
            return;
        }
        int k = Finite.firstNonFinite(values);
        var layer = network.info().layerOfParameter(k);
        throw new TrainingDivergedException(network.info().displayName(), layer != null ? layer.name() : "?", what,
                name, stats.iteration + 1, k, values[k]);
    }
}

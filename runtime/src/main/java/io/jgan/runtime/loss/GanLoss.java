package io.jgan.runtime.loss;

import io.jgan.runtime.Network;
import java.util.List;
import java.util.Locale;

/**
 * The loss of a GAN: what the discriminator minimises on real samples and on fakes, and what the
 * generator minimises on its fakes, each a mean over the batch of the discriminator's scores
 * {@code x}. One of {@link #bce()}, {@link #bceWithLogits()}, {@link #leastSquares()},
 * {@link #hinge()} and {@link #wasserstein()}, or {@link #byName(String)}:
 * <pre>{@code
 * TrainingConfig config = TrainingConfig.defaults(64).withLoss(GanLoss.hinge());
 * }</pre>
 *
 * <p>The losses with labels read the trainer's real, fake and generator labels (1, 0 and 1 unless
 * smoothed); the others have none. The discriminator's last layer must fit the loss: a
 * {@code @Sigmoid} for {@link #bce()}, which reads probabilities, and no {@code @Sigmoid} for the
 * others, which read raw scores. The trainer checks both.
 */
public interface GanLoss {

    /** Which of the three losses of a GAN step is meant. */
    enum Term {
        /** The discriminator's loss on real samples (target: the real label). */
        REAL,
        /** The discriminator's loss on fakes (target: the fake label). */
        FAKE,
        /** The generator's loss on its fakes, seen through the discriminator (target: the generator label). */
        GENERATOR
    }

    /** {@return the loss's name, as {@link #byName(String)} reads it, e.g. {@code bce-logits}} */
    String name();

    /** {@return whether the scores are probabilities (a discriminator ending in a sigmoid) rather than raw scores} */
    boolean readsProbabilities();

    /** {@return whether the loss reads the trainer's labels (label smoothing applies only then)} */
    default boolean usesLabels() {
        return true;
    }

    /**
     * {@return the mean loss of one term over scores {@code x[0 .. n)}}
     *
     * @param term which loss
     * @param label the term's target, for losses that {@link #usesLabels() use labels}
     * @param x the discriminator's scores, one per sample
     * @param n how many of them
     */
    float loss(Term term, float label, float[] x, int n);

    /**
     * Writes into {@code dst[0 .. n)} the gradient of {@code scale * loss(term, label, x, n)} with
     * respect to each score.
     *
     * @param term which loss
     * @param label the term's target, for losses that {@link #usesLabels() use labels}
     * @param scale factor on the gradient (0.5 when the discriminator's two losses are averaged)
     * @param x the discriminator's scores
     * @param n how many of them
     * @param dst where the gradient goes, {@code n} floats
     */
    void gradient(Term term, float label, float scale, float[] x, int n, float[] dst);

    /**
     * {@return the mean "D(x)" to report: the mean probability for the losses on probabilities or
     * logits, the mean raw score for the others}
     *
     * @param x the discriminator's scores
     * @param n how many of them
     */
    default float meanScore(float[] x, int n) {
        return BinaryCrossEntropy.mean(x, n);
    }

    /**
     * Called after every discriminator optimizer step, e.g. to clip its weights (WGAN). Does nothing
     * by default.
     *
     * @param discriminator the discriminator that just stepped
     */
    default void afterDiscriminatorStep(Network discriminator) {}

    /**
     * {@return binary cross-entropy on probabilities, PyTorch's {@code nn.BCELoss}: the seeds' loss}
     * {@code mean(-(y log p + (1 - y) log(1 - p)))} against the labels; see {@link BceLoss}.
     */
    static GanLoss bce() {
        return new BceLoss();
    }

    /**
     * {@return binary cross-entropy on logits, PyTorch's {@code nn.BCEWithLogitsLoss}}
     * {@code mean(-(y log sigmoid(x) + (1 - y) log(1 - sigmoid(x))))}, stable for any score; see
     * {@link BceWithLogitsLoss}.
     */
    static GanLoss bceWithLogits() {
        return new BceWithLogitsLoss();
    }

    /**
     * {@return the least-squares loss of LSGAN, PyTorch's {@code nn.MSELoss} against the labels}
     * {@code mean((x - y)^2)}; see {@link LeastSquaresLoss}.
     */
    static GanLoss leastSquares() {
        return new LeastSquaresLoss();
    }

    /**
     * {@return the hinge loss (SAGAN, BigGAN)} Real {@code mean(relu(1 - x))}, fake
     * {@code mean(relu(1 + x))}, generator {@code -mean(x)}; see {@link HingeLoss}.
     */
    static GanLoss hinge() {
        return new HingeLoss();
    }

    /**
     * {@return the Wasserstein loss with the discriminator's weights clipped to [-0.01, 0.01] (WGAN)}
     * Real {@code -mean(x)}, fake {@code mean(x)}, generator {@code -mean(x)}; train with several
     * critic steps per generator step; see {@link WassersteinLoss}.
     */
    static GanLoss wasserstein() {
        return new WassersteinLoss(WassersteinLoss.DEFAULT_CLIP);
    }

    /**
     * {@return the Wasserstein loss with the discriminator's weights clipped to [-clip, clip] (WGAN)}
     *
     * @param clip the clipping bound, a finite number {@code > 0}
     */
    static GanLoss wasserstein(double clip) {
        return new WassersteinLoss(clip);
    }

    /** {@return the names {@link #byName(String)} accepts, in a fixed order} */
    static List<String> names() {
        return List.of(BceLoss.NAME, BceWithLogitsLoss.NAME, LeastSquaresLoss.NAME, HingeLoss.NAME,
                WassersteinLoss.NAME);
    }

    /**
     * {@return the loss of that name, with its default settings}
     *
     * @param name one of {@link #names()}, case-insensitive
     * @throws IllegalArgumentException naming the choices, if there is no such loss
     */
    static GanLoss byName(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        switch (key) {
            case BceLoss.NAME:
                return bce();
            case BceWithLogitsLoss.NAME:
                return bceWithLogits();
            case LeastSquaresLoss.NAME:
                return leastSquares();
            case HingeLoss.NAME:
                return hinge();
            case WassersteinLoss.NAME:
                return wasserstein();
            default:
                throw new IllegalArgumentException("unknown loss '" + name + "'; choose one of "
                        + String.join(", ", names()));
        }
    }
}

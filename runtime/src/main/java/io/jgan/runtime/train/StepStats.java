package io.jgan.runtime.train;

/**
 * What the last training iteration measured. One instance per trainer, overwritten each iteration
 * (no allocation per step): copy the values you keep.
 */
public final class StepStats {
    /** Iterations completed, counting this one. */
    public long iteration;
    /** The discriminator's loss in its last step this iteration. */
    public float discriminatorLoss = Float.NaN;
    /** The discriminator's loss on the real batch alone in its last step (the seed's "D real error"). */
    public float discriminatorRealLoss = Float.NaN;
    /** The discriminator's loss on the fake batch alone in its last step (the seed's "D fake error"). */
    public float discriminatorFakeLoss = Float.NaN;
    /** The generator's loss in its last step this iteration. */
    public float generatorLoss = Float.NaN;
    /**
     * Mean D(x) over the last real batch: a probability for the bce and bce-logits losses, the raw score
     * for the others.
     */
    public float realScore = Float.NaN;
    /** Mean D(G(z)) over the last fake batch the discriminator saw, as {@link #realScore}. */
    public float fakeScore = Float.NaN;

    /** Statistics before any iteration: iteration 0, NaN everywhere else. */
    public StepStats() {}

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "iteration %d: D loss %.4f, G loss %.4f, D(x) %.3f, D(G(z)) %.3f",
                iteration, discriminatorLoss, generatorLoss, realScore, fakeScore);
    }
}

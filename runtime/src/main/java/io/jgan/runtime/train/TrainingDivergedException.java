package io.jgan.runtime.train;

/**
 * A loss, gradient or parameter became NaN or infinite. Thrown before the optimizer applies the bad
 * step, so the parameters are still those of the last good step.
 *
 * <p>The fields say where: which network, which layer (for a gradient or parameter), what went bad
 * and at which iteration, so a caller can react (stop, or roll back with a lower learning rate: see
 * {@link DivergencePolicy}).
 */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What became non-finite. */
    public enum What {
        /** A loss value. */
        LOSS,
        /** A gradient of a parameter, after the backward pass. */
        GRADIENT,
        /** A parameter, before the optimizer step. */
        PARAMETER
    }

    /** The network's display name. */
    private final String network;
    /** The layer's name, null for a loss. */
    private final String layer;
    /** What became non-finite. */
    private final What what;
    /** The iteration, counting from 1. */
    private final long iteration;
    /** The index into the flat array, -1 for a loss. */
    private final int index;
    /** The bad value. */
    private final float value;

    /**
     * A divergence with its location; the message is built from the fields.
     *
     * @param network the network's display name, e.g. {@code VanillaGan generator}
     * @param layer the layer's name, or null for a loss
     * @param what what became non-finite
     * @param detail e.g. {@code discriminator loss on fakes}, or the array name
     * @param iteration the iteration (counting from 1) that diverged
     * @param index the index into the flat parameter or gradient array, -1 for a loss
     * @param value the bad value
     */
    public TrainingDivergedException(String network, String layer, What what, String detail, long iteration, int index,
            float value) {
        super(network + ": " + detail + (layer != null ? " of layer " + layer : "")
                + (index >= 0 ? " [" + index + "]" : "") + " is " + value + " at iteration " + iteration
                + "; no update was applied. Lower the learning rate, or check the data for NaN/infinite values");
        this.network = network;
        this.layer = layer;
        this.what = what;
        this.iteration = iteration;
        this.index = index;
        this.value = value;
    }

    /**
     * The message says which network, what and at which iteration.
     *
     * @param message the explanation
     */
    public TrainingDivergedException(String message) {
        super(message);
        this.network = null;
        this.layer = null;
        this.what = null;
        this.iteration = -1;
        this.index = -1;
        this.value = Float.NaN;
    }

    /** {@return the network's display name, or null if unknown} */
    public String network() {
        return network;
    }

    /** {@return the layer's name, or null for a loss or if unknown} */
    public String layer() {
        return layer;
    }

    /** {@return what became non-finite, or null if unknown} */
    public What what() {
        return what;
    }

    /** {@return the iteration that diverged (counting from 1), or -1 if unknown} */
    public long iteration() {
        return iteration;
    }

    /** {@return the index into the flat parameter or gradient array, or -1} */
    public int index() {
        return index;
    }

    /** {@return the bad value (NaN or an infinity)} */
    public float value() {
        return value;
    }
}

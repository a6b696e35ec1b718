package io.jgan.runtime.train;

/**
 * A loss, gradient or parameter became NaN or infinite. Thrown before the optimizer applies the bad
 * step, so the parameters are still those of the last good step.
 */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * The message says which network, what and at which iteration.
     *
     * @param message the explanation
     */
    public TrainingDivergedException(String message) {
        super(message);
    }
}

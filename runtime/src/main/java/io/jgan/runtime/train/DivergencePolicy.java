package io.jgan.runtime.train;

/**
 * What a training run does when a step diverges ({@link TrainingDivergedException}): stop (the
 * default), or roll back to the last good checkpoint, multiply the learning rates by
 * {@code learningRateFactor} and continue, at most {@code maxRollbacks} times in a run.
 *
 * @param rollback roll back and continue instead of stopping
 * @param learningRateFactor multiplies both learning rates at each rollback, in (0, 1]
 * @param maxRollbacks rollbacks allowed in one run; the next divergence stops it
 */
public record DivergencePolicy(boolean rollback, double learningRateFactor, int maxRollbacks) {
    /** Stop at the first divergence: the exception reaches the caller. */
    public static final DivergencePolicy STOP = new DivergencePolicy(false, 1.0, 0);

    /**
     * Validates.
     *
     * @param rollback roll back and continue instead of stopping
     * @param learningRateFactor multiplies both learning rates at each rollback, in (0, 1]
     * @param maxRollbacks rollbacks allowed in one run
     */
    public DivergencePolicy {
        if (!(learningRateFactor > 0 && learningRateFactor <= 1) || maxRollbacks < 0) {
            throw new IllegalArgumentException("learningRateFactor must be in (0, 1] and maxRollbacks >= 0, were "
                    + learningRateFactor + ", " + maxRollbacks);
        }
    }

    /**
     * {@return roll back, halve the learning rates, at most {@code maxRollbacks} times}
     *
     * @param maxRollbacks rollbacks allowed in one run
     */
    public static DivergencePolicy rollbackHalving(int maxRollbacks) {
        return new DivergencePolicy(true, 0.5, maxRollbacks);
    }

    /**
     * {@return the policy for a command-line value: {@code stop} or {@code rollback} (halving, at most 5 times)}
     *
     * @param name {@code stop} or {@code rollback}
     */
    public static DivergencePolicy byName(String name) {
        return switch (name) {
            case "stop" -> STOP;
            case "rollback" -> rollbackHalving(5);
            default -> throw new IllegalArgumentException("divergence policy must be stop or rollback, was " + name);
        };
    }
}

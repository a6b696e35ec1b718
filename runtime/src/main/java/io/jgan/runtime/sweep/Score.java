package io.jgan.runtime.sweep;

import io.jgan.runtime.Network;
import io.jgan.runtime.Rng;
import java.io.Serializable;

/**
 * How good a trained generator is: one number per trial, by which a sweep's results are sorted.
 * Serializable, so that a cluster can ship it to the machines that train. Implement it for your
 * own measure; {@link ModesCovered} and {@link MarginalKs} are ready-made.
 */
public interface Score extends Serializable {

    /**
     * {@return the score of a trained generator}
     *
     * @param generator the trained generator (its averaged parameters if the trial kept an average),
     *     in inference mode
     * @param rng the noise to sample with: the same for a trial wherever it runs
     */
    double score(Network generator, Rng rng);

    /** {@return the score's name, the column heading of the results} */
    String name();

    /** {@return whether a higher score is better (a distance is better lower)} */
    default boolean higherIsBetter() {
        return true;
    }
}

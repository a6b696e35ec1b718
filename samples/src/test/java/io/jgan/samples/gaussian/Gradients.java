package io.jgan.samples.gaussian;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Locale;

/** Compares an analytic gradient with a finite-difference one, like llm.c's {@code check_tensor}. */
final class Gradients {
    private Gradients() {}

    /**
     * Fails unless every {@code |analytic - numeric| <= absolute + relative * |numeric|}; the message
     * gives the largest difference and the first index out of tolerance.
     */
    static void check(String what, float[] analytic, double[] numeric, int n, double absolute, double relative) {
        double worst = 0;
        int worstAt = -1;
        int firstBad = -1;
        for (int k = 0; k < n; k++) {
            double diff = Math.abs(analytic[k] - numeric[k]);
            if (diff > worst) {
                worst = diff;
                worstAt = k;
            }
            if (firstBad < 0 && !(diff <= absolute + relative * Math.abs(numeric[k]))) {
                firstBad = k;
            }
        }
        if (firstBad >= 0) {
            fail(String.format(Locale.ROOT, "%s: max |difference| %.3g at [%d]; first out of tolerance at [%d]:"
                    + " analytic %.6g, numeric %.6g", what, worst, worstAt, firstBad, analytic[firstBad],
                    numeric[firstBad]));
        }
    }
}

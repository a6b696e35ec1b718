package io.jgan.samples.gaussian;

import io.jgan.runtime.Network;
import io.jgan.runtime.Rng;
import io.jgan.testing.GradientCheck;
import io.jgan.testing.GradientCheck.Tolerance;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The seed's whole discriminator, {@code @Moments} then three dense layers with sigmoids, against
 * central differences of its own output: the gradient with respect to every input value (what the
 * generator trains on) and to every parameter (what the discriminator trains on).
 */
class DiscriminatorGradientTest {
    private static final int N = 8;
    /** One output in (0, 1) in float32: central differences carry about 1e-5 of rounding. */
    private static final Tolerance TOLERANCE = new Tolerance(5e-5, 2e-2);

    private static Network discriminator() {
        Network d = new GaussianSeed_Discriminator(N);
        d.initialize(new Rng(3));
        // Larger weights than the default init, so that every path carries a visible gradient.
        float[] p = d.parameters();
        for (int k = 0; k < p.length; k++) {
            p[k] *= 3;
        }
        return d;
    }

    private static float[] batch() {
        float[] x = new float[N];
        new GaussianData(0.5, 1.25).next(x, N, new Rng(5));
        return x;
    }

    @Test
    void inputGradientMatchesCentralDifferences() {
        Network d = discriminator();
        float[] x = batch();
        d.forward(x, N);
        d.outputGradient()[0] = 1f;
        float[] analytic = Arrays.copyOf(d.backwardToInput(), N);
        GradientCheck.Numeric numeric = GradientCheck.centralDifferences(x, () -> d.forward(x, N)[0], d);
        GradientCheck.compare("dD/dx", analytic, numeric, GradientCheck.inputNames(d.info()), TOLERANCE)
                .orThrow().requireNonZero();
    }

    @Test
    void parameterGradientsMatchCentralDifferences() {
        Network d = discriminator();
        float[] x = batch();
        d.zeroGradients();
        d.forward(x, N);
        d.outputGradient()[0] = 1f;
        d.backward();
        float[] analytic = d.gradients().clone();
        GradientCheck.Numeric numeric = GradientCheck.centralDifferences(d.parameters(), () -> d.forward(x, N)[0], d);
        GradientCheck.compare("dD/dparams", analytic, numeric, GradientCheck.parameterNames(d.info()), TOLERANCE)
                .orThrow().requireNonZero();
    }
}

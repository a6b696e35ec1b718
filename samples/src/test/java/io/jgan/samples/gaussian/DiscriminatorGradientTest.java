package io.jgan.samples.gaussian;

import io.jgan.runtime.Network;
import io.jgan.runtime.Rng;
import org.junit.jupiter.api.Test;

/**
 * The seed's whole discriminator, {@code @Moments} then three dense layers with sigmoids, against
 * central differences of its own output: the gradient with respect to every input value (what the
 * generator trains on) and to every parameter (what the discriminator trains on).
 */
class DiscriminatorGradientTest {
    private static final int N = 8;
    private static final float EPS = 1e-2f;

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
        float[] analytic = d.backwardToInput().clone();
        double[] numeric = new double[N];
        for (int k = 0; k < N; k++) {
            float[] plus = x.clone();
            float[] minus = x.clone();
            plus[k] += EPS;
            minus[k] -= EPS;
            double up = d.forward(plus, N)[0];
            double down = d.forward(minus, N)[0];
            numeric[k] = (up - down) / ((double) plus[k] - minus[k]);
        }
        Gradients.check("dD/dx", analytic, numeric, N, 2e-5, 2e-2);
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
        float[] p = d.parameters();
        double[] numeric = new double[p.length];
        for (int k = 0; k < p.length; k++) {
            float saved = p[k];
            p[k] = saved + EPS;
            double up = d.forward(x, N)[0];
            float stepUp = p[k];
            p[k] = saved - EPS;
            double down = d.forward(x, N)[0];
            numeric[k] = (up - down) / ((double) stepUp - p[k]);
            p[k] = saved;
        }
        Gradients.check("dD/dparams", analytic, numeric, p.length, 2e-5, 2e-2);
    }
}

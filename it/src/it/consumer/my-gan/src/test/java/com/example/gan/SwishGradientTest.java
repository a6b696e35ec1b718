package com.example.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.Network;
import io.jgan.runtime.Networks;
import io.jgan.runtime.Rng;
import org.junit.jupiter.api.Test;

/**
 * Finite-difference check of the generated backward passes through the custom Swish layer: for
 * L = sum(c * output) with random c, every analytic dL/dparam and dL/dinput must match
 * (L(p + h) - L(p - h)) / 2h.
 */
class SwishGradientTest {
    private static final int BATCH = 3;
    private static final double H = 1e-2;
    private static final double TOLERANCE = 2e-3;

    @Test
    void generatorParameterGradients() {
        Network g = Networks.generator(SwishCheck.class, BATCH);
        g.initialize(new Rng(1));
        float[] noise = random(BATCH * 3, 2);
        float[] c = random(BATCH * 3, 3);
        g.forward(noise, BATCH);
        System.arraycopy(c, 0, g.outputGradient(), 0, c.length);
        g.zeroGradients();
        g.backward();
        float[] analytic = g.gradients().clone();
        float[] p = g.parameters();
        assertEquals("[Dense(units = 4), Swish(beta = 0.7), Dense(units = 3)]", kinds(g));
        check("G params", analytic, p, () -> loss(g, noise, c));
    }

    @Test
    void discriminatorInputAndParameterGradients() {
        Network d = Networks.discriminator(SwishCheck.class, BATCH);
        d.initialize(new Rng(4));
        float[] x = random(BATCH * 3, 5);
        float[] c = random(BATCH, 6);

        d.forward(x, BATCH);
        System.arraycopy(c, 0, d.outputGradient(), 0, c.length);
        float[] inputGradient = d.backwardToInput().clone();
        check("D input", java.util.Arrays.copyOf(inputGradient, x.length), x, () -> loss(d, x, c));

        d.forward(x, BATCH);
        System.arraycopy(c, 0, d.outputGradient(), 0, c.length);
        d.zeroGradients();
        d.backward();
        check("D params", d.gradients().clone(), d.parameters(), () -> loss(d, x, c));
    }

    private static String kinds(Network n) {
        return n.info().layers().stream().map(l -> l.kind()).toList().toString();
    }

    /** Compares each analytic derivative with a central difference over {@code values[i]}. */
    private static void check(String what, float[] analytic, float[] values, java.util.function.DoubleSupplier loss) {
        double worst = 0;
        int worstIndex = -1;
        for (int i = 0; i < values.length; i++) {
            float saved = values[i];
            values[i] = (float) (saved + H);
            double plus = loss.getAsDouble();
            values[i] = (float) (saved - H);
            double minus = loss.getAsDouble();
            values[i] = saved;
            double numeric = (plus - minus) / (2 * H);
            double diff = Math.abs(numeric - analytic[i]) / Math.max(1, Math.abs(numeric));
            if (diff > worst) {
                worst = diff;
                worstIndex = i;
            }
        }
        System.out.printf("%s: max difference %.2e at index %d of %d%n", what, worst, worstIndex, values.length);
        assertTrue(worst < TOLERANCE, what + ": max difference " + worst + " at index " + worstIndex);
    }

    private static double loss(Network n, float[] input, float[] c) {
        float[] out = n.forward(input, BATCH);
        double l = 0;
        for (int k = 0; k < c.length; k++) {
            l += c[k] * (double) out[k];
        }
        return l;
    }

    private static float[] random(int n, long seed) {
        Rng rng = new Rng(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (2 * rng.nextDouble() - 1);
        }
        return a;
    }
}

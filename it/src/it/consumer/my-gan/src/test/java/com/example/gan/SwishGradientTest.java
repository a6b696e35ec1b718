package com.example.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jgan.runtime.Network;
import io.jgan.runtime.Networks;
import io.jgan.runtime.Rng;
import io.jgan.testing.GradientCheck;
import org.junit.jupiter.api.Test;

/**
 * Finite-difference check of the generated backward passes through the custom Swish layer: for
 * L = sum(c * output) with random c, every analytic dL/dparam and dL/dinput must match the central
 * difference (L(p + h) - L(p - h)) / 2h. GradientCheck throws an AssertionError naming the first bad
 * entry when one does not.
 */
class SwishGradientTest {
    private static final int BATCH = 3;

    @Test
    void generatorParameterGradients() {
        Network g = Networks.generator(SwishCheck.class, BATCH);
        g.initialize(new Rng(1));
        assertEquals("[Dense(units = 4), Swish(beta = 0.7), Dense(units = 3)]", kinds(g));

        GradientCheck check = new GradientCheck(g, BATCH, 2);
        System.out.println(check.checkParameters().report());
    }

    @Test
    void discriminatorInputAndParameterGradients() {
        Network d = Networks.discriminator(SwishCheck.class, BATCH);
        d.initialize(new Rng(4));

        GradientCheck check = new GradientCheck(d, BATCH, 5);
        System.out.println(check.checkInput().report());
        System.out.println(check.checkParameters().report());
    }

    private static String kinds(Network n) {
        return n.info().layers().stream().map(l -> l.kind()).toList().toString();
    }
}

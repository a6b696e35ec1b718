package io.jgan.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jgan.runtime.generated.LayerInfo;
import io.jgan.runtime.Network;
import io.jgan.runtime.NetworkInfo;
import io.jgan.runtime.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdamTest {
    static final float[] START = {0.5f, -1.25f, 2.0f};
    static final float[][] GRADS = {{0.1f, -0.2f, 0.3f}, {0.05f, 0.4f, -0.3f}, {-0.2f, 0.0f, 1.0f}};

    /**
     * PyTorch's Adam written out in double: m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2;
     * p -= lr * (m / (1-b1^t)) / (sqrt(v / (1-b2^t)) + eps). Returns the parameters after each step.
     */
    static double[][] byHand(double lr, double b1, double b2, double eps) {
        double[] p = new double[START.length];
        double[] m = new double[START.length];
        double[] v = new double[START.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = START[k];
        }
        double[][] after = new double[GRADS.length][];
        for (int t = 1; t <= GRADS.length; t++) {
            for (int k = 0; k < p.length; k++) {
                double g = GRADS[t - 1][k];
                m[k] = b1 * m[k] + (1 - b1) * g;
                v[k] = b2 * v[k] + (1 - b2) * g * g;
                double mHat = m[k] / (1 - Math.pow(b1, t));
                double vHat = v[k] / (1 - Math.pow(b2, t));
                p[k] -= lr * mHat / (Math.sqrt(vHat) + eps);
            }
            after[t - 1] = p.clone();
        }
        return after;
    }

    /** Runs the three steps; returns the parameters after each. */
    static float[][] run(Optimizer optimizer, float[] params, float[] grads) {
        float[][] after = new float[GRADS.length][];
        for (int t = 0; t < GRADS.length; t++) {
            System.arraycopy(GRADS[t], 0, grads, 0, grads.length);
            optimizer.step();
            after[t] = params.clone();
        }
        return after;
    }

    private static void assertClose(double[][] expected, float[][] actual, double tolerance) {
        for (int t = 0; t < expected.length; t++) {
            for (int k = 0; k < expected[t].length; k++) {
                assertEquals(expected[t][k], actual[t][k], tolerance, "step " + (t + 1) + ", parameter " + k);
            }
        }
    }

    @Test
    void matchesTheFormulaWithDefaultBetas() {
        float[] params = START.clone();
        float[] grads = new float[3];
        float[][] after = run(new Adam(params, grads, 0.01, 0.9, 0.999, 1e-8), params, grads);
        assertClose(byHand(0.01, 0.9, 0.999, 1e-8), after, 1e-6);
    }

    @Test
    void matchesTheFormulaWithOtherHyperparameters() {
        float[] params = START.clone();
        float[] grads = new float[3];
        float[][] after = run(new Adam(params, grads, 0.1, 0.8, 0.99, 1e-3), params, grads);
        assertClose(byHand(0.1, 0.8, 0.99, 1e-3), after, 1e-6);
    }

    @Test
    void matchesPyTorch() {
        // Literal values from PyTorch 1.13 (python3-torch): p = torch.tensor(START, requires_grad=True);
        // opt = torch.optim.Adam([p], lr=...); for each g in GRADS: p.grad = torch.tensor(g); opt.step().
        // jgan reproduces them bit for bit, so the comparison is exact.
        float[] params = START.clone();
        float[] grads = new float[3];
        float[][] after = run(new Adam(params, grads, 0.01, 0.9, 0.999, 1e-8), params, grads);
        assertArrayEquals(new float[] {0.49f, -1.24f, 1.99f}, after[0]);
        assertArrayEquals(new float[] {0.4806782f, -1.243661f, 1.9905263f}, after[1]);
        assertArrayEquals(new float[] {0.48274177f, -1.2464911f, 1.9848037f}, after[2]);

        params = START.clone();
        after = run(new Adam(params, grads, 0.1, 0.8, 0.99, 1e-3), params, grads); // betas=(0.8, 0.99), eps=1e-3
        assertArrayEquals(new float[] {0.4009901f, -1.1504976f, 1.9003322f}, after[0]);
        assertArrayEquals(new float[] {0.31064194f, -1.1924653f, 1.9114064f}, after[1]);
        assertArrayEquals(new float[] {0.3400763f, -1.2228545f, 1.8495338f}, after[2]);
    }

    @Test
    void firstStepMovesEachParameterByTheLearningRateAgainstTheGradientSign() {
        // At t = 1, m_hat = g and v_hat = g^2, so the step is lr * g / (|g| + eps) ~ lr * sign(g).
        float[] params = {1f, 1f, 1f};
        float[] grads = {3f, -0.001f, 0f};
        new Adam(params, grads, 0.5, 0.9, 0.999, 1e-8).step();
        assertEquals(0.5f, params[0], 1e-6f);
        assertEquals(1.5f, params[1], 1e-5f);
        assertEquals(1f, params[2], "a zero gradient leaves the parameter alone");
    }

    @Test
    void keepsMomentsAsStateBuffersAndCountsSteps() {
        float[] params = START.clone();
        float[] grads = GRADS[0].clone();
        Adam adam = new Adam(params, grads, 0.01, 0.9, 0.999, 1e-8);
        assertEquals(0, adam.stepCount());
        adam.step();
        assertEquals(1, adam.stepCount());
        float[][] state = adam.stateBuffers();
        assertEquals(2, state.length);
        for (int k = 0; k < 3; k++) {
            assertEquals(0.1f * GRADS[0][k], state[0][k], 1e-8f, "m = (1 - b1) g");
            assertEquals(0.001f * GRADS[0][k] * GRADS[0][k], state[1][k], 1e-10f, "v = (1 - b2) g^2");
        }
        assertSame(state[0], adam.stateBuffers()[0], "live arrays, for checkpoints");
        adam.step();
        adam.step();
        assertEquals(3, adam.stepCount());
        // After three steps with the same gradient: m = (1 - b1)(1 + b1 + b1^2) g.
        float g = GRADS[0][0];
        assertEquals((0.1 * 0.81 + 0.1 * 0.9 + 0.1) * g, state[0][0], 1e-7);
    }

    @Test
    void restoredStepCountAndStateContinueTheRun() {
        float[] params = START.clone();
        float[] grads = new float[3];
        Adam original = new Adam(params, grads, 0.01, 0.9, 0.999, 1e-8);
        float[][] straight = run(original, params, grads);

        // Run step 1, then carry its state into a fresh optimizer, as a checkpoint would.
        float[] params2 = START.clone();
        float[] grads2 = GRADS[0].clone();
        Adam first = new Adam(params2, grads2, 0.01, 0.9, 0.999, 1e-8);
        first.step();
        Adam resumed = new Adam(params2, grads2, 0.01, 0.9, 0.999, 1e-8);
        resumed.setStepCount(first.stepCount());
        for (int b = 0; b < 2; b++) {
            System.arraycopy(first.stateBuffers()[b], 0, resumed.stateBuffers()[b], 0, 3);
        }
        for (int t = 1; t < 3; t++) {
            System.arraycopy(GRADS[t], 0, grads2, 0, 3);
            resumed.step();
        }
        assertArrayEquals(straight[2], params2, "bit for bit");
        assertEquals(3, resumed.stepCount());
    }

    @Test
    void learningRateCanBeChangedBetweenSteps() {
        float[] params = START.clone();
        float[] grads = GRADS[0].clone();
        Adam adam = new Adam(params, grads, 0.01, 0.9, 0.999, 1e-8);
        assertEquals(0.01, adam.learningRate());
        adam.step();
        adam.setLearningRate(0.001);
        assertEquals(0.001, adam.learningRate());
        float[] before = params.clone();
        adam.step(); // the same gradient again: m_hat = g, v_hat = g^2, so the step is ~ lr * sign(g)
        for (int k = 0; k < 3; k++) {
            assertEquals(-0.001 * Math.signum(GRADS[0][k]), params[k] - before[k], 1e-7);
        }
    }

    @Test
    void networkConstructorUsesPyTorchDefaultsOnTheNetworksArrays() {
        Network net = new Network(new NetworkInfo("test.Two", NetworkInfo.Role.DISCRIMINATOR, 1, 1, 3,
                List.<LayerInfo>of(), null), 1, false) {
            @Override
            protected void forwardLayers(int batch) {}

            @Override
            protected void backwardParameterLayers(int batch) {}

            @Override
            protected void initializeLayers(Rng rng) {}
        };
        System.arraycopy(START, 0, net.parameters(), 0, 3);
        Adam adam = new Adam(net, 0.01);
        assertEquals("Adam(lr=0.01, betas=(0.9, 0.999), eps=1.0E-8)", adam.toString());
        float[][] after = run(adam, net.parameters(), net.gradients());
        assertClose(byHand(0.01, 0.9, 0.999, 1e-8), after, 1e-6);
    }

    private static Network emptyNetwork(int parameters) {
        return new Network(new NetworkInfo("test.Big", NetworkInfo.Role.DISCRIMINATOR, 1, 1, parameters,
                List.<LayerInfo>of(), null), 1, false) {
            @Override
            protected void forwardLayers(int batch) {}

            @Override
            protected void backwardParameterLayers(int batch) {}

            @Override
            protected void initializeLayers(Rng rng) {}
        };
    }

    @Test
    void aLargeUpdateSplitOverTwoThreadsIsBitIdenticalToOneThread() {
        // Large enough to be split, odd so that the parts' boundary is not a round number.
        int n = 3 * Adam.PARALLEL_MIN_ELEMENTS + 7;
        float[][] results = new float[2][];
        for (int threads = 1; threads <= 2; threads++) {
            Network net = emptyNetwork(n);
            net.setThreads(threads);
            Rng rng = new Rng(7);
            for (int k = 0; k < n; k++) {
                net.parameters()[k] = (float) rng.nextGaussian();
            }
            Adam adam = new Adam(net, 0.01);
            for (int step = 0; step < 3; step++) {
                for (int k = 0; k < n; k++) {
                    net.gradients()[k] = (float) rng.nextGaussian();
                }
                adam.step();
            }
            results[threads - 1] = net.parameters().clone();
        }
        for (int k = 0; k < n; k++) {
            assertEquals(Float.floatToRawIntBits(results[0][k]), Float.floatToRawIntBits(results[1][k]), "element " + k);
        }
    }

    @Test
    void rejectsMismatchedArrays() {
        assertThrows(IllegalArgumentException.class, () -> new Adam(new float[3], new float[2], 0.01, 0.9, 0.999, 1e-8));
    }
}

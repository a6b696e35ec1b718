package io.jgan.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SgdMomentumTest {
    private static final float[] START = AdamTest.START;
    private static final float[][] GRADS = AdamTest.GRADS;

    /** PyTorch's SGD with momentum in double: buf = mu buf + g (buf = g at the first step); p -= lr buf. */
    private static double[][] byHand(double lr, double mu) {
        double[] p = new double[START.length];
        double[] buf = new double[START.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = START[k];
        }
        double[][] after = new double[GRADS.length][];
        for (int t = 0; t < GRADS.length; t++) {
            for (int k = 0; k < p.length; k++) {
                buf[k] = t == 0 ? GRADS[t][k] : mu * buf[k] + GRADS[t][k];
                p[k] -= lr * buf[k];
            }
            after[t] = p.clone();
        }
        return after;
    }

    private static void assertClose(double[][] expected, float[][] actual) {
        for (int t = 0; t < expected.length; t++) {
            for (int k = 0; k < expected[t].length; k++) {
                assertEquals(expected[t][k], actual[t][k], 1e-6, "step " + (t + 1) + ", parameter " + k);
            }
        }
    }

    @Test
    void matchesTheFormula() {
        for (double mu : new double[] {0.9, 0.5, 0.0}) {
            float[] params = START.clone();
            float[] grads = new float[3];
            float[][] after = AdamTest.run(new SgdMomentum(params, grads, 0.1, mu), params, grads);
            assertClose(byHand(0.1, mu), after);
        }
    }

    @Test
    void matchesPyTorch() {
        // Literal values from PyTorch 1.13: torch.optim.SGD([p], lr=0.1, momentum=0.9), same steps as AdamTest;
        // reproduced bit for bit, so the comparison is exact.
        float[] params = START.clone();
        float[] grads = new float[3];
        SgdMomentum sgd = new SgdMomentum(params, grads, 0.1, 0.9);
        float[][] after = AdamTest.run(sgd, params, grads);
        assertArrayEquals(new float[] {0.49f, -1.23f, 1.97f}, after[0]);
        assertArrayEquals(new float[] {0.476f, -1.252f, 1.973f}, after[1]);
        assertArrayEquals(new float[] {0.48340002f, -1.2717999f, 1.8757f}, after[2]);
        // momentum_buffer after the three steps
        assertArrayEquals(new float[] {-0.074f, 0.19800001f, 0.973f}, sgd.stateBuffers()[0]);
    }

    @Test
    void firstStepSetsTheBufferToTheGradient() {
        float[] params = START.clone();
        float[] grads = GRADS[0].clone();
        SgdMomentum sgd = new SgdMomentum(params, grads, 0.1, 0.9);
        sgd.stateBuffers()[0][0] = 123f; // garbage in the buffer must not leak into the first step
        sgd.step();
        assertArrayEquals(grads, sgd.stateBuffers()[0], "buf = g, not mu * 0 + g nor (1 - mu) g");
        for (int k = 0; k < 3; k++) {
            assertEquals(START[k] - 0.1f * grads[k], params[k], 1e-7f);
        }
    }

    @Test
    void countsStepsAndHonoursARestoredState() {
        float[] params = START.clone();
        float[] grads = GRADS[1].clone();
        SgdMomentum sgd = new SgdMomentum(params, grads, 0.1, 0.9);
        assertEquals(0, sgd.stepCount());
        // As if restored from a checkpoint after one step with GRADS[0]:
        System.arraycopy(GRADS[0], 0, sgd.stateBuffers()[0], 0, 3);
        sgd.setStepCount(1);
        sgd.step();
        assertEquals(2, sgd.stepCount());
        for (int k = 0; k < 3; k++) {
            assertEquals(0.9f * GRADS[0][k] + GRADS[1][k], sgd.stateBuffers()[0][k], 1e-7f);
        }
    }

    @Test
    void learningRateCanBeChanged() {
        float[] params = {1f};
        float[] grads = {2f};
        SgdMomentum sgd = new SgdMomentum(params, grads, 0.1, 0.9);
        sgd.step(); // buf 2, p = 1 - 0.2
        assertEquals(0.8f, params[0], 1e-7f);
        sgd.setLearningRate(0.01);
        assertEquals(0.01, sgd.learningRate());
        sgd.step(); // buf = 0.9 * 2 + 2 = 3.8, p = 0.8 - 0.038
        assertEquals(0.762f, params[0], 1e-7f);
        assertEquals("SGD(lr=0.01, momentum=0.9)", sgd.toString());
    }

    @Test
    void rejectsMismatchedArrays() {
        assertThrows(IllegalArgumentException.class, () -> new SgdMomentum(new float[2], new float[3], 0.1, 0.9));
    }
}

package io.jgan.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jgan.runtime.generated.LayerInfo;
import io.jgan.runtime.Network;
import io.jgan.runtime.NetworkInfo;
import io.jgan.runtime.Rng;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * RMSprop against PyTorch ({@code runtime/src/test/python/gan_losses_reference.py}), and what every
 * element-wise optimizer shares: a network-built optimizer splits a large update over the network's
 * threads with the same bits as one thread, and refuses invalid hyperparameters in one line.
 */
class ElementwiseOptimizerTest {
    // RMSprop(lr=0.01): parameters after each of three steps
    static final float[] RMSPROP_STEP_1 = {0.40000009536743164f, -0.15000003576278687f, 1.4000000953674316f, -0.09990010410547256f, -1.899999976158142f};
    static final float[] RMSPROP_STEP_2 = {0.35509881377220154f, -0.23953232169151306f, 1.4708881378173828f, -0.09990010410547256f, -1.837339162826538f};
    static final float[] RMSPROP_STEP_3 = {0.4425727427005768f, -0.2614796757698059f, 1.4708881378173828f, -0.19977283477783203f, -1.88004732131958f};
    // RMSprop(lr=0.003, alpha=0.9, eps=1e-6) on one parameter with gradient 0.7, 0.7, -0.1
    static final float RMSPROP_OTHER_1 = -0.00948678981512785f;
    static final float RMSPROP_OTHER_2 = -0.01636923849582672f;
    static final float RMSPROP_OTHER_3 = -0.015338976867496967f;

    private static final float[] START = {0.5f, -0.25f, 1.5f, 0.0f, -2.0f};
    private static final float[][] GRADS = {{0.1f, -0.2f, 0.3f, 1e-4f, -5.0f}, {0.05f, 0.4f, -0.3f, 0.0f, -4.0f},
        {-0.2f, 0.1f, 0.0f, 2e-3f, 3.0f}};

    static Network network(int parameters) {
        return new Network(new NetworkInfo("test.Flat", NetworkInfo.Role.DISCRIMINATOR, 1, 1, parameters,
                List.<LayerInfo>of(), null), 1, false) {
            @Override
            protected void forwardLayers(int batch) {}

            @Override
            protected void backwardParameterLayers(int batch) {}

            @Override
            protected void initializeLayers(Rng rng) {}
        };
    }

    /** Within a unit in the last place or two: PyTorch's sqrt and division are vectorised. */
    private static void assertClose(float[] expected, float[] actual, String what) {
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual[k], 2 * Math.ulp(expected[k]) + 1e-12f, what + " [" + k + "]");
        }
    }

    @Test
    void rmsPropMatchesPyTorchStepByStep() {
        Network net = network(5);
        System.arraycopy(START, 0, net.parameters(), 0, 5);
        RmsProp rms = new RmsProp(net, 0.01);
        float[][] expected = {RMSPROP_STEP_1, RMSPROP_STEP_2, RMSPROP_STEP_3};
        for (int step = 0; step < 3; step++) {
            System.arraycopy(GRADS[step], 0, net.gradients(), 0, 5);
            rms.step();
            assertClose(expected[step], net.parameters(), "step " + (step + 1));
        }
        assertEquals(3, rms.stepCount());
        assertEquals(1, rms.stateBuffers().length);
        assertEquals("RMSprop(lr=0.01, alpha=0.99, eps=1.0E-8)", rms.toString());
    }

    @Test
    void rmsPropWithOtherHyperparametersMatchesPyTorch() {
        Network net = network(1);
        RmsProp rms = new RmsProp(net, 0.003, 0.9, 1e-6);
        float[] grads = {0.7f, 0.7f, -0.1f};
        float[] expected = {RMSPROP_OTHER_1, RMSPROP_OTHER_2, RMSPROP_OTHER_3};
        for (int step = 0; step < 3; step++) {
            net.gradients()[0] = grads[step];
            rms.step();
            assertClose(new float[] {expected[step]}, net.parameters(), "step " + (step + 1));
        }
    }

    @Test
    void adamWithBetasOnANetworkIsTheArrayAdamWithTheNetworksThreads() {
        Network net = network(5);
        System.arraycopy(START, 0, net.parameters(), 0, 5);
        float[] params = START.clone();
        float[] grads = new float[5];
        Adam onNetwork = new Adam(net, 2e-3, 0.5, 0.99);
        Adam onArrays = new Adam(params, grads, 2e-3, 0.5, 0.99, 1e-8);
        for (float[] g : GRADS) {
            System.arraycopy(g, 0, net.gradients(), 0, 5);
            System.arraycopy(g, 0, grads, 0, 5);
            onNetwork.step();
            onArrays.step();
        }
        for (int k = 0; k < 5; k++) {
            assertEquals(Float.floatToRawIntBits(params[k]), Float.floatToRawIntBits(net.parameters()[k]), "" + k);
        }
        assertEquals(0.5, onNetwork.beta1());
        assertEquals(0.99, onNetwork.beta2());
        assertEquals("Adam(lr=0.002, betas=(0.5, 0.99), eps=1.0E-8)", onNetwork.toString());
    }

    /** Adam with betas, SGD and RMSprop: two threads give the bits of one on an update that is split. */
    @Test
    void everyOptimizerSplitsALargeUpdateWithTheSameBitsAsOneThread() {
        List<Function<Network, Optimizer>> optimizers = List.of(n -> new Adam(n, 0.01, 0.5, 0.999),
                n -> new SgdMomentum(n, 0.01, 0.9), n -> new RmsProp(n, 0.01));
        int n = 3 * ElementwiseOptimizer.PARALLEL_MIN_ELEMENTS + 7;
        for (Function<Network, Optimizer> make : optimizers) {
            float[][] results = new float[2][];
            String name = null;
            for (int threads = 1; threads <= 2; threads++) {
                Network net = network(n);
                net.setThreads(threads);
                Rng rng = new Rng(7);
                for (int k = 0; k < n; k++) {
                    net.parameters()[k] = (float) rng.nextGaussian();
                }
                Optimizer optimizer = make.apply(net);
                name = optimizer.toString();
                for (int step = 0; step < 3; step++) {
                    for (int k = 0; k < n; k++) {
                        net.gradients()[k] = (float) rng.nextGaussian();
                    }
                    optimizer.step();
                }
                results[threads - 1] = net.parameters().clone();
            }
            for (int k = 0; k < n; k++) {
                if (Float.floatToRawIntBits(results[0][k]) != Float.floatToRawIntBits(results[1][k])) {
                    assertEquals(results[0][k], results[1][k], name + ": element " + k);
                }
            }
        }
    }

    @Test
    void invalidHyperparametersAreRefusedInOneLine() {
        Network net = network(2);
        assertEquals("Adam: beta1 must be in [0, 1), was 1.0 (PyTorch's defaults are 0.9 and 0.999, DCGAN's 0.5 and"
                + " 0.999)", assertThrows(IllegalArgumentException.class, () -> new Adam(net, 1e-3, 1.0, 0.999))
                        .getMessage());
        assertEquals("Adam: beta2 must be in [0, 1), was -0.1 (PyTorch's defaults are 0.9 and 0.999, DCGAN's 0.5 and"
                + " 0.999)", assertThrows(IllegalArgumentException.class, () -> new Adam(net, 1e-3, 0.5, -0.1))
                        .getMessage());
        assertEquals("Adam: the learning rate must be a finite number >= 0, was NaN",
                assertThrows(IllegalArgumentException.class, () -> new Adam(net, Double.NaN)).getMessage());
        assertEquals("RMSprop: alpha must be in [0, 1), was 1.5 (PyTorch's default is 0.99)",
                assertThrows(IllegalArgumentException.class, () -> new RmsProp(net, 1e-3, 1.5, 1e-8)).getMessage());
        assertEquals("SGD: momentum must be a finite number >= 0, was -0.9",
                assertThrows(IllegalArgumentException.class, () -> new SgdMomentum(net, 1e-3, -0.9)).getMessage());
        Adam adam = new Adam(net, 1e-3);
        assertThrows(IllegalArgumentException.class, () -> adam.setLearningRate(-1));
        assertEquals(1e-3, adam.learningRate());
    }
}

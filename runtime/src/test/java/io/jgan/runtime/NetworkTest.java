package io.jgan.runtime;

import io.jgan.runtime.generated.Init;
import io.jgan.runtime.generated.LayerInfo;
import io.jgan.runtime.generated.Tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkTest {
    private static final int SIZE = 3;
    private static final int MAX_BATCH = 4;

    /** y = w x elementwise on 3 values per sample: one parameter, w, initialised to 2. */
    static final class Scale extends Network {
        Scale(boolean inputGradient) {
            super(info(inputGradient ? NetworkInfo.Role.DISCRIMINATOR : NetworkInfo.Role.GENERATOR), MAX_BATCH,
                    inputGradient);
            params[0] = 2f;
        }

        private static NetworkInfo info(NetworkInfo.Role role) {
            LayerInfo layer = new LayerInfo(0, "scale", "Scale()", SIZE,
                    List.of(new Tensor("weight", 0, new int[] {1}, false)));
            Noise noise = role == NetworkInfo.Role.GENERATOR ? new Noise(Noise.Distribution.UNIFORM, SIZE, 0f, 1f) : null;
            return new NetworkInfo("test.Doubler", role, SIZE, SIZE, 1, List.of(layer), noise);
        }

        @Override
        protected void forwardLayers(int batch) {
            for (int k = 0; k < batch * SIZE; k++) {
                output[k] = params[0] * input[k];
            }
        }

        @Override
        protected void backwardParameterLayers(int batch) {
            for (int k = 0; k < batch * SIZE; k++) {
                grads[0] += outputGrad[k] * input[k];
            }
        }

        @Override
        protected void backwardInputLayers(int batch) {
            for (int k = 0; k < batch * SIZE; k++) {
                inputGrad[k] = outputGrad[k] * params[0];
            }
        }

        @Override
        protected void initializeLayers(Rng rng) {
            Init.linear(params, 0, 1, SIZE, rng);
        }
    }

    /** Summarises a whole batch into one sample (its per-column sum), as batch-statistics layers do. */
    static final class BatchSum extends Network {
        BatchSum() {
            super(new NetworkInfo("test.BatchSum", NetworkInfo.Role.DISCRIMINATOR, 2, 2, 0, List.of(), null), 5, true);
        }

        @Override
        public int outputBatch(int batch) {
            return 1;
        }

        @Override
        protected void forwardLayers(int batch) {
            output[0] = 0;
            output[1] = 0;
            for (int s = 0; s < batch; s++) {
                output[0] += input[2 * s];
                output[1] += input[2 * s + 1];
            }
        }

        @Override
        protected void backwardParameterLayers(int batch) {}

        @Override
        protected void initializeLayers(Rng rng) {}
    }

    @Test
    void forwardComputesOnACopyOfTheInput() {
        Scale net = new Scale(false);
        float[] x = {1, 2, 3, -1, -2, -3};
        float[] y = net.forward(x, 2);
        assertArrayEquals(new float[] {2, 4, 6, -2, -4, -6}, Arrays.copyOf(y, 6));
        assertEquals(MAX_BATCH * SIZE, y.length, "the output buffer is sized for maxBatch");
        x[0] = 100;
        net.backward(new float[] {1, 0, 0, 0, 0, 0});
        assertEquals(1f, net.gradients()[0], "backward used the input as it was at forward time");
    }

    @Test
    void forwardRejectsAnInputOfTheWrongLength() {
        Scale net = new Scale(false);
        IllegalArgumentException tooShort =
                assertThrows(IllegalArgumentException.class, () -> net.forward(new float[5], 2));
        assertTrue(tooShort.getMessage().contains("expected 6"), tooShort.getMessage());
        assertTrue(tooShort.getMessage().contains("Doubler"), "names the network: " + tooShort.getMessage());
        IllegalArgumentException tooLong =
                assertThrows(IllegalArgumentException.class, () -> net.forward(new float[7], 2));
        assertTrue(tooLong.getMessage().contains("expected 6"), tooLong.getMessage());
        assertThrows(NullPointerException.class, () -> net.forward(null, 1));
    }

    @Test
    void forwardRejectsBatchesOutsideOneToMaxBatch() {
        Scale net = new Scale(false);
        for (int batch : new int[] {0, -1, MAX_BATCH + 1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> net.forward(new float[Math.max(0, batch) * SIZE], batch));
            assertTrue(e.getMessage().contains("at most " + MAX_BATCH), e.getMessage());
            assertTrue(e.getMessage().contains("batch " + batch), e.getMessage());
        }
        net.forward(new float[MAX_BATCH * SIZE], MAX_BATCH); // the largest batch is fine
    }

    @Test
    void constructorRejectsMaxBatchBelowOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Network(
                new NetworkInfo("test.Bad", NetworkInfo.Role.DISCRIMINATOR, 1, 1, 0, List.of(), null), 0, false) {
            @Override
            protected void forwardLayers(int batch) {}

            @Override
            protected void backwardParameterLayers(int batch) {}

            @Override
            protected void initializeLayers(Rng rng) {}
        });
        assertTrue(e.getMessage().contains("maxBatch"), e.getMessage());
    }

    @Test
    void backwardBeforeForwardIsAnIllegalState() {
        Scale net = new Scale(true);
        assertThrows(IllegalStateException.class, net::backward);
        assertThrows(IllegalStateException.class, () -> net.backward(new float[3]));
        assertThrows(IllegalStateException.class, net::backwardToInput);
    }

    @Test
    void backwardAfterAnInferenceForwardIsAnIllegalState() {
        Scale net = new Scale(true);
        net.setTraining(false);
        assertFalse(net.isTraining());
        net.forward(new float[] {1, 2, 3}, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class, net::backward);
        assertTrue(e.getMessage().contains("inference"), e.getMessage());
        assertThrows(IllegalStateException.class, net::backwardToInput);

        // Switching back to training is not enough: the forward pass itself must be a training one.
        net.setTraining(true);
        assertThrows(IllegalStateException.class, net::backward);
        net.forward(new float[] {1, 2, 3}, 1);
        net.backward(new float[] {1, 1, 1});
        assertEquals(6f, net.gradients()[0]);
    }

    @Test
    void backwardToInputNeedsAnInputGradientNetwork() {
        Scale net = new Scale(false);
        net.forward(new float[] {1, 2, 3}, 1);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, net::backwardToInput);
        assertTrue(e.getMessage().contains("Doubler generator"), e.getMessage());
    }

    @Test
    void backwardToInputLeavesParameterGradientsAlone() {
        Scale net = new Scale(true);
        net.forward(new float[] {1, 2, 3, 4, 5, 6}, 2);
        System.arraycopy(new float[] {1, -1, 0.5f, 0, 2, 3}, 0, net.outputGradient(), 0, 6);
        float[] dx = net.backwardToInput();
        assertArrayEquals(new float[] {2, -2, 1, 0, 4, 6}, Arrays.copyOf(dx, 6));
        assertEquals(0f, net.gradients()[0]);
    }

    @Test
    void backwardWithAGradientArrayChecksItsLengthAndAccumulates() {
        Scale net = new Scale(false);
        net.forward(new float[] {1, 2, 3, 4, 5, 6}, 2);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> net.backward(new float[3]));
        assertTrue(e.getMessage().contains("output gradient") && e.getMessage().contains("expected 6"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> net.backward(new float[MAX_BATCH * SIZE]));
        assertEquals(0f, net.gradients()[0], "a rejected backward does nothing");

        float[] g = {1, 1, 1, 1, 1, 1};
        net.backward(g);
        assertEquals(21f, net.gradients()[0]); // sum of the inputs
        net.backward(g);
        assertEquals(42f, net.gradients()[0], "backward accumulates");
        net.zeroGradients();
        assertEquals(0f, net.gradients()[0]);
    }

    @Test
    void outputBatchSetsTheGradientLength() {
        BatchSum net = new BatchSum();
        float[] y = net.forward(new float[] {1, 2, 3, 4, 5, 6}, 3);
        assertArrayEquals(new float[] {9, 12}, Arrays.copyOf(y, 2));
        net.backward(new float[2]); // one output sample, not three
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.backward(new float[6]));
        assertTrue(e.getMessage().contains("expected 2"), e.getMessage());
    }

    @Test
    void initializeDrawsParametersAndZeroesGradients() {
        Scale net = new Scale(false);
        net.forward(new float[] {1, 1, 1}, 1);
        net.backward(new float[] {1, 1, 1});
        net.initialize(new Rng(5));
        assertEquals(0f, net.gradients()[0]);
        float w = net.parameters()[0];
        assertTrue(Math.abs(w) <= 1 / Math.sqrt(SIZE), "PyTorch's Linear bound: " + w);
        Scale again = new Scale(false);
        again.initialize(new Rng(5));
        assertEquals(w, again.parameters()[0]);
    }

    @Test
    void accessorsExposeLiveArraysAndTheShape() {
        Scale net = new Scale(false);
        assertSame(net.parameters(), net.parameters());
        net.parameters()[0] = 3f;
        assertEquals(3f, net.forward(new float[] {1, 0, 0}, 1)[0]);
        assertEquals(MAX_BATCH, net.maxBatch());
        assertEquals("Doubler generator", net.info().displayName());
        assertEquals("3 -> scale:Scale()", net.info().architecture());
        assertEquals("Doubler generator [3 -> scale:Scale(), 1 parameters]", net.toString());
        assertThrows(NullPointerException.class, () -> net.setRandom(null));
    }
}

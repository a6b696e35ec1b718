package io.jgan.runtime.generated;

import io.jgan.runtime.Rng;

/** Parameter initialisation schemes used by generated {@code initializeLayers} methods. */
public final class Init {
    private Init() {}

    /**
     * PyTorch's default {@code nn.Linear} init: every value uniform in [-1/sqrt(fanIn), 1/sqrt(fanIn)).
     * (Kaiming-uniform with a = sqrt(5) gives exactly this bound for the weights, and the bias uses it too.)
     *
     * @param params the flat parameter array
     * @param offset where the layer's parameters start
     * @param count how many to draw
     * @param fanIn the layer's inputs per output
     * @param rng where the values come from
     */
    public static void linear(float[] params, int offset, int count, int fanIn, Rng rng) {
        double bound = 1.0 / Math.sqrt(fanIn);
        for (int k = offset; k < offset + count; k++) {
            params[k] = (float) (-bound + 2 * bound * rng.nextDouble());
        }
    }

    /**
     * Sets {@code count} parameters to {@code value}: PyTorch's init of a batch norm's weight (1) and bias (0).
     *
     * @param params the flat parameter array
     * @param offset where the values start
     * @param count how many
     * @param value the value
     */
    public static void constant(float[] params, int offset, int count, float value) {
        java.util.Arrays.fill(params, offset, offset + count, value);
    }
}

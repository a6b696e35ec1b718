package io.jgan.runtime.io;

import io.jgan.runtime.generated.Init;
import io.jgan.runtime.generated.LayerInfo;
import io.jgan.runtime.Network;
import io.jgan.runtime.NetworkInfo;
import io.jgan.runtime.Noise;
import io.jgan.runtime.Rng;
import io.jgan.runtime.generated.Tensor;
import java.util.List;

/**
 * Hand-written networks with the layer metadata a generated one has (a transposed dense weight,
 * parameter-free layers counted in the index), for checkpoint and export tests. Their math is a
 * stub: these tests never train them.
 */
public final class TinyNetworks {
    private TinyNetworks() {}

    /** in -> Dense(hidden) -> LeakyReLU -> Dense(out): indices 0, 1, 2. */
    public static final class TwoDense extends Network {
        public TwoDense(NetworkInfo.Role role, int in, int hidden, int out) {
            super(info(role, in, hidden, out), 4, role == NetworkInfo.Role.DISCRIMINATOR);
        }

        static NetworkInfo info(NetworkInfo.Role role, int in, int hidden, int out) {
            int w1 = in * hidden, b1 = w1 + hidden, w2 = b1 + hidden * out, end = w2 + out;
            List<LayerInfo> layers = List.of(
                    new LayerInfo(0, "hidden", "Dense(units = " + hidden + ")", hidden, List.of(
                            new Tensor("weight", 0, new int[] {hidden, in}, true),
                            new Tensor("bias", w1, new int[] {hidden}, false))),
                    new LayerInfo(1, "activation", "LeakyReLU(slope = 0.2)", hidden, List.of()),
                    new LayerInfo(2, "out", "Dense(units = " + out + ")", out, List.of(
                            new Tensor("weight", b1, new int[] {out, hidden}, true),
                            new Tensor("bias", w2, new int[] {out}, false))));
            Noise noise = role == NetworkInfo.Role.GENERATOR ? new Noise(Noise.Distribution.GAUSSIAN, in, 0f, 1f) : null;
            return new NetworkInfo("test.Tiny", role, in, out, end, layers, noise);
        }

        @Override
        protected void forwardLayers(int batch) {}

        @Override
        protected void backwardParameterLayers(int batch) {}

        @Override
        protected void backwardInputLayers(int batch) {}

        @Override
        protected void initializeLayers(Rng rng) {
            Init.linear(params, 0, params.length, 3, rng);
        }
    }

    /** in -> Dense(hidden) -> BatchNorm (running statistics in the state) -> Dense(out): indices 0, 1, 2. */
    static final class WithBatchNorm extends Network {
        WithBatchNorm(NetworkInfo.Role role, int in, int hidden, int out) {
            this(role, in, hidden, out, true);
        }

        /** With {@code buffers} false, the same architecture without state (as if written by an older version). */
        WithBatchNorm(NetworkInfo.Role role, int in, int hidden, int out, boolean buffers) {
            super(info(role, in, hidden, out, buffers), 4, role == NetworkInfo.Role.DISCRIMINATOR);
        }

        static NetworkInfo info(NetworkInfo.Role role, int in, int hidden, int out, boolean buffers) {
            int w1 = in * hidden, b1 = w1 + hidden, g = b1 + hidden, w2 = g + hidden, end = w2 + hidden * out + out;
            List<LayerInfo> layers = List.of(
                    new LayerInfo(0, "hidden", "Dense(units = " + hidden + ")", hidden, List.of(
                            new Tensor("weight", 0, new int[] {hidden, in}, true),
                            new Tensor("bias", w1, new int[] {hidden}, false))),
                    new LayerInfo(1, "norm", "BatchNorm(momentum = 0.1, eps = 1.0E-5)", hidden, List.of(
                            new Tensor("weight", b1, new int[] {hidden}, false),
                            new Tensor("bias", g, new int[] {hidden}, false)), !buffers ? List.of() : List.of(
                            new Tensor("running_mean", 0, new int[] {hidden}, false),
                            new Tensor("running_var", hidden, new int[] {hidden}, false),
                            new Tensor("num_batches_tracked", 2 * hidden, new int[] {}, false))),
                    new LayerInfo(2, "out", "Dense(units = " + out + ")", out, List.of(
                            new Tensor("weight", w2, new int[] {out, hidden}, true),
                            new Tensor("bias", w2 + hidden * out, new int[] {out}, false))));
            Noise noise = role == NetworkInfo.Role.GENERATOR ? new Noise(Noise.Distribution.GAUSSIAN, in, 0f, 1f) : null;
            return new NetworkInfo("test.TinyNorm", role, in, out, end, layers, noise);
        }

        @Override
        protected void forwardLayers(int batch) {}

        @Override
        protected void backwardParameterLayers(int batch) {}

        @Override
        protected void backwardInputLayers(int batch) {}

        @Override
        protected void initializeLayers(Rng rng) {
            Init.linear(params, 0, params.length, 3, rng);
            for (int k = 0; k < state.length; k++) {
                state[k] = k;
            }
        }
    }
}

package io.jgan.processor.internal.layers;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.CodeBlock;
import io.jgan.processor.spi.LayerCode;
import io.jgan.processor.spi.LayerEmitter;
import io.jgan.processor.spi.RuntimeApi;

/** {@code @ReLU}: y = max(x, 0); the gradient passes where x > 0. Both branch-free, so that C2 vectorises them. */
@AutoService(LayerEmitter.class)
public final class ReluEmitter extends ElementwiseEmitter {
    @Override
    public String annotationType() {
        return "io.jgan.annotations.ReLU";
    }

    @Override
    CodeBlock value(LayerCode code) {
        // v > 0 ? v : 0 for every v but NaN (which it passes on, as PyTorch's relu does), zeros'
        // signs included, and branch-free: C2 vectorises Math.max; the conditional costs a
        // mispredicted branch on about every other value.
        return CodeBlock.of("Math.max(v, 0f)");
    }

    @Override
    boolean gradientFromOutput() {
        return false;
    }

    /**
     * One runtime call over the values: the scalar mask of {@link #gradient} does not vectorise (C2
     * cannot move floats to ints in vectors), the runtime's compare and blend on the Vector API does,
     * with the same bits.
     */
    @Override
    CodeBlock backwardValues(LayerCode code, String from, String to) {
        return CodeBlock.of("$T.apply($N, $N, $N, $L, $L);\n", RuntimeApi.RELU_GRADIENT, code.input(),
                code.outputGradient(), code.inputGradient(), from, to);
    }

    @Override
    CodeBlock gradient(LayerCode code) {
        return CodeBlock.of("$T.reluGradient(v, d)", RuntimeApi.ACTIVATIONS);
    }
}

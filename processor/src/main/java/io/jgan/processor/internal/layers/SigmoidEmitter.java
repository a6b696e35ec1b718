package io.jgan.processor.internal.layers;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.CodeBlock;
import io.jgan.processor.spi.LayerCode;
import io.jgan.processor.spi.LayerEmitter;

/** {@code @Sigmoid}: y = 1 / (1 + e^-x), computed in double and rounded once; dy/dx = y (1 - y). */
@AutoService(LayerEmitter.class)
public final class SigmoidEmitter extends ElementwiseEmitter {
    @Override
    public String annotationType() {
        return "io.jgan.annotations.Sigmoid";
    }

    @Override
    CodeBlock value(LayerCode code) {
        return CodeBlock.of("(float) (1.0 / (1.0 + Math.exp(-v)))");
    }

    @Override
    boolean gradientFromOutput() {
        return true;
    }

    @Override
    CodeBlock gradient(LayerCode code) {
        return CodeBlock.of("d * (1f - u) * u");
    }
}

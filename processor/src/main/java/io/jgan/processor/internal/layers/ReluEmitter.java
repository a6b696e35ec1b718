package io.jgan.processor.internal.layers;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.CodeBlock;
import io.jgan.processor.spi.LayerCode;
import io.jgan.processor.spi.LayerEmitter;

/** {@code @ReLU}: y = max(x, 0); the gradient passes where x > 0. */
@AutoService(LayerEmitter.class)
public final class ReluEmitter extends ElementwiseEmitter {
    @Override
    public String annotationType() {
        return "io.jgan.annotations.ReLU";
    }

    @Override
    CodeBlock value(LayerCode code) {
        return CodeBlock.of("v > 0f ? v : 0f");
    }

    @Override
    boolean gradientFromOutput() {
        return false;
    }

    @Override
    CodeBlock gradient(LayerCode code) {
        return CodeBlock.of("v > 0f ? d : 0f");
    }
}

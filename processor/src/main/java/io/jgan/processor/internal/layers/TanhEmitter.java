package io.jgan.processor.internal.layers;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.CodeBlock;
import io.jgan.processor.spi.LayerCode;
import io.jgan.processor.spi.LayerEmitter;
import io.jgan.processor.spi.RuntimeApi;

/**
 * {@code @Tanh}: y = tanh(x); dy/dx = 1 - y^2. The forward loop calls {@code Activations.tanh}, a
 * branch-free rational approximation (within 4e-7) that C2 inlines and vectorises: {@code Math.tanh}
 * costs about 60 ns a value and dominated small generators' time.
 */
@AutoService(LayerEmitter.class)
public final class TanhEmitter extends ElementwiseEmitter {
    @Override
    public String annotationType() {
        return "io.jgan.annotations.Tanh";
    }

    @Override
    CodeBlock value(LayerCode code) {
        return CodeBlock.of("$T.tanh(v)", RuntimeApi.ACTIVATIONS);
    }

    @Override
    boolean gradientFromOutput() {
        return true;
    }

    @Override
    CodeBlock gradient(LayerCode code) {
        return CodeBlock.of("d * (1f - u * u)");
    }
}

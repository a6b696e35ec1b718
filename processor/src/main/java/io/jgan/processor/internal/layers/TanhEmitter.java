package io.jgan.processor.internal.layers;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.CodeBlock;
import io.jgan.processor.internal.RuntimeTypes;
import io.jgan.processor.spi.LayerCode;
import io.jgan.processor.spi.LayerEmitter;

/** {@code @Tanh}: y = tanh(x); dy/dx = 1 - y^2. */
@AutoService(LayerEmitter.class)
public final class TanhEmitter extends ElementwiseEmitter {
    @Override
    public String annotationType() {
        return "io.jgan.annotations.Tanh";
    }

    @Override
    CodeBlock value(LayerCode code) {
        // Math.tanh is StrictMath's (not intrinsified, ~100 ns a value on JDK 17): the same
        // rounded value through the intrinsified Math.exp.
        return CodeBlock.of("$T.tanh(v)", RuntimeTypes.ACTIVATIONS);
    }

    @Override
    CodeBlock gradient(LayerCode code) {
        return CodeBlock.of("d * (1f - u * u)");
    }
}

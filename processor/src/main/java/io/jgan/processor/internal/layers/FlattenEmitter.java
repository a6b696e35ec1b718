package io.jgan.processor.internal.layers;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.CodeBlock;
import io.jgan.processor.spi.LayerCode;
import io.jgan.processor.spi.LayerEmitter;
import io.jgan.processor.spi.LayerSpec;
import io.jgan.processor.spi.Shape;

/** {@code @Flatten}: an image read as its flat values (NCHW order, so nothing moves: the passes are copies). */
@AutoService(LayerEmitter.class)
public final class FlattenEmitter extends LayerEmitter {
    @Override
    public String annotationType() {
        return "io.jgan.annotations.Flatten";
    }

    @Override
    public Shape outputShape(LayerSpec layer) {
        return Shape.flat(layer.inputWidth());
    }

    @Override
    public CodeBlock forward(LayerCode code) {
        return copy(code.input(), code.output(), code.outputWidth());
    }

    @Override
    public CodeBlock backward(LayerCode code) {
        if (!code.inputGradients()) {
            return CodeBlock.of("");
        }
        return copy(code.outputGradient(), code.inputGradient(), code.outputWidth());
    }

    /** {@code System.arraycopy(from, 0, to, 0, batch * size)}. */
    static CodeBlock copy(String from, String to, int size) {
        return CodeBlock.of("$T.arraycopy($N, 0, $N, 0, batch * $L);\n", System.class, from, to, size);
    }
}

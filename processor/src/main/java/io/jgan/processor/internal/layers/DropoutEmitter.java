package io.jgan.processor.internal.layers;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.CodeBlock;
import io.jgan.processor.internal.Message;
import io.jgan.processor.internal.RuntimeTypes;
import io.jgan.processor.spi.LayerCode;
import io.jgan.processor.spi.LayerEmitter;
import io.jgan.processor.spi.LayerSpec;
import io.jgan.processor.spi.Literals;

/**
 * {@code @Dropout(p)}: while training, keeps each value with probability 1 - p, scaled by
 * 1 / (1 - p), and remembers the factor per value (the scratch buffer) for the backward pass; at
 * inference a copy. {@code p = 0} compiles to a plain copy. The mask of a pass comes from one
 * {@code nextLong()} of the network's generator, expanded by the runtime's {@code DropoutMask}
 * (a counter-based generator, branch-free: a per-value {@code nextFloat()} and conditional cost
 * about 4x as much).
 */
@AutoService(LayerEmitter.class)
public final class DropoutEmitter extends LayerEmitter {
    @Override
    public String annotationType() {
        return "io.jgan.annotations.Dropout";
    }

    @Override
    public int outputWidth(LayerSpec layer) {
        float p = layer.floatValue("p");
        if (!(p >= 0f && p < 1f)) {
            layer.error("p", Message.DROPOUT_P.format(layer.name(), p));
        }
        return layer.inputWidth();
    }

    @Override
    public int scratchPerSample(LayerSpec layer) {
        return layer.floatValue("p") > 0f ? layer.inputWidth() : 0;
    }

    @Override
    public String describe(LayerSpec layer) {
        return "Dropout(p = " + layer.floatValue("p") + ")";
    }

    @Override
    public CodeBlock forward(LayerCode code) {
        float p = code.layer().floatValue("p");
        int width = code.outputWidth();
        CodeBlock copy = CodeBlock.of("$T.arraycopy($N, 0, $N, 0, batch * $L);\n", System.class, code.input(),
                code.output(), width);
        if (p == 0f) {
            return copy;
        }
        return CodeBlock.builder()
                .beginControlFlow("if (!training)")
                .add(copy)
                .addStatement("return")
                .endControlFlow()
                .addStatement("$T.apply(random.nextLong(), $L, $N, $N, $N, batch * $L)", RuntimeTypes.DROPOUT_MASK,
                        Literals.of(p), code.input(), code.output(), code.scratch(), width)
                .build();
    }

    @Override
    public CodeBlock backward(LayerCode code) {
        int width = code.outputWidth();
        if (code.layer().floatValue("p") == 0f) {
            return CodeBlock.of("$T.arraycopy($N, 0, $N, 0, batch * $L);\n", System.class, code.outputGradient(),
                    code.inputGradient(), width);
        }
        return CodeBlock.builder()
                .addStatement("final float[] dy = $N", code.outputGradient())
                .addStatement("final float[] dx = $N", code.inputGradient())
                .addStatement("final float[] mask = $N", code.scratch())
                .beginControlFlow("for (int k = 0, n = batch * $L; k < n; k++)", width)
                .addStatement("dx[k] = dy[k] * mask[k]")
                .endControlFlow()
                .build();
    }
}

package io.jgan.processor.internal.layers;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.CodeBlock;
import io.jgan.processor.spi.Attribute;
import io.jgan.processor.spi.LayerCode;
import io.jgan.processor.spi.LayerEmitter;
import io.jgan.processor.spi.LayerSpec;
import io.jgan.processor.spi.Literals;
import io.jgan.processor.spi.RuntimeApi;

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
    static final Attribute<Float> P = Attribute.ofFloat("p");

    @Override
    public String annotationType() {
        return "io.jgan.annotations.Dropout";
    }

    @Override
    public int outputWidth(LayerSpec layer) {
        float p = layer.get(P);
        if (!(p >= 0f && p < 1f)) {
            layer.error(P, LayerMessage.DROPOUT_P.format(layer.name(), p));
        }
        return layer.inputWidth();
    }

    @Override
    public int scratchPerSample(LayerSpec layer) {
        return layer.get(P) > 0f ? layer.inputWidth() : 0;
    }

    @Override
    public String describe(LayerSpec layer) {
        return "Dropout(p = " + layer.get(P) + ")";
    }

    @Override
    public CodeBlock forward(LayerCode code) {
        float p = code.layer().get(P);
        int width = code.outputWidth();
        CodeBlock copy = CodeBlock.of("$T.arraycopy($N, 0, $N, 0, $L);\n", System.class, code.input(),
                code.output(), values(width));
        if (p == 0f) {
            return copy;
        }
        return CodeBlock.builder()
                .beginControlFlow("if (!$L)", code.training())
                .add(copy)
                .addStatement("return")
                .endControlFlow()
                .addStatement("$T.apply($L.nextLong(), $L, $N, $N, $N, $L)", RuntimeApi.DROPOUT_MASK, code.random(),
                        Literals.of(p), code.input(), code.output(), code.scratch(), values(width))
                .build();
    }

    @Override
    public CodeBlock backward(LayerCode code) {
        int width = code.outputWidth();
        if (code.layer().get(P) == 0f) {
            return CodeBlock.of("$T.arraycopy($N, 0, $N, 0, $L);\n", System.class, code.outputGradient(),
                    code.inputGradient(), values(width));
        }
        return CodeBlock.builder()
                .addStatement("final float[] dy = $N", code.outputGradient())
                .addStatement("final float[] dx = $N", code.inputGradient())
                .addStatement("final float[] mask = $N", code.scratch())
                .beginControlFlow("for (int k = 0, n = $L; k < n; k++)", values(width))
                .addStatement("dx[k] = dy[k] * mask[k]")
                .endControlFlow()
                .build();
    }

    /** The number of values in a batch of {@code width}-value samples: {@code batch * width}, or {@code batch}. */
    private static String values(int width) {
        return width == 1 ? "batch" : "batch * " + width;
    }
}

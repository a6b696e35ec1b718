package io.jgan.processor.internal.layers;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.CodeBlock;
import io.jgan.processor.spi.Attribute;
import io.jgan.processor.spi.LayerCode;
import io.jgan.processor.spi.LayerEmitter;
import io.jgan.processor.spi.LayerSpec;
import io.jgan.processor.spi.ParameterShape;
import io.jgan.processor.spi.Shape;
import java.util.List;

/**
 * {@code @Embedding(classes, size)}: each sample's values followed by row {@code label} of a learned
 * table {@code weight} [classes, size], PyTorch's {@code nn.Embedding} (init N(0, 1)) concatenated
 * after the flattened input. The backward pass adds the output gradient's last {@code size} values
 * to the row of each sample's label, and passes the rest back to the input; the label, an int,
 * takes none.
 */
@AutoService(LayerEmitter.class)
public final class EmbeddingEmitter extends LayerEmitter {
    static final Attribute<Integer> SIZE = Attribute.ofInt("size");

    @Override
    public String annotationType() {
        return "io.jgan.annotations.Embedding";
    }

    @Override
    public Shape outputShape(LayerSpec layer) {
        LabelLayers.checkClasses(layer, "Embedding");
        int size = layer.get(SIZE);
        if (size < 1) {
            layer.error(SIZE, LayerMessage.EMBEDDING_SIZE.format(layer.name(), size));
            return layer.inputShape();
        }
        return Shape.flat(layer.inputWidth() + size);
    }

    @Override
    public boolean readsLabel(LayerSpec layer) {
        return true;
    }

    @Override
    public List<ParameterShape> parameters(LayerSpec layer) {
        return List.of(new ParameterShape("weight", List.of(layer.get(LabelLayers.CLASSES), layer.get(SIZE)), false));
    }

    @Override
    public String describe(LayerSpec layer) {
        return "Embedding(classes = " + layer.get(LabelLayers.CLASSES) + ", size = " + layer.get(SIZE) + ")";
    }

    /** N(0, 1), as {@code nn.Embedding.reset_parameters}. */
    @Override
    public CodeBlock initialize(LayerCode code) {
        int count = code.layer().get(LabelLayers.CLASSES) * code.layer().get(SIZE);
        return CodeBlock.builder()
                .beginControlFlow("for (int i = 0; i < $L; i++)", count)
                .addStatement("$L[$L + i] = (float) rng.nextGaussian()", code.params(), code.offset("weight"))
                .endControlFlow()
                .build();
    }

    @Override
    public CodeBlock forward(LayerCode code) {
        int in = code.layer().inputWidth();
        int size = code.layer().get(SIZE);
        int out = code.outputWidth();
        return CodeBlock.builder()
                .beginControlFlow("for (int b = 0; b < batch; b++)")
                .addStatement("System.arraycopy($N, b * $L, $N, b * $L, $L)", code.input(), in, code.output(), out, in)
                .addStatement("System.arraycopy($L, $L + $L[b] * $L, $N, b * $L + $L, $L)", code.params(),
                        code.offset("weight"), code.labels(), size, code.output(), out, in, size)
                .endControlFlow()
                .build();
    }

    @Override
    public CodeBlock backward(LayerCode code) {
        int in = code.layer().inputWidth();
        int size = code.layer().get(SIZE);
        int out = code.outputWidth();
        CodeBlock.Builder c = CodeBlock.builder().beginControlFlow("for (int b = 0; b < batch; b++)");
        if (code.parameterGradients()) {
            c.addStatement("int row = $L + $L[b] * $L", code.offset("weight"), code.labels(), size)
                    .addStatement("int from = b * $L + $L", out, in)
                    .beginControlFlow("for (int j = 0; j < $L; j++)", size)
                    .addStatement("$L[row + j] += $N[from + j]", code.grads(), code.outputGradient())
                    .endControlFlow();
        }
        if (code.inputGradients()) {
            c.addStatement("System.arraycopy($N, b * $L, $N, b * $L, $L)", code.outputGradient(), out,
                    code.inputGradient(), in, in);
        }
        return c.endControlFlow().build();
    }
}

package io.jgan.processor.internal.layers;

import com.palantir.javapoet.ClassName;
import com.google.auto.service.AutoService;
import com.palantir.javapoet.CodeBlock;
import io.jgan.processor.spi.LayerCode;
import io.jgan.processor.spi.LayerEmitter;
import io.jgan.processor.spi.LayerSpec;
import io.jgan.processor.spi.Shape;

/**
 * {@code @OneHot(classes)}: each sample's values followed by its label one-hot. On a flat input that
 * is {@code classes} more values; on an image [C, H, W] it is {@code classes} more channels, the
 * label's plane all ones and the others zeros (the label broadcast over the image, as a conditional
 * convolutional discriminator takes it). No parameters; the input gradient is the output gradient's
 * first part, and the label takes none.
 */
@AutoService(LayerEmitter.class)
public final class OneHotEmitter extends LayerEmitter {
    private static final ClassName ARRAYS = ClassName.get("java.util", "Arrays");

    @Override
    public String annotationType() {
        return "io.jgan.annotations.OneHot";
    }

    @Override
    public Shape outputShape(LayerSpec layer) {
        LabelLayers.checkClasses(layer, "OneHot");
        int classes = layer.get(LabelLayers.CLASSES);
        Shape in = layer.inputShape();
        return in.isImage() ? Shape.image(in.channels() + classes, in.height(), in.width())
                : Shape.flat(in.size() + classes);
    }

    @Override
    public boolean readsLabel(LayerSpec layer) {
        return true;
    }

    @Override
    public String describe(LayerSpec layer) {
        return "OneHot(classes = " + layer.get(LabelLayers.CLASSES) + ")";
    }

    @Override
    public CodeBlock forward(LayerCode code) {
        int in = code.layer().inputWidth();
        int out = code.outputWidth();
        // One value per class on a flat input, one plane per class on an image.
        int plane = code.inputShape().isImage() ? code.inputShape().height() * code.inputShape().width() : 1;
        return CodeBlock.builder()
                .beginControlFlow("for (int b = 0; b < batch; b++)")
                .addStatement("System.arraycopy($N, b * $L, $N, b * $L, $L)", code.input(), in, code.output(), out, in)
                .addStatement("$T.fill($N, b * $L + $L, (b + 1) * $L, 0f)", ARRAYS, code.output(), out, in, out)
                .addStatement("int hot = b * $L + $L + $L[b] * $L", out, in, code.labels(), plane)
                .addStatement("$T.fill($N, hot, hot + $L, 1f)", ARRAYS, code.output(), plane)
                .endControlFlow()
                .build();
    }

    @Override
    public CodeBlock backward(LayerCode code) {
        if (!code.inputGradients()) {
            return CodeBlock.of("");
        }
        int in = code.layer().inputWidth();
        int out = code.outputWidth();
        return CodeBlock.builder()
                .beginControlFlow("for (int b = 0; b < batch; b++)")
                .addStatement("System.arraycopy($N, b * $L, $N, b * $L, $L)", code.outputGradient(), out,
                        code.inputGradient(), in, in)
                .endControlFlow()
                .build();
    }
}

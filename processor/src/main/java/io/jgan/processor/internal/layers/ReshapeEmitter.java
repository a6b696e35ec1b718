package io.jgan.processor.internal.layers;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.CodeBlock;
import io.jgan.processor.spi.Attribute;
import io.jgan.processor.spi.LayerCode;
import io.jgan.processor.spi.LayerEmitter;
import io.jgan.processor.spi.LayerSpec;
import io.jgan.processor.spi.Shape;

/**
 * {@code @Reshape(channels, height, width)}: the same values, now read as an image. Buffers hold an
 * image in PyTorch's NCHW order, so the values do not move: the passes are copies.
 */
@AutoService(LayerEmitter.class)
public final class ReshapeEmitter extends LayerEmitter {
    static final Attribute<Integer> CHANNELS = Attribute.ofInt("channels");
    static final Attribute<Integer> HEIGHT = Attribute.ofInt("height");
    static final Attribute<Integer> WIDTH = Attribute.ofInt("width");

    @Override
    public String annotationType() {
        return "io.jgan.annotations.Reshape";
    }

    @Override
    public Shape outputShape(LayerSpec layer) {
        boolean valid = true;
        for (Attribute<Integer> a : java.util.List.of(CHANNELS, HEIGHT, WIDTH)) {
            if (layer.get(a) < 1) {
                layer.error(a, LayerMessage.RESHAPE_VALUE.format(layer.name(), a.name(), layer.get(a)));
                valid = false;
            }
        }
        if (!valid) {
            return layer.inputShape();
        }
        Shape out = Shape.image(layer.get(CHANNELS), layer.get(HEIGHT), layer.get(WIDTH));
        if (out.longSize() != layer.inputShape().longSize()) {
            layer.error(LayerMessage.RESHAPE_SIZE.format(layer.name(), out, out.longSize(), layer.inputShape(),
                    layer.inputShape().longSize()));
            return layer.inputShape();
        }
        return out;
    }

    @Override
    public String describe(LayerSpec layer) {
        return "Reshape(channels = " + layer.get(CHANNELS) + ", height = " + layer.get(HEIGHT) + ", width = "
                + layer.get(WIDTH) + ")";
    }

    @Override
    public CodeBlock forward(LayerCode code) {
        return FlattenEmitter.copy(code.input(), code.output(), code.outputWidth());
    }

    @Override
    public CodeBlock backward(LayerCode code) {
        if (!code.inputGradients()) {
            return CodeBlock.of("");
        }
        return FlattenEmitter.copy(code.outputGradient(), code.inputGradient(), code.outputWidth());
    }
}

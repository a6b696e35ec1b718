package io.jgan.processor.internal.layers;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.CodeBlock;
import io.jgan.processor.spi.Attribute;
import io.jgan.processor.spi.LayerCode;
import io.jgan.processor.spi.LayerEmitter;
import io.jgan.processor.spi.LayerKernel;
import io.jgan.processor.spi.LayerSpec;
import io.jgan.processor.spi.ParameterShape;
import io.jgan.processor.spi.RuntimeApi;
import io.jgan.processor.spi.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code @Conv2d(channels, kernel, stride, padding, bias)}: PyTorch's {@code nn.Conv2d} on an image
 * input, weight [out, in, kernel, kernel] stored as PyTorch stores it. The passes are calls to a
 * runtime {@code Conv2dKernel} built with this layer's sizes as constants, which runs the
 * convolution as matrix products over the image's patches, split over the network's threads.
 */
@AutoService(LayerEmitter.class)
public final class Conv2dEmitter extends LayerEmitter {
    static final Attribute<Integer> CHANNELS = Attribute.ofInt("channels");
    static final Attribute<Integer> KERNEL = Attribute.ofInt("kernel");
    static final Attribute<Integer> STRIDE = Attribute.ofInt("stride");
    static final Attribute<Integer> PADDING = Attribute.ofInt("padding");
    static final Attribute<Boolean> BIAS = Attribute.ofBoolean("bias");

    @Override
    public String annotationType() {
        return "io.jgan.annotations.Conv2d";
    }

    @Override
    public Shape outputShape(LayerSpec layer) {
        Shape in = layer.inputShape();
        int channels = layer.get(CHANNELS);
        int kernel = layer.get(KERNEL);
        int stride = layer.get(STRIDE);
        int padding = layer.get(PADDING);
        boolean valid = ConvShapes.checkValues(layer, "Conv2d", CHANNELS, KERNEL, STRIDE, PADDING);
        if (!in.isImage()) {
            layer.error(LayerMessage.CONV_FLAT_INPUT.format(layer.name(), "Conv2d", in.size()));
            return Shape.image(Math.max(1, channels), 1, 1);
        }
        if (!valid) {
            return Shape.image(Math.max(1, channels), 1, 1);
        }
        int height = ConvShapes.convolved(layer, "height", in.height(), kernel, stride, padding);
        if (height < 1) {
            return Shape.image(channels, 1, 1); // the width would repeat the report
        }
        int width = ConvShapes.convolved(layer, "width", in.width(), kernel, stride, padding);
        return Shape.image(channels, Math.max(1, height), Math.max(1, width));
    }

    @Override
    public List<ParameterShape> parameters(LayerSpec layer) {
        int in = layer.inputShape().channels();
        int out = layer.get(CHANNELS);
        int k = layer.get(KERNEL);
        List<ParameterShape> p = new ArrayList<>();
        p.add(new ParameterShape("weight", List.of(out, in, k, k), false));
        if (layer.get(BIAS)) {
            p.add(new ParameterShape("bias", List.of(out), false));
        }
        return p;
    }

    @Override
    public String describe(LayerSpec layer) {
        return "Conv2d(channels = " + layer.get(CHANNELS) + ", kernel = " + layer.get(KERNEL) + ", stride = "
                + layer.get(STRIDE) + ", padding = " + layer.get(PADDING) + (layer.get(BIAS) ? "" : ", bias = false")
                + ")";
    }

    /** PyTorch's default: kaiming-uniform with a = sqrt(5), bound 1 / sqrt(in k k) for weight and bias. */
    @Override
    public CodeBlock initialize(LayerCode code) {
        Shape in = code.inputShape();
        int k = code.layer().get(KERNEL);
        int out = code.outputShape().channels();
        int weights = out * in.channels() * k * k;
        return CodeBlock.of("$T.linear($L, $L, $L, $L, rng);\n", RuntimeApi.INIT, code.params(), code.offset("weight"),
                weights + (code.layer().get(BIAS) ? out : 0), in.channels() * k * k);
    }

    @Override
    public LayerKernel kernel(LayerCode code) {
        Shape in = code.inputShape();
        LayerSpec l = code.layer();
        return new LayerKernel(RuntimeApi.CONV2D_KERNEL, CodeBlock.of("new $T($L, $L, $L, $L, $L, $L, $L, $L, $L, maxBatch)",
                RuntimeApi.CONV2D_KERNEL, in.channels(), in.height(), in.width(), l.get(CHANNELS), l.get(KERNEL),
                l.get(STRIDE), l.get(PADDING), code.offset("weight"), l.get(BIAS) ? code.offset("bias") : "-1"));
    }

    @Override
    public CodeBlock forward(LayerCode code) {
        return CodeBlock.of("$N.forward($L, $N, $L, $N, batch);\n", code.kernel(), code.pool(), code.input(),
                code.params(), code.output());
    }

    @Override
    public CodeBlock backward(LayerCode code) {
        return CodeBlock.of("$N.backward($L, $N, $L, $L, $L, batch);\n", code.kernel(), code.pool(),
                code.outputGradient(), code.params(), code.parameterGradients() ? code.grads() : "null",
                code.inputGradients() ? code.inputGradient() : "null");
    }
}

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
 * {@code @ConvTranspose2d(channels, kernel, stride, padding, outputPadding, bias)}: PyTorch's
 * {@code nn.ConvTranspose2d} on an image input, weight [in, out, kernel, kernel] stored as PyTorch
 * stores it. The passes are calls to a runtime {@code ConvTranspose2dKernel} built with this layer's
 * sizes as constants.
 */
@AutoService(LayerEmitter.class)
public final class ConvTranspose2dEmitter extends LayerEmitter {
    static final Attribute<Integer> CHANNELS = Attribute.ofInt("channels");
    static final Attribute<Integer> KERNEL = Attribute.ofInt("kernel");
    static final Attribute<Integer> STRIDE = Attribute.ofInt("stride");
    static final Attribute<Integer> PADDING = Attribute.ofInt("padding");
    static final Attribute<Integer> OUTPUT_PADDING = Attribute.ofInt("outputPadding");
    static final Attribute<Boolean> BIAS = Attribute.ofBoolean("bias");

    @Override
    public String annotationType() {
        return "io.jgan.annotations.ConvTranspose2d";
    }

    @Override
    public Shape outputShape(LayerSpec layer) {
        Shape in = layer.inputShape();
        int channels = layer.get(CHANNELS);
        int kernel = layer.get(KERNEL);
        int stride = layer.get(STRIDE);
        int padding = layer.get(PADDING);
        int outputPadding = layer.get(OUTPUT_PADDING);
        boolean valid = ConvShapes.checkValues(layer, "ConvTranspose2d", CHANNELS, KERNEL, STRIDE, PADDING);
        if (valid && (outputPadding < 0 || outputPadding >= stride)) {
            layer.error(OUTPUT_PADDING, LayerMessage.CONV_OUTPUT_PADDING.format(layer.name(), stride, outputPadding));
            valid = false;
        }
        if (!in.isImage()) {
            layer.error(LayerMessage.CONV_FLAT_INPUT.format(layer.name(), "ConvTranspose2d", in.size()));
            return Shape.image(Math.max(1, channels), 1, 1);
        }
        if (!valid) {
            return Shape.image(Math.max(1, channels), 1, 1);
        }
        int height = ConvShapes.transposed(layer, "height", in.height(), kernel, stride, padding, outputPadding);
        if (height < 1) {
            return Shape.image(channels, 1, 1); // the width would repeat the report
        }
        int width = ConvShapes.transposed(layer, "width", in.width(), kernel, stride, padding, outputPadding);
        return Shape.image(channels, Math.max(1, height), Math.max(1, width));
    }

    @Override
    public List<ParameterShape> parameters(LayerSpec layer) {
        int in = layer.inputShape().channels();
        int out = layer.get(CHANNELS);
        int k = layer.get(KERNEL);
        List<ParameterShape> p = new ArrayList<>();
        p.add(new ParameterShape("weight", List.of(in, out, k, k), false));
        if (layer.get(BIAS)) {
            p.add(new ParameterShape("bias", List.of(out), false));
        }
        return p;
    }

    @Override
    public String describe(LayerSpec layer) {
        return "ConvTranspose2d(channels = " + layer.get(CHANNELS) + ", kernel = " + layer.get(KERNEL) + ", stride = "
                + layer.get(STRIDE) + ", padding = " + layer.get(PADDING) + ", outputPadding = "
                + layer.get(OUTPUT_PADDING) + (layer.get(BIAS) ? "" : ", bias = false") + ")";
    }

    /**
     * PyTorch's default: kaiming-uniform with a = sqrt(5), bound 1 / sqrt(fanIn) for weight and bias,
     * where PyTorch takes the fan-in from the weight's dimension 1: out k k.
     */
    @Override
    public CodeBlock initialize(LayerCode code) {
        int in = code.inputShape().channels();
        int k = code.layer().get(KERNEL);
        int out = code.outputShape().channels();
        return CodeBlock.of("$T.linear($L, $L, $L, $L, rng);\n", RuntimeApi.INIT, code.params(), code.offset("weight"),
                in * out * k * k + (code.layer().get(BIAS) ? out : 0), out * k * k);
    }

    @Override
    public LayerKernel kernel(LayerCode code) {
        Shape in = code.inputShape();
        LayerSpec l = code.layer();
        return new LayerKernel(RuntimeApi.CONV_TRANSPOSE2D_KERNEL,
                CodeBlock.of("new $T($L, $L, $L, $L, $L, $L, $L, $L, $L, $L, maxBatch)", RuntimeApi.CONV_TRANSPOSE2D_KERNEL,
                        in.channels(), in.height(), in.width(), l.get(CHANNELS), l.get(KERNEL), l.get(STRIDE),
                        l.get(PADDING), l.get(OUTPUT_PADDING), code.offset("weight"),
                        l.get(BIAS) ? code.offset("bias") : "-1"));
    }

    @Override
    public CodeBlock forward(LayerCode code) {
        return CodeBlock.of("$N.forward($L, $N, $L, $N, batch);\n", code.kernel(), code.pool(), code.input(),
                code.params(), code.output());
    }

    @Override
    public CodeBlock backward(LayerCode code) {
        return CodeBlock.of("$N.backward($L, $N, $N, $L, $L, $L, batch);\n", code.kernel(), code.pool(), code.input(),
                code.outputGradient(), code.params(), code.parameterGradients() ? code.grads() : "null",
                code.inputGradients() ? code.inputGradient() : "null");
    }
}

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
import java.util.List;

/**
 * {@code @BatchNorm(momentum, eps)}: PyTorch's {@code nn.BatchNorm1d} on a flat input (one channel
 * per feature) and {@code nn.BatchNorm2d} on an image (per channel over batch, height and width).
 * Weight and bias per channel are parameters; running_mean, running_var and num_batches_tracked are
 * the layer's state, updated by training-mode forward passes and used in inference mode. The passes
 * are calls to a runtime {@code BatchNormKernel}.
 */
@AutoService(LayerEmitter.class)
public final class BatchNormEmitter extends LayerEmitter {
    static final Attribute<Double> MOMENTUM = Attribute.ofDouble("momentum");
    static final Attribute<Double> EPS = Attribute.ofDouble("eps");

    @Override
    public String annotationType() {
        return "io.jgan.annotations.BatchNorm";
    }

    @Override
    public Shape outputShape(LayerSpec layer) {
        double momentum = layer.get(MOMENTUM);
        double eps = layer.get(EPS);
        if (!(momentum >= 0 && momentum <= 1)) {
            layer.error(MOMENTUM, LayerMessage.BATCH_NORM_MOMENTUM.format(layer.name(), momentum));
        }
        if (!(eps > 0) || Double.isInfinite(eps)) {
            layer.error(EPS, LayerMessage.BATCH_NORM_EPS.format(layer.name(), eps));
        }
        return layer.inputShape();
    }

    @Override
    public List<ParameterShape> parameters(LayerSpec layer) {
        int c = layer.inputShape().channels();
        return List.of(new ParameterShape("weight", List.of(c), false), new ParameterShape("bias", List.of(c), false));
    }

    @Override
    public List<ParameterShape> state(LayerSpec layer) {
        int c = layer.inputShape().channels();
        return List.of(new ParameterShape("running_mean", List.of(c), false),
                new ParameterShape("running_var", List.of(c), false),
                new ParameterShape("num_batches_tracked", List.of(), false));
    }

    @Override
    public String describe(LayerSpec layer) {
        return "BatchNorm(momentum = " + layer.get(MOMENTUM) + ", eps = " + layer.get(EPS) + ")";
    }

    /** PyTorch's init: weight 1, bias 0, running mean 0, running variance 1, no batches tracked. */
    @Override
    public CodeBlock initialize(LayerCode code) {
        int c = code.inputShape().channels();
        return CodeBlock.builder()
                .addStatement("$T.constant($L, $L, $L, 1f)", RuntimeApi.INIT, code.params(), code.offset("weight"), c)
                .addStatement("$T.constant($L, $L, $L, 0f)", RuntimeApi.INIT, code.params(), code.offset("bias"), c)
                .addStatement("$T.resetState($L, $L, $L)", RuntimeApi.BATCH_NORM_KERNEL, c, code.state(),
                        code.stateOffset("running_mean"))
                .build();
    }

    @Override
    public LayerKernel kernel(LayerCode code) {
        Shape in = code.inputShape();
        return new LayerKernel(RuntimeApi.BATCH_NORM_KERNEL, CodeBlock.of("new $T($L, $L, $L, $L, $L, maxBatch)",
                RuntimeApi.BATCH_NORM_KERNEL, in.channels(), in.height() * in.width(), code.layer().get(MOMENTUM),
                code.layer().get(EPS), code.offset("weight")));
    }

    @Override
    public CodeBlock forward(LayerCode code) {
        return CodeBlock.of("$N.forward($L, $N, $L, $L, $L, $N, batch, $L);\n", code.kernel(), code.pool(),
                code.input(), code.params(), code.state(), code.stateOffset("running_mean"), code.output(),
                code.training());
    }

    @Override
    public CodeBlock backward(LayerCode code) {
        return CodeBlock.of("$N.backward($L, $N, $N, $L, $L, $L, batch);\n", code.kernel(), code.pool(), code.input(),
                code.outputGradient(), code.params(), code.parameterGradients() ? code.grads() : "null",
                code.inputGradients() ? code.inputGradient() : "null");
    }
}

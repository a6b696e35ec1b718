package io.jgan.processor.internal.layers;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.CodeBlock;
import io.jgan.processor.spi.Attribute;
import io.jgan.processor.spi.LayerCode;
import io.jgan.processor.spi.LayerEmitter;
import io.jgan.processor.spi.LayerSpec;
import io.jgan.processor.spi.Literals;
import io.jgan.processor.spi.RuntimeApi;

/** {@code @LeakyReLU(slope)}: y = x where x > 0, else slope x (PyTorch's rule at 0: the slope side). */
@AutoService(LayerEmitter.class)
public final class LeakyReluEmitter extends ElementwiseEmitter {
    static final Attribute<Float> SLOPE = Attribute.ofFloat("slope");

    @Override
    public String annotationType() {
        return "io.jgan.annotations.LeakyReLU";
    }

    @Override
    public int outputWidth(LayerSpec layer) {
        float slope = layer.get(SLOPE);
        if (!Float.isFinite(slope)) {
            layer.error(SLOPE, LayerMessage.LEAKY_SLOPE.format(layer.name(), slope));
        }
        return layer.inputWidth();
    }

    @Override
    public String describe(LayerSpec layer) {
        return "LeakyReLU(slope = " + layer.get(SLOPE) + ")";
    }

    @Override
    CodeBlock value(LayerCode code) {
        float slope = code.layer().get(SLOPE);
        if (slope >= 0f && slope <= 1f) {
            // The same value for every input, zeros' signs and NaN included, but branch-free: C2
            // vectorises Math.max, while the conditional costs a mispredicted branch per value.
            return CodeBlock.of("Math.max(v, $L * v)", Literals.of(slope));
        }
        return CodeBlock.of("v > 0f ? v : $L * v", Literals.of(slope));
    }

    @Override
    boolean gradientFromOutput() {
        return false;
    }

    @Override
    CodeBlock gradient(LayerCode code) {
        float slope = code.layer().get(SLOPE);
        if (Float.isFinite(slope)) {
            // Branch-free and the same value for every finite d and non-NaN v: step(v) is exactly 1
            // for v > 0 and exactly 0 otherwise, so the factor is exactly 1 or the slope. C2
            // vectorises the step's min and max; the conditional it does not.
            return CodeBlock.of("d * ((1f - $T.step(v)) * $L + $T.step(v))", RuntimeApi.ACTIVATIONS,
                    Literals.of(slope), RuntimeApi.ACTIVATIONS);
        }
        return CodeBlock.of("v > 0f ? d : $L * d", Literals.of(slope));
    }
}

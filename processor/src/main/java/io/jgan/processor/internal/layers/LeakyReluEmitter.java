package io.jgan.processor.internal.layers;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.CodeBlock;
import io.jgan.processor.internal.Message;
import io.jgan.processor.spi.LayerCode;
import io.jgan.processor.spi.LayerEmitter;
import io.jgan.processor.spi.LayerSpec;
import io.jgan.processor.spi.Literals;

/** {@code @LeakyReLU(slope)}: y = x where x > 0, else slope x (PyTorch's rule at 0: the slope side). */
@AutoService(LayerEmitter.class)
public final class LeakyReluEmitter extends ElementwiseEmitter {
    @Override
    public String annotationType() {
        return "io.jgan.annotations.LeakyReLU";
    }

    @Override
    public int outputWidth(LayerSpec layer) {
        float slope = layer.floatValue("slope");
        if (!Float.isFinite(slope)) {
            layer.error("slope", Message.LEAKY_SLOPE.format(layer.name(), slope));
        }
        return layer.inputWidth();
    }

    @Override
    public String describe(LayerSpec layer) {
        return "LeakyReLU(slope = " + layer.floatValue("slope") + ")";
    }

    @Override
    CodeBlock value(LayerCode code) {
        float slope = code.layer().floatValue("slope");
        if (slope >= 0f && slope <= 1f) {
            // The same value for every input, zeros' signs and NaN included, but branch-free: C2
            // vectorises Math.max, while the conditional costs a mispredicted branch per value.
            return CodeBlock.of("Math.max(v, $L * v)", Literals.of(slope));
        }
        return CodeBlock.of("v > 0f ? v : $L * v", Literals.of(slope));
    }

    @Override
    CodeBlock gradient(LayerCode code) {
        float slope = code.layer().floatValue("slope");
        if (Float.isFinite(slope)) {
            // Branch-free and the same value for every finite d and non-NaN v: s is exactly 1 for
            // v > 0 (v * 2^149 >= 1 for the smallest positive float) and exactly 0 otherwise, so the
            // factor is exactly 1 or the slope. C2 vectorises min and max; the conditional it does not.
            return CodeBlock.of("d * ((1f - Math.min(Math.max(v * 0x1p100f * 0x1p49f, 0f), 1f)) * $L"
                    + " + Math.min(Math.max(v * 0x1p100f * 0x1p49f, 0f), 1f))", Literals.of(slope));
        }
        return CodeBlock.of("v > 0f ? d : $L * d", Literals.of(slope));
    }
}

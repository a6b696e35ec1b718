package com.example.layers;

import com.palantir.javapoet.CodeBlock;
import io.jgan.processor.spi.Attribute;
import io.jgan.processor.spi.LayerCode;
import io.jgan.processor.spi.LayerEmitter;
import io.jgan.processor.spi.LayerSpec;
import io.jgan.processor.spi.ParameterShape;
import java.util.List;

/**
 * Writes the code of {@link Swish}: y = x s with s = sigmoid(beta x), so
 * dy/dx = s + beta x s (1 - s) and dy/dbeta = x^2 s (1 - s).
 */
public final class SwishEmitter extends LayerEmitter {
    static final Attribute<Float> BETA = Attribute.ofFloat("beta");

    @Override
    public String annotationType() {
        return "com.example.layers.Swish";
    }

    @Override
    public int outputWidth(LayerSpec layer) {
        float beta = layer.get(BETA);
        if (!(beta > 0f) || Float.isInfinite(beta)) {
            // Becomes a javac error with the caret on "beta = ...".
            layer.error(BETA, "[my-layers.swish-beta] layer " + layer.name() + ": beta must be a positive"
                    + " finite number, was " + beta + "; use e.g. beta = 1 (beta = 0 would make the layer x / 2)");
        }
        return layer.inputWidth();
    }

    @Override
    public List<ParameterShape> parameters(LayerSpec layer) {
        return List.of(new ParameterShape("beta", List.of(1), false));
    }

    @Override
    public String describe(LayerSpec layer) {
        return "Swish(beta = " + layer.get(BETA) + ")";
    }

    @Override
    public CodeBlock initialize(LayerCode code) {
        return CodeBlock.builder()
                .addStatement("$L[$L] = $L", code.params(), code.offset("beta"), LayerCode.literal(code.layer().get(BETA)))
                .build();
    }

    @Override
    public CodeBlock forward(LayerCode code) {
        return CodeBlock.builder()
                .addStatement("final float[] x = $N", code.input())
                .addStatement("final float[] y = $N", code.output())
                .addStatement("final double beta = $L[$L]", code.params(), code.offset("beta"))
                .beginControlFlow("for (int k = 0, n = $N * $L; k < n; k++)", code.batch(), code.outputWidth())
                .addStatement("final double v = x[k]")
                .addStatement("y[k] = (float) (v / (1.0 + Math.exp(-beta * v)))")
                .endControlFlow()
                .build();
    }

    @Override
    public CodeBlock backward(LayerCode code) {
        // Called for parameter gradients, the input gradient, or both: write only what is asked.
        CodeBlock.Builder c = CodeBlock.builder()
                .addStatement("final float[] x = $N", code.input())
                .addStatement("final float[] dy = $N", code.outputGradient());
        if (code.inputGradients()) {
            c.addStatement("final float[] dx = $N", code.inputGradient());
        }
        c.addStatement("final double beta = $L[$L]", code.params(), code.offset("beta"));
        if (code.parameterGradients()) {
            c.addStatement("double dbeta = 0");
        }
        c.beginControlFlow("for (int k = 0, n = $N * $L; k < n; k++)", code.batch(), code.outputWidth())
                .addStatement("final double v = x[k]")
                .addStatement("final double s = 1.0 / (1.0 + Math.exp(-beta * v))")
                .addStatement("final double d = dy[k]");
        if (code.inputGradients()) {
            c.addStatement("dx[k] = (float) (d * (s + beta * v * s * (1.0 - s)))");
        }
        if (code.parameterGradients()) {
            c.addStatement("dbeta += d * v * v * s * (1.0 - s)");
        }
        c.endControlFlow();
        if (code.parameterGradients()) {
            c.addStatement("$L[$L] += (float) dbeta", code.grads(), code.offset("beta"));
        }
        return c.build();
    }
}

package io.jgan.processor.internal.layers;

import com.palantir.javapoet.CodeBlock;
import io.jgan.processor.spi.LayerCode;
import io.jgan.processor.spi.LayerEmitter;

/**
 * An activation applied value by value: one loop over {@code batch * width} values each way. No
 * parameters, so its backward pass only ever computes the input gradient.
 */
abstract class ElementwiseEmitter extends LayerEmitter {

    /** The output for one input value {@code v}. */
    abstract CodeBlock value(LayerCode code);

    /** The input gradient from input {@code v}, output {@code y} and output gradient {@code d}. */
    abstract CodeBlock gradient(LayerCode code);

    @Override
    public CodeBlock forward(LayerCode code) {
        return CodeBlock.builder()
                .addStatement("final float[] x = $N", code.input())
                .addStatement("final float[] y = $N", code.output())
                .beginControlFlow("for (int k = 0, n = batch * $L; k < n; k++)", code.outputWidth())
                .addStatement("final float v = x[k]")
                .addStatement("y[k] = $L", value(code))
                .endControlFlow()
                .build();
    }

    @Override
    public CodeBlock backward(LayerCode code) {
        return CodeBlock.builder()
                .addStatement("final float[] x = $N", code.input())
                .addStatement("final float[] y = $N", code.output())
                .addStatement("final float[] dy = $N", code.outputGradient())
                .addStatement("final float[] dx = $N", code.inputGradient())
                .beginControlFlow("for (int k = 0, n = batch * $L; k < n; k++)", code.outputWidth())
                .addStatement("final float v = x[k]")
                .addStatement("final float u = y[k]")
                .addStatement("final float d = dy[k]")
                .addStatement("dx[k] = $L", gradient(code))
                .endControlFlow()
                .build();
    }
}

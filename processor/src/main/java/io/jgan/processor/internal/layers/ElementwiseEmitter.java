package io.jgan.processor.internal.layers;

import com.palantir.javapoet.CodeBlock;
import io.jgan.processor.spi.LayerCode;
import io.jgan.processor.spi.LayerEmitter;
import io.jgan.processor.spi.LayerSpec;
import io.jgan.processor.spi.Layout;
import java.util.List;

/**
 * An activation applied value by value: one loop over {@code batch * width} values each way, or in
 * {@link Layout#FEATURES} one loop over the batch per feature. No parameters, so its backward pass
 * only ever computes the input gradient.
 */
abstract class ElementwiseEmitter extends LayerEmitter {

    /** The output for one input value {@code v}. */
    abstract CodeBlock value(LayerCode code);

    /**
     * The input gradient from the output gradient {@code d} and either the input {@code v} or, when
     * {@link #gradientFromOutput}, the output {@code u}.
     */
    abstract CodeBlock gradient(LayerCode code);

    /** Whether {@link #gradient} reads the output {@code u} (a sigmoid's) rather than the input {@code v}. */
    abstract boolean gradientFromOutput();

    /** Either layout: the loops are as plain in both. */
    @Override
    public List<Layout> layouts(LayerSpec layer) {
        return List.of(Layout.SAMPLES, Layout.FEATURES);
    }

    @Override
    public CodeBlock forward(LayerCode code) {
        CodeBlock.Builder c = CodeBlock.builder();
        CodeBlock n = beginValues(c, code);
        c.addStatement("final float[] x = $L", array(code, code.input()))
                .addStatement("final float[] y = $L", array(code, code.output()))
                .beginControlFlow("$L", n)
                .addStatement("final float v = x[k]")
                .addStatement("y[k] = $L", value(code))
                .endControlFlow();
        return endValues(c, code).build();
    }

    @Override
    public CodeBlock backward(LayerCode code) {
        CodeBlock.Builder c = CodeBlock.builder();
        CodeBlock n = beginValues(c, code);
        boolean fromOutput = gradientFromOutput();
        c.addStatement(fromOutput ? "final float[] y = $L" : "final float[] x = $L",
                        array(code, fromOutput ? code.output() : code.input()))
                .addStatement("final float[] dy = $L", array(code, code.outputGradient()))
                .addStatement("final float[] dx = $L", array(code, code.inputGradient()))
                .beginControlFlow("$L", n)
                .addStatement(fromOutput ? "final float u = y[k]" : "final float v = x[k]")
                .addStatement("final float d = dy[k]")
                .addStatement("dx[k] = $L", gradient(code))
                .endControlFlow();
        return endValues(c, code).build();
    }

    /**
     * Opens the loop over features in {@link Layout#FEATURES} (none for one feature) and returns the
     * header of the loop over values.
     */
    private static CodeBlock beginValues(CodeBlock.Builder c, LayerCode code) {
        int width = code.outputWidth();
        if (code.layout() == Layout.SAMPLES) {
            return width == 1 ? CodeBlock.of("for (int k = 0; k < batch; k++)")
                    : CodeBlock.of("for (int k = 0, n = batch * $L; k < n; k++)", width);
        }
        if (width > 1) {
            c.beginControlFlow("for (int j = 0; j < $L; j++)", width);
        }
        return CodeBlock.of("for (int k = 0; k < batch; k++)");
    }

    private static CodeBlock.Builder endValues(CodeBlock.Builder c, LayerCode code) {
        if (code.layout() == Layout.FEATURES && code.outputWidth() > 1) {
            c.endControlFlow();
        }
        return c;
    }

    /** The flat array holding the values the loop visits: the buffer, or the current feature's row. */
    private static CodeBlock array(LayerCode code, String buffer) {
        if (code.layout() == Layout.SAMPLES) {
            return CodeBlock.of("$N", buffer);
        }
        return CodeBlock.of("$N[$L]", buffer, code.outputWidth() > 1 ? "j" : "0");
    }
}

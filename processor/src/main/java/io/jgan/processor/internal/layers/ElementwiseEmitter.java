package io.jgan.processor.internal.layers;

import com.palantir.javapoet.CodeBlock;
import io.jgan.processor.spi.LayerCode;
import io.jgan.processor.spi.LayerEmitter;
import io.jgan.processor.spi.LayerKernel;
import io.jgan.processor.spi.LayerSpec;
import io.jgan.processor.spi.Layout;
import io.jgan.processor.spi.RuntimeApi;
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

    /**
     * From this many values per sample, in {@link Layout#SAMPLES}, the loops run in a
     * {@code ValueRanges} that shares stretches of the buffer among the network's threads (such loops
     * wait on memory; two threads fetch about twice as much). Below it they stay inline.
     */
    static final int SHARED_WIDTH = 1024;

    private static boolean shared(LayerCode code) {
        return code.layout() == Layout.SAMPLES && code.outputWidth() >= SHARED_WIDTH;
    }

    /** A large layer's {@code ValueRanges}, holding its two loops over a stretch {@code [from, to)}. */
    @Override
    public LayerKernel kernel(LayerCode code) {
        if (!shared(code)) {
            return null;
        }
        CodeBlock init = CodeBlock.builder()
                .add("new $T(\n", RuntimeApi.VALUE_RANGES).indent().indent()
                .add("(from, to) -> {\n").indent().add(forwardValues(code, "from", "to")).unindent().add("},\n")
                .add("(from, to) -> {\n").indent().add(backwardValues(code, "from", "to")).unindent().add("})")
                .unindent().unindent().build();
        return new LayerKernel(RuntimeApi.VALUE_RANGES, init);
    }

    @Override
    public CodeBlock forward(LayerCode code) {
        if (shared(code)) {
            return CodeBlock.of("$N.forward($L, $L);\n", code.kernel(), code.pool(), count(code));
        }
        if (code.layout() == Layout.SAMPLES) {
            return forwardValues(code, "0", count(code));
        }
        CodeBlock.Builder c = CodeBlock.builder();
        beginFeatures(c, code);
        c.add(forwardLoop(code, CodeBlock.of("for (int k = 0; k < batch; k++)")));
        return endFeatures(c, code).build();
    }

    @Override
    public CodeBlock backward(LayerCode code) {
        if (shared(code)) {
            return CodeBlock.of("$N.backward($L, $L);\n", code.kernel(), code.pool(), count(code));
        }
        if (code.layout() == Layout.SAMPLES) {
            return backwardValues(code, "0", count(code));
        }
        CodeBlock.Builder c = CodeBlock.builder();
        beginFeatures(c, code);
        c.add(backwardLoop(code, CodeBlock.of("for (int k = 0; k < batch; k++)")));
        return endFeatures(c, code).build();
    }

    /** {@return values in the pass, in {@link Layout#SAMPLES}: {@code batch} or {@code batch * width}} */
    static String count(LayerCode code) {
        return code.outputWidth() == 1 ? code.batch() : code.batch() + " * " + code.outputWidth();
    }

    /** The forward pass over values {@code [from, to)} of the flat buffers ({@link Layout#SAMPLES}). */
    CodeBlock forwardValues(LayerCode code, String from, String to) {
        return forwardLoop(code, header(from, to));
    }

    /**
     * The backward pass over values {@code [from, to)} of the flat buffers ({@link Layout#SAMPLES}):
     * a loop of {@link #gradient}, unless a subclass has a better way.
     */
    CodeBlock backwardValues(LayerCode code, String from, String to) {
        return backwardLoop(code, header(from, to));
    }

    private static CodeBlock header(String from, String to) {
        return from.equals("0") && to.indexOf(' ') > 0 ? CodeBlock.of("for (int k = 0, n = $L; k < n; k++)", to)
                : CodeBlock.of("for (int k = $L; k < $L; k++)", from, to);
    }

    private CodeBlock forwardLoop(LayerCode code, CodeBlock header) {
        return CodeBlock.builder()
                .addStatement("final float[] x = $L", array(code, code.input()))
                .addStatement("final float[] y = $L", array(code, code.output()))
                .beginControlFlow("$L", header)
                .addStatement("final float v = x[k]")
                .addStatement("y[k] = $L", value(code))
                .endControlFlow()
                .build();
    }

    private CodeBlock backwardLoop(LayerCode code, CodeBlock header) {
        boolean fromOutput = gradientFromOutput();
        return CodeBlock.builder()
                .addStatement(fromOutput ? "final float[] y = $L" : "final float[] x = $L",
                        array(code, fromOutput ? code.output() : code.input()))
                .addStatement("final float[] dy = $L", array(code, code.outputGradient()))
                .addStatement("final float[] dx = $L", array(code, code.inputGradient()))
                .beginControlFlow("$L", header)
                .addStatement(fromOutput ? "final float u = y[k]" : "final float v = x[k]")
                .addStatement("final float d = dy[k]")
                .addStatement("dx[k] = $L", gradient(code))
                .endControlFlow()
                .build();
    }

    /** Opens the loop over features in {@link Layout#FEATURES} (none for one feature). */
    private static void beginFeatures(CodeBlock.Builder c, LayerCode code) {
        if (code.outputWidth() > 1) {
            c.beginControlFlow("for (int j = 0; j < $L; j++)", code.outputWidth());
        }
    }

    private static CodeBlock.Builder endFeatures(CodeBlock.Builder c, LayerCode code) {
        if (code.outputWidth() > 1) {
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

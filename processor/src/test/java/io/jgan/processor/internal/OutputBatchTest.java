package io.jgan.processor.internal;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.palantir.javapoet.CodeBlock;
import io.jgan.processor.JganProcessor;
import io.jgan.processor.internal.layers.DenseEmitter;
import io.jgan.processor.spi.LayerCode;
import io.jgan.processor.spi.LayerEmitter;
import io.jgan.processor.spi.LayerSpec;
import io.jgan.processor.testing.CompiledSpec;
import io.jgan.processor.testing.Specs;
import io.jgan.runtime.Network;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * A layer that changes the number of samples ({@link LayerEmitter#outputBatch}): here a mean over
 * the batch, declared in the test the way a user declares a layer, between two dense layers. The
 * layers before it run on the whole batch, the ones after on one sample, and the generated network
 * says so through {@code outputBatch(int)}.
 */
class OutputBatchTest {
    private static final String SPEC = """
            package test;

            import io.jgan.annotations.*;
            import java.lang.annotation.*;

            public interface Pooled {
                @Layer
                @Retention(RetentionPolicy.CLASS)
                @Target(ElementType.METHOD)
                @interface MeanOverBatch {}

                @Generator
                interface G {
                    @Noise(size = 1) void noise();
                    @Dense(units = 3) void out();
                }

                @Discriminator(inputSize = 3)
                interface D {
                    @Dense(units = 2) void hidden();
                    @MeanOverBatch void pool();
                    @Dense(units = 1) void out();
                }
            }
            """;

    /** The mean of each value over the batch; backward spreads the gradient evenly. */
    static final class MeanOverBatchEmitter extends LayerEmitter {
        @Override
        public String annotationType() {
            return "test.Pooled.MeanOverBatch";
        }

        @Override
        public CodeBlock outputBatch(LayerSpec layer, String batch) {
            return CodeBlock.of("1");
        }

        @Override
        public CodeBlock forward(LayerCode code) {
            int w = code.outputWidth();
            return CodeBlock.builder()
                    .beginControlFlow("for (int f = 0; f < $L; f++)", w)
                    .addStatement("float sum = 0f")
                    .beginControlFlow("for (int b = 0; b < $N; b++)", code.batch())
                    .addStatement("sum += $N[b * $L + f]", code.input(), w)
                    .endControlFlow()
                    .addStatement("$N[f] = sum / $N", code.output(), code.batch())
                    .endControlFlow()
                    .build();
        }

        @Override
        public CodeBlock backward(LayerCode code) {
            int w = code.outputWidth();
            return CodeBlock.builder()
                    .beginControlFlow("for (int b = 0; b < $N; b++)", code.batch())
                    .beginControlFlow("for (int f = 0; f < $L; f++)", w)
                    .addStatement("$N[b * $L + f] = $N[f] / $N", code.inputGradient(), w, code.outputGradient(),
                            code.batch())
                    .endControlFlow()
                    .endControlFlow()
                    .build();
        }
    }

    private static Compilation compile() {
        return compile(SPEC);
    }

    private static Compilation compile(String spec) {
        List<LayerEmitter> emitters = new java.util.ArrayList<>();
        ServiceLoader.load(LayerEmitter.class, JganProcessor.class.getClassLoader()).forEach(emitters::add);
        emitters.add(new MeanOverBatchEmitter());
        return javac().withProcessors(new JganProcessor(emitters)).withOptions("-Xlint:all,-processing", "-Werror")
                .compile(Specs.source("test.Pooled", spec));
    }

    @Test
    void layersAfterTheBatchChangeRunOnItsOutputBatch() {
        Compilation compilation = compile();
        CompiledSpec spec = CompiledSpec.of(compilation, "test.Pooled");
        String source = Specs.generatedSource(compilation, "test.Pooled_Discriminator");
        assertTrue(source.contains("public int outputBatch(int batch)"), source);
        assertTrue(source.contains("outForward(poolBatch);"), source);
        assertTrue(source.contains("hiddenForward(batch);"), source);

        int n = 7;
        Network d = spec.discriminator(n, 5);
        assertEquals(1, d.outputBatch(n));
        float[] x = new float[n * 3];
        for (int k = 0; k < x.length; k++) {
            x[k] = (k * 7 % 11) / 5f - 1;
        }
        // The dense layers' parameters: hidden W [3][2] then bias [2]; out W [2][1] then bias [1].
        float[] p = d.parameters();
        double[] mean = new double[2];
        for (int b = 0; b < n; b++) {
            for (int o = 0; o < 2; o++) {
                double y = p[6 + o];
                for (int i = 0; i < 3; i++) {
                    y += x[b * 3 + i] * p[i * 2 + o];
                }
                mean[o] += y / n;
            }
        }
        double want = p[10] + mean[0] * p[8] + mean[1] * p[9];
        float[] out = d.forward(x, n);
        assertEquals(want, out[0], 1e-5);

        // d out / d x[b][i] = sum_o W_hidden[i][o] * W_out[o] / n, the same for every sample.
        d.outputGradient()[0] = 1f;
        float[] dx = d.backwardToInput();
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < 3; i++) {
                double g = (p[i * 2] * p[8] + p[i * 2 + 1] * p[9]) / n;
                assertEquals(g, dx[b * 3 + i], 1e-6, "sample " + b + ", input " + i);
            }
        }
    }

    @Test
    void aGeneratorMayNotChangeTheBatch() {
        String spec = SPEC.replace("@Dense(units = 3) void out();", "@Dense(units = 3) void out();\n"
                + "        @MeanOverBatch void pooledOut();");
        Compilation compilation = compile(spec);
        com.google.testing.compile.CompilationSubject.assertThat(compilation).hadErrorCount(1);
        com.google.testing.compile.CompilationSubject.assertThat(compilation)
                .hadErrorContaining("[jgan.batch-in-generator] layer pooledOut changes the number of samples")
                .inFile(Specs.source("test.Pooled", spec))
                .onLine(Specs.lineOf(spec, "void pooledOut()"));
    }

    @Test
    void networksWithoutSuchALayerKeepTheInheritedOutputBatch() {
        Compilation compilation = compile();
        assertFalse(Specs.generatedSource(compilation, "test.Pooled_Generator").contains("outputBatch"));
        assertTrue(new DenseEmitter().outputBatch(null, "batch") == null);
    }
}

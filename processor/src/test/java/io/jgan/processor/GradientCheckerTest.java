package io.jgan.processor;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.CodeBlock;
import io.jgan.processor.internal.layers.DenseEmitter;
import io.jgan.processor.spi.LayerCode;
import io.jgan.processor.spi.LayerEmitter;
import io.jgan.processor.testing.CompiledSpec;
import io.jgan.processor.testing.Specs;
import io.jgan.runtime.Network;
import io.jgan.testing.GradientCheck;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The gradient checker is only worth something if it fails on wrong gradients: swapped entries (a
 * wrong index), a gradient a few percent off, and a batch-indexing bug in real generated code.
 */
class GradientCheckerTest {
    private static final int MAX_BATCH = 5;
    private static final int BATCH = 3;

    /** A 7-32-1 discriminator: 289 parameters, hidden.weight first. */
    private static Network discriminator() {
        return CompiledSpec.compile("test.Bits", """
                package test;
                import io.jgan.annotations.*;
                public interface Bits {
                    @Generator
                    interface G {
                        @Noise(size = 7, distribution = Noise.Distribution.BERNOULLI)
                        void noise();
                        @Dense(units = 7)
                        void dense();
                    }
                    @Discriminator(inputSize = 7)
                    interface D {
                        @Dense(units = 32)
                        void hidden();
                        @LeakyReLU(slope = 0.2f)
                        void hiddenActivation();
                        @Dense(units = 1)
                        void out();
                        @Sigmoid
                        void activation();
                    }
                }
                """).discriminator(MAX_BATCH, 2);
    }

    @Test
    void swappedEntriesFailAndAreNamed() {
        Network d = discriminator();
        GradientCheck probe = new GradientCheck(d, BATCH, 102);
        float[] analytic = probe.parameterGradient();
        GradientCheck.Numeric numeric = probe.numericParameterGradient();
        IntFunction<String> names = GradientCheck.parameterNames(d.info());
        assertTrue(GradientCheck.compare("correct", analytic, numeric, names).ok());

        // hidden.weight is stored [in][out]: entries 0 and 1 are outputs 0 and 1 of input 0.
        swap(analytic, 0, 1);
        GradientCheck.Result swapped = GradientCheck.compare("swapped", analytic, numeric, names);

        assertFalse(swapped.ok());
        assertEquals(0, swapped.firstBad());
        assertTrue(swapped.report().contains("first bad: layer 'hidden' Dense(units = 32), weight[0] (flat 0)"),
                swapped::report);
        AssertionError error = assertThrows(AssertionError.class, swapped::orThrow);
        assertTrue(error.getMessage().startsWith("swapped: NOT OK, 2 of 289 entries bad"), error::getMessage);
    }

    /** Not one lucky pair: nearly every swap of neighbouring entries, in every tensor, is caught. */
    @Test
    void almostEveryNeighbourSwapFails() {
        Network d = discriminator();
        GradientCheck probe = new GradientCheck(d, BATCH, 102);
        float[] analytic = probe.parameterGradient();
        GradientCheck.Numeric numeric = probe.numericParameterGradient();
        IntFunction<String> names = GradientCheck.parameterNames(d.info());

        int caught = 0;
        for (int k = 0; k + 1 < analytic.length; k++) {
            float[] wrong = analytic.clone();
            swap(wrong, k, k + 1);
            if (!GradientCheck.compare("swap", wrong, numeric, names).ok()) {
                caught++;
            }
        }
        int swaps = analytic.length - 1;
        assertTrue(caught >= 0.95 * swaps, caught + " of " + swaps + " swaps caught");
    }

    @Test
    void aGradientTwoPercentOffFails() {
        Network d = discriminator();
        GradientCheck probe = new GradientCheck(d, BATCH, 102);
        float[] analytic = probe.parameterGradient();
        GradientCheck.Numeric numeric = probe.numericParameterGradient();
        for (int k = 0; k < analytic.length; k++) {
            analytic[k] *= 1.02f;
        }

        assertFalse(GradientCheck.compare("scaled", analytic, numeric, GradientCheck.parameterNames(d.info())).ok());
    }

    @Test
    void tooManyEntriesAcrossKinksFail() {
        float[] analytic = {1, 2, 3};
        double[] numeric = {0, 0, 0};
        boolean[] kinks = {true, false, false};

        GradientCheck.Result result = GradientCheck.compare("kinks", analytic, new GradientCheck.Numeric(numeric, kinks),
                k -> "entry " + k);

        assertFalse(result.ok());
        assertTrue(result.report().contains("1 entries across a kink, not compared (more than a tenth"),
                result::report);
    }

    /** A user layer, {@code y = x * x}, served through the SPI; {@code broken} reads sample 0's x for every sample. */
    private static final class SquareEmitter extends LayerEmitter {
        private final boolean broken;

        SquareEmitter(boolean broken) {
            this.broken = broken;
        }

        @Override
        public String annotationType() {
            return "test.Squares.Square";
        }

        @Override
        public CodeBlock forward(LayerCode code) {
            return CodeBlock.builder()
                    .addStatement("final float[] x = $N", code.input())
                    .addStatement("final float[] y = $N", code.output())
                    .beginControlFlow("for (int k = 0, n = batch * $L; k < n; k++)", code.outputWidth())
                    .addStatement("y[k] = x[k] * x[k]")
                    .endControlFlow()
                    .build();
        }

        @Override
        public CodeBlock backward(LayerCode code) {
            return CodeBlock.builder()
                    .addStatement("final float[] x = $N", code.input())
                    .addStatement("final float[] dy = $N", code.outputGradient())
                    .addStatement("final float[] dx = $N", code.inputGradient())
                    .beginControlFlow("for (int k = 0, n = batch * $L; k < n; k++)", code.outputWidth())
                    .addStatement(broken ? CodeBlock.of("dx[k] = 2f * x[k % $L] * dy[k]", code.outputWidth())
                            : CodeBlock.of("dx[k] = 2f * x[k] * dy[k]"))
                    .endControlFlow()
                    .build();
        }
    }

    private static CompiledSpec squares(boolean broken) {
        List<LayerEmitter> emitters = List.of(new DenseEmitter(), new SquareEmitter(broken));
        return CompiledSpec.of(javac().withProcessors(new JganProcessor(emitters)).compile(Specs.source("test.Squares", """
                package test;
                import io.jgan.annotations.*;
                import java.lang.annotation.*;
                public interface Squares {
                    @Layer
                    @Retention(RetentionPolicy.CLASS)
                    @Target(ElementType.METHOD)
                    @interface Square {}

                    @Generator
                    interface G {
                        @Noise(size = 3)
                        void noise();
                        @Dense(units = 4)
                        void hidden();
                        @Square
                        void square();
                        @Dense(units = 2)
                        void out();
                    }
                    @Discriminator(inputSize = 2)
                    interface D {
                        @Square
                        void first();
                        @Dense(units = 3)
                        void hidden();
                        @Dense(units = 1)
                        void out();
                    }
                }
                """)), "test.Squares");
    }

    @Test
    void aUserLayerThroughTheSpiPasses() {
        CompiledSpec spec = squares(false);
        new GradientCheck(spec.generator(MAX_BATCH, 1), BATCH, 101).checkParameters();
        new GradientCheck(spec.discriminator(MAX_BATCH, 2), BATCH, 102).checkInput();
    }

    @Test
    void aBatchIndexingBugFails() {
        CompiledSpec spec = squares(true);

        AssertionError generator = assertThrows(AssertionError.class,
                () -> new GradientCheck(spec.generator(MAX_BATCH, 1), BATCH, 101).checkParameters());
        AssertionError discriminator = assertThrows(AssertionError.class,
                () -> new GradientCheck(spec.discriminator(MAX_BATCH, 2), BATCH, 102).checkInput());

        // Only samples 1 and 2 are wrong: the first bad entry is in the layer feeding the square,
        // and the first bad input is in sample 1.
        assertTrue(generator.getMessage().contains("first bad: layer 'hidden' Dense(units = 4)"), generator::getMessage);
        assertTrue(discriminator.getMessage().contains("first bad: input[sample 1, "), discriminator::getMessage);
    }

    private static void swap(float[] a, int i, int j) {
        float t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

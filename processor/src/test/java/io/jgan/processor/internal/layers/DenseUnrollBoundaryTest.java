package io.jgan.processor.internal.layers;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.jgan.processor.testing.Specs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code @Dense} unrolls a layer with at most {@link DenseEmitter#UNROLL_LIMIT} weights into
 * straight-line code, the largest methods jgan writes; above it, it loops. At the boundary, in every
 * shape and in all four variants (forward; backward with parameter and input gradients, parameters
 * only, input only), every method must stay under HotSpot's 8000-byte JIT limit. (At 128 the
 * longest is the 1 x 128 backward with both gradients, about 5.7 KB; doubling the limit would break it.)
 */
class DenseUnrollBoundaryTest {

    /**
     * A spec whose {@code boundary} layers have {@code in x out} weights: the generator's needs both
     * gradients, the discriminator's {@code first} one (out x in, also at the boundary) computes
     * parameter and input gradients in separate methods.
     */
    private static String spec(int in, int out) {
        return """
                package test;
                import io.jgan.annotations.*;
                public interface Boundary {
                    @Generator
                    interface G {
                        @Noise(size = 2)
                        void noise();
                        @Dense(units = %1$d)
                        void before();
                        @Dense(units = %2$d)
                        void boundary();
                    }
                    @Discriminator(inputSize = %2$d)
                    interface D {
                        @Dense(units = %1$d)
                        void first();
                        @Dense(units = %2$d)
                        void boundary();
                        @Dense(units = 1)
                        void out();
                    }
                }
                """.formatted(in, out);
    }

    @ParameterizedTest(name = "{0} x {1} weights")
    @CsvSource({
        // in*out == UNROLL_LIMIT (128) with both sides <= UNROLL_MAX_SIDE (32): the largest unrolled layers.
        "32, 4", "4, 32", "16, 8", "8, 16",
        // Just above, by weights or by one side: loops.
        "129, 1", "1, 129", "43, 3", "3, 43", "33, 1", "1, 33", "128, 1", "1, 128"})
    void everyMethodStaysUnderTheJitLimit(int in, int out) {
        Compilation compilation = Specs.compile(Specs.source("test.Boundary", spec(in, out)));
        assertThat(compilation).succeededWithoutWarnings();

        Specs.assertNoHugeMethods(compilation);
        boolean unrolled = in * out <= DenseEmitter.UNROLL_LIMIT
                && in <= DenseEmitter.UNROLL_MAX_SIDE && out <= DenseEmitter.UNROLL_MAX_SIDE;
        String generator = Specs.generatedSource(compilation, "test.Boundary_Generator");
        String discriminator = Specs.generatedSource(compilation, "test.Boundary_Discriminator");
        assertEquals(unrolled, isUnrolled(Specs.methodSource(generator, "private void boundaryForward(")));
        assertEquals(unrolled, isUnrolled(Specs.methodSource(generator, "private void boundaryBackward(")));
        assertEquals(unrolled, isUnrolled(Specs.methodSource(discriminator, "private void firstBackwardParameters(")));
        assertEquals(unrolled, isUnrolled(Specs.methodSource(discriminator, "private void firstBackwardInput(")));
    }

    /**
     * The largest unrolled layers in the FEATURES layout: the same {@code in x out} layer between
     * one value in and one out, so that every layer is unrolled and the network keeps one array per
     * feature.
     */
    @ParameterizedTest(name = "{0} x {1} weights, one array per feature")
    @CsvSource({"32, 4", "4, 32", "16, 8", "8, 16"})
    void featureLayoutStaysUnderTheJitLimit(int in, int out) {
        String narrow = """
                package test;
                import io.jgan.annotations.*;
                public interface Narrow {
                    @Generator
                    interface G {
                        @Noise(size = 1)
                        void noise();
                        @Dense(units = %1$d)
                        void before();
                        @Dense(units = %2$d)
                        void boundary();
                        @Dense(units = 1)
                        void out();
                    }
                    @Discriminator(inputSize = 1)
                    interface D {
                        @Dense(units = %1$d)
                        void first();
                        @Dense(units = %2$d)
                        void boundary();
                        @Dense(units = 1)
                        void out();
                    }
                }
                """.formatted(in, out);
        Compilation compilation = Specs.compile(Specs.source("test.Narrow", narrow));
        assertThat(compilation).succeededWithoutWarnings();

        Specs.assertNoHugeMethods(compilation);
        for (String network : new String[] {"test.Narrow_Generator", "test.Narrow_Discriminator"}) {
            String source = Specs.generatedSource(compilation, network);
            assertTrue(source.contains("private final float[][] boundaryOut;"), network + " is not in FEATURES");
            assertTrue(isUnrolled(Specs.methodSource(source, "private void boundaryForward(")));
            assertTrue(isUnrolled(Specs.methodSource(source, "private void boundaryBackward(")));
        }
    }

    /** Unrolled code has only the loop over the batch; looped code also loops over inputs. */
    private static boolean isUnrolled(String method) {
        return method.contains("for (int b = 0; b < batch; b++)") && !method.contains("for (int i = 0;");
    }
}

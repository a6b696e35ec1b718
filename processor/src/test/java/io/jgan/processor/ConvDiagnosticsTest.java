package io.jgan.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.jgan.processor.testing.Specs.lineOf;

import com.google.testing.compile.Compilation;
import io.jgan.processor.testing.Specs;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The diagnostics of the convolutional layers, one tiny spec each: exactly that one error, tagged,
 * on the offending line.
 */
class ConvDiagnosticsTest {

    private static void assertOnlyError(String spec, String tag, String marker) {
        JavaFileObject source = Specs.source("test.Spec", spec);
        Compilation compilation = Specs.compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(tag).inFile(source).onLine(lineOf(spec, marker));
    }

    /** A discriminator on 1 x 8 x 8 images whose first layer is {@code layer}, then Flatten, Dense(1). */
    private static String discriminatorWith(String layer) {
        return """
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    interface G {
                        @Noise(size = 2)
                        void noise();
                        @Dense(units = 64)
                        void hidden();
                        @Reshape(channels = 1, height = 8, width = 8)
                        void image();
                    }
                    @Discriminator(channels = 1, height = 8, width = 8)
                    interface D {
                        %s
                        void first();
                        @Flatten
                        void flat();
                        @Dense(units = 1)
                        void out();
                    }
                }
                """.formatted(layer);
    }

    @Test
    void aStrideThatDoesNotDivideTheInput() {
        // (8 + 0 - 3) / 2 + 1 = 3.5
        assertOnlyError(discriminatorWith("@Conv2d(channels = 2, kernel = 3, stride = 2)"), "[jgan.conv-output-size]",
                "@Conv2d");
    }

    @Test
    void aKernelLargerThanThePaddedInput() {
        assertOnlyError(discriminatorWith("@Conv2d(channels = 2, kernel = 11, padding = 1)"), "[jgan.conv-output-size]",
                "@Conv2d");
    }

    @Test
    void aTransposedConvolutionWithNoOutput() {
        // (8 - 1) * 1 - 2 * 5 + 2 = -1
        assertOnlyError(discriminatorWith("@ConvTranspose2d(channels = 2, kernel = 2, padding = 5)"),
                "[jgan.conv-output-size]", "@ConvTranspose2d");
    }

    @Test
    void anOutputPaddingNotBelowTheStride() {
        assertOnlyError(discriminatorWith("@ConvTranspose2d(channels = 2, kernel = 2, stride = 2, outputPadding = 2)"),
                "[jgan.conv-output-padding]", "outputPadding = 2");
    }

    @Test
    void zeroChannels() {
        assertOnlyError(discriminatorWith("@Conv2d(channels = 0, kernel = 3)"), "[jgan.conv-value]", "channels = 0");
    }

    @Test
    void aConvolutionOnAFlatInput() {
        assertOnlyError("""
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    interface G {
                        @Noise(size = 2)
                        void noise();
                        @Dense(units = 64)
                        void hidden();
                        @Conv2d(channels = 1, kernel = 3, padding = 1)
                        void conv();
                    }
                    @Discriminator(inputSize = 64)
                    interface D {
                        @Dense(units = 1)
                        void out();
                    }
                }
                """, "[jgan.conv-flat-input]", "@Conv2d");
    }

    @Test
    void aReshapeOfAnotherSize() {
        assertOnlyError("""
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    interface G {
                        @Noise(size = 2)
                        void noise();
                        @Dense(units = 60)
                        void hidden();
                        @Reshape(channels = 1, height = 8, width = 8)
                        void image();
                    }
                    @Discriminator(inputSize = 64)
                    interface D {
                        @Dense(units = 1)
                        void out();
                    }
                }
                """, "[jgan.reshape-size]", "@Reshape");
    }

    @Test
    void aZeroEps() {
        assertOnlyError(discriminatorWith("@BatchNorm(eps = 0)"), "[jgan.batch-norm-eps]", "eps = 0");
    }

    @Test
    void aMomentumAboveOne() {
        assertOnlyError(discriminatorWith("@BatchNorm(momentum = 1.5)"), "[jgan.batch-norm-momentum]",
                "momentum = 1.5");
    }

    @Test
    void aNegativeMomentum() {
        assertOnlyError(discriminatorWith("@BatchNorm(momentum = -0.1)"), "[jgan.batch-norm-momentum]",
                "momentum = -0.1");
    }
}

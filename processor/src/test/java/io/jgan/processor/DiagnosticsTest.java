package io.jgan.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.jgan.processor.testing.Specs.lineOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import io.jgan.processor.testing.RecordingProcessor;
import io.jgan.processor.testing.Specs;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One tiny spec per diagnostic: it must fail with exactly that one error, tagged, on the line of the
 * offending element (the annotation value's line when the problem is a value, like {@code units = 0}).
 * Lines are found by their content, so the specs below can be edited freely.
 */
class DiagnosticsTest {

    /** Compiles {@code test.Spec} and asserts exactly one error, with {@code tag}, on the line containing {@code marker}. */
    private static void assertOnlyError(String spec, String tag, String marker) {
        JavaFileObject source = Specs.source("test.Spec", spec);
        Compilation compilation = Specs.compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(tag).inFile(source).onLine(lineOf(spec, marker));
    }

    @Test
    void discriminatorWithoutLayers() {
        assertOnlyError("""
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    interface G {
                        @Noise(size = 2)
                        void noise();
                        @Dense(units = 3)
                        void out();
                    }
                    @Discriminator(inputSize = 3)
                    interface D {}
                }
                """, "[jgan.no-layers]", "interface D");
    }

    @Test
    void generatorWithOnlyNoise() {
        assertOnlyError("""
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    interface G {
                        @Noise(size = 2)
                        void noise();
                    }
                    @Discriminator(inputSize = 3)
                    interface D {
                        @Dense(units = 1)
                        void out();
                    }
                }
                """, "[jgan.no-layers]", "interface G");
    }

    @Test
    void zeroUnits() {
        assertOnlyError("""
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    interface G {
                        @Noise(size = 2)
                        void noise();
                        @Dense(units = 0)
                        void hidden();
                        @Dense(units = 3)
                        void out();
                    }
                    @Discriminator(inputSize = 3)
                    interface D {
                        @Dense(units = 1)
                        void out();
                    }
                }
                """, "[jgan.dense-units]", "units = 0");
    }

    /** Not just the line: the caret lands on the offending value ({@code units = 0}, under the 0). */
    @Test
    void caretOnTheOffendingValue() {
        String spec = """
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    interface G {
                        @Noise(size = 2)
                        void noise();
                        @Dense(units = 0)
                        void hidden();
                    }
                    @Discriminator(inputSize = 3)
                    interface D {
                        @Dense(units = 1)
                        void out();
                    }
                }
                """;
        JavaFileObject source = Specs.source("test.Spec", spec);
        int line = lineOf(spec, "units = 0");
        int column = spec.split("\n")[line - 1].indexOf("units = 0") + "units = ".length() + 1;

        assertThat(Specs.compile(source)).hadErrorContaining("[jgan.dense-units]").inFile(source)
                .onLine(line).atColumn(column);
    }

    @Test
    void negativeUnits() {
        assertOnlyError("""
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    interface G {
                        @Noise(size = 2)
                        void noise();
                        @Dense(units = 3)
                        void out();
                    }
                    @Discriminator(inputSize = 3)
                    interface D {
                        @Dense(units = -4)
                        void hidden();
                        @Dense(units = 1)
                        void out();
                    }
                }
                """, "[jgan.dense-units]", "units = -4");
    }

    @Test
    void dropoutOfOne() {
        assertOnlyError("""
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    interface G {
                        @Noise(size = 2)
                        void noise();
                        @Dense(units = 3)
                        void out();
                    }
                    @Discriminator(inputSize = 3)
                    interface D {
                        @Dropout(p = 1)
                        void drop();
                        @Dense(units = 1)
                        void out();
                    }
                }
                """, "[jgan.dropout-p]", "p = 1");
    }

    @Test
    void negativeDropout() {
        assertOnlyError("""
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    interface G {
                        @Noise(size = 2)
                        void noise();
                        @Dense(units = 3)
                        void hidden();
                        @Dropout(p = -0.1f)
                        void drop();
                    }
                    @Discriminator(inputSize = 3)
                    interface D {
                        @Dense(units = 1)
                        void out();
                    }
                }
                """, "[jgan.dropout-p]", "p = -0.1f");
    }

    @Test
    void discriminatorEndingInMoreThanOneUnit() {
        assertOnlyError("""
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    interface G {
                        @Noise(size = 2)
                        void noise();
                        @Dense(units = 3)
                        void out();
                    }
                    @Discriminator(inputSize = 3)
                    interface D {
                        @Dense(units = 2)
                        void out();
                        @Sigmoid
                        void lastActivation();
                    }
                }
                """, "[jgan.discriminator-output]", "void lastActivation()");
    }

    @Test
    void generatorOutputDifferentFromDiscriminatorInput() {
        assertOnlyError("""
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    interface G {
                        @Noise(size = 2)
                        void noise();
                        @Dense(units = 3)
                        void out();
                    }
                    @Discriminator(inputSize = 5)
                    interface D {
                        @Dense(units = 1)
                        void out();
                    }
                }
                """, "[jgan.size-mismatch]", "inputSize = 5");
    }

    @Test
    void layerAnnotationWithoutEmitter() {
        assertOnlyError("""
                package test;
                import io.jgan.annotations.*;
                import java.lang.annotation.*;
                public interface Spec {
                    @Layer
                    @Retention(RetentionPolicy.CLASS)
                    @Target(ElementType.METHOD)
                    @interface Swish {}

                    @Generator
                    interface G {
                        @Noise(size = 2)
                        void noise();
                        @Dense(units = 3)
                        void hidden();
                        @Swish
                        void activation();
                    }
                    @Discriminator(inputSize = 3)
                    interface D {
                        @Dense(units = 1)
                        void out();
                    }
                }
                """, "[jgan.no-emitter]", "@Swish");
    }

    @Test
    void twoNoises() {
        assertOnlyError("""
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    interface G {
                        @Noise(size = 2)
                        void noise();
                        @Noise(size = 4, distribution = Noise.Distribution.UNIFORM)
                        void moreNoise();
                        @Dense(units = 3)
                        void out();
                    }
                    @Discriminator(inputSize = 3)
                    interface D {
                        @Dense(units = 1)
                        void out();
                    }
                }
                """, "[jgan.two-noises]", "size = 4");
    }

    @Test
    void missingNoise() {
        assertOnlyError("""
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    interface G {
                        @Dense(units = 3)
                        void out();
                    }
                    @Discriminator(inputSize = 3)
                    interface D {
                        @Dense(units = 1)
                        void out();
                    }
                }
                """, "[jgan.missing-noise]", "interface G");
    }

    @Test
    void missingDiscriminator() {
        assertOnlyError("""
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    interface G {
                        @Noise(size = 2)
                        void noise();
                        @Dense(units = 3)
                        void out();
                    }
                }
                """, "[jgan.missing-network]", "interface G");
    }

    @Test
    void missingGenerator() {
        assertOnlyError("""
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Discriminator(inputSize = 3)
                    interface D {
                        @Dense(units = 1)
                        void out();
                    }
                }
                """, "[jgan.missing-network]", "interface D");
    }

    @Test
    void methodWithoutLayerAnnotation() {
        assertOnlyError("""
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    interface G {
                        @Noise(size = 2)
                        void noise();
                        @Dense(units = 3)
                        void out();
                    }
                    @Discriminator(inputSize = 3)
                    interface D {
                        void forgotten();
                        @Dense(units = 1)
                        void out();
                    }
                }
                """, "[jgan.not-a-layer]", "void forgotten()");
    }

    @Test
    void twoLayerAnnotationsOnOneMethod() {
        assertOnlyError("""
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    interface G {
                        @Noise(size = 2)
                        void noise();
                        @Dense(units = 3)
                        @Tanh
                        void out();
                    }
                    @Discriminator(inputSize = 3)
                    interface D {
                        @Dense(units = 1)
                        void out();
                    }
                }
                """, "[jgan.two-layers]", "@Tanh");
    }

    /** The layer annotation is not silently dropped because @Noise is there too. */
    @Test
    void noiseAndALayerOnOneMethod() {
        assertOnlyError("""
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    interface G {
                        @Noise(size = 2)
                        @Tanh
                        void noise();
                        @Dense(units = 3)
                        void out();
                    }
                    @Discriminator(inputSize = 3)
                    interface D {
                        @Dense(units = 1)
                        void out();
                    }
                }
                """, "[jgan.two-layers]", "@Tanh");
    }

    @Test
    void noiseAfterALayer() {
        assertOnlyError("""
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    interface G {
                        @Dense(units = 3)
                        void out();
                        @Noise(size = 2)
                        void noise();
                    }
                    @Discriminator(inputSize = 3)
                    interface D {
                        @Dense(units = 1)
                        void out();
                    }
                }
                """, "[jgan.noise-not-first]", "@Noise");
    }

    @Test
    void noiseInDiscriminator() {
        assertOnlyError("""
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    interface G {
                        @Noise(size = 2)
                        void noise();
                        @Dense(units = 3)
                        void out();
                    }
                    @Discriminator(inputSize = 3)
                    interface D {
                        @Noise(size = 3)
                        void noise();
                        @Dense(units = 1)
                        void out();
                    }
                }
                """, "[jgan.noise-in-discriminator]", "@Noise(size = 3)");
    }

    @Test
    void zeroNoiseSize() {
        assertOnlyError("""
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    interface G {
                        @Noise(size = 0)
                        void noise();
                        @Dense(units = 3)
                        void out();
                    }
                    @Discriminator(inputSize = 3)
                    interface D {
                        @Dense(units = 1)
                        void out();
                    }
                }
                """, "[jgan.noise-size]", "size = 0");
    }

    @Test
    void emptyUniformRange() {
        assertOnlyError("""
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    interface G {
                        @Noise(size = 2, distribution = Noise.Distribution.UNIFORM, a = 1, b = 1)
                        void noise();
                        @Dense(units = 3)
                        void out();
                    }
                    @Discriminator(inputSize = 3)
                    interface D {
                        @Dense(units = 1)
                        void out();
                    }
                }
                """, "[jgan.noise-uniform-range]", "@Noise");
    }

    @Test
    void gaussianWithoutSpread() {
        assertOnlyError("""
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    interface G {
                        @Noise(size = 2, distribution = Noise.Distribution.GAUSSIAN, b = 0)
                        void noise();
                        @Dense(units = 3)
                        void out();
                    }
                    @Discriminator(inputSize = 3)
                    interface D {
                        @Dense(units = 1)
                        void out();
                    }
                }
                """, "[jgan.noise-gaussian-parameters]", "b = 0");
    }

    @Test
    void bernoulliProbabilityAboveOne() {
        assertOnlyError("""
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    interface G {
                        @Noise(size = 2, distribution = Noise.Distribution.BERNOULLI,
                                a = 1.5f)
                        void noise();
                        @Dense(units = 3)
                        void out();
                    }
                    @Discriminator(inputSize = 3)
                    interface D {
                        @Dense(units = 1)
                        void out();
                    }
                }
                """, "[jgan.noise-bernoulli-p]", "a = 1.5f");
    }

    @Test
    void zeroInputSize() {
        assertOnlyError("""
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    interface G {
                        @Noise(size = 2)
                        void noise();
                        @Dense(units = 3)
                        void out();
                    }
                    @Discriminator(inputSize = 0)
                    interface D {
                        @Dense(units = 1)
                        void out();
                    }
                }
                """, "[jgan.input-size]", "inputSize = 0");
    }

    @Test
    void imageInputWithoutAHeight() {
        assertOnlyError("""
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    interface G {
                        @Noise(size = 2)
                        void noise();
                        @Dense(units = 3)
                        void out();
                    }
                    @Discriminator(channels = 1,
                            height = 0,
                            width = 3)
                    interface D {
                        @Dense(units = 1)
                        void out();
                    }
                }
                """, "[jgan.input-shape]", "height = 0");
    }

    @Test
    void inputSizeAndImageInput() {
        assertOnlyError("""
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    interface G {
                        @Noise(size = 2)
                        void noise();
                        @Dense(units = 3)
                        void out();
                    }
                    @Discriminator(inputSize = 3,
                            channels = 1, height = 1, width = 3)
                    interface D {
                        @Dense(units = 1)
                        void out();
                    }
                }
                """, "[jgan.input-size-and-shape]", "inputSize = 3");
    }

    @Test
    void flatGeneratorOutputForAnImageDiscriminator() {
        assertOnlyError("""
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    interface G {
                        @Noise(size = 2)
                        void noise();
                        @Dense(units = 12)
                        void out();
                    }
                    @Discriminator(channels = 3, height = 2, width = 2)
                    interface D {
                        @Dense(units = 1)
                        void out();
                    }
                }
                """, "[jgan.shape-mismatch] the generator makes samples of shape [12] but the discriminator reads"
                + " [3, 2, 2]", "channels = 3");
    }

    @Test
    void infiniteLeakySlope() {
        assertOnlyError("""
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    interface G {
                        @Noise(size = 2)
                        void noise();
                        @Dense(units = 3)
                        void hidden();
                        @LeakyReLU(slope = 1f / 0f)
                        void activation();
                    }
                    @Discriminator(inputSize = 3)
                    interface D {
                        @Dense(units = 1)
                        void out();
                    }
                }
                """, "[jgan.leaky-slope]", "slope = 1f / 0f");
    }

    @Test
    void generatorOnAClass() {
        assertOnlyError("""
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    abstract class G {
                        @Noise(size = 2)
                        abstract void noise();
                    }
                    @Discriminator(inputSize = 3)
                    interface D {
                        @Dense(units = 1)
                        void out();
                    }
                }
                """, "[jgan.not-interface]", "abstract class G");
    }

    @Test
    void twoDiscriminators() {
        assertOnlyError("""
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    interface G {
                        @Noise(size = 2)
                        void noise();
                        @Dense(units = 3)
                        void out();
                    }
                    @Discriminator(inputSize = 3)
                    interface D {
                        @Dense(units = 1)
                        void out();
                    }
                    @Discriminator(inputSize = 3)
                    interface OtherD {
                        @Dense(units = 1)
                        void out();
                    }
                }
                """, "[jgan.duplicate-network]", "interface OtherD");
    }

    @Test
    void topLevelGenerator() {
        assertOnlyError("""
                package test;
                import io.jgan.annotations.*;
                @Generator
                public interface Spec {
                    @Noise(size = 2)
                    void noise();
                    @Dense(units = 3)
                    void out();
                }
                """, "[jgan.not-nested]", "public interface Spec");
    }

    /**
     * Problems in both networks of one spec and in a second spec: every one is reported, once, in one
     * compile, and a third, correct spec is still generated.
     */
    @Test
    void everyProblemInOneCompile() {
        String first = """
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    interface G {
                        @Noise(size = 2)
                        void noise();
                        @Noise(size = 3)
                        void secondNoise();
                        @Dense(units = -3)
                        void hidden();
                    }
                    @Discriminator(inputSize = 3)
                    interface D {
                        void helper();
                        @Dense(units = 4)
                        @Sigmoid
                        void both();
                        @Dropout(p = 1.5f)
                        void drop();
                    }
                }
                """;
        String second = """
                package test;
                import io.jgan.annotations.*;
                public interface Lonely {
                    @Discriminator(inputSize = 3)
                    interface D {
                        @Dense(units = 1)
                        void out();
                    }
                }
                """;
        String fine = """
                package test;
                import io.jgan.annotations.*;
                public interface Fine {
                    @Generator
                    interface G {
                        @Noise(size = 2)
                        void noise();
                        @Dense(units = 3)
                        void out();
                    }
                    @Discriminator(inputSize = 3)
                    interface D {
                        @Dense(units = 1)
                        void out();
                    }
                }
                """;
        JavaFileObject firstSource = Specs.source("test.Spec", first);
        JavaFileObject secondSource = Specs.source("test.Lonely", second);
        RecordingProcessor processor = new RecordingProcessor(new JganProcessor());
        Compilation compilation = javac().withProcessors(processor)
                .compile(firstSource, secondSource, Specs.source("test.Fine", fine));

        assertThat(compilation).failed();
        // Bad specs generate nothing; a good one in the same compile is still generated.
        assertEquals(List.of("test.Fine_Generator", "test.Fine_Discriminator"), processor.created());
        assertThat(compilation).hadErrorCount(6);
        assertThat(compilation).hadErrorContaining("[jgan.two-noises]").inFile(firstSource)
                .onLine(lineOf(first, "@Noise(size = 3)"));
        assertThat(compilation).hadErrorContaining("[jgan.dense-units]").inFile(firstSource)
                .onLine(lineOf(first, "units = -3"));
        assertThat(compilation).hadErrorContaining("[jgan.not-a-layer]").inFile(firstSource)
                .onLine(lineOf(first, "void helper()"));
        assertThat(compilation).hadErrorContaining("[jgan.two-layers]").inFile(firstSource)
                .onLine(lineOf(first, "@Sigmoid"));
        assertThat(compilation).hadErrorContaining("[jgan.dropout-p]").inFile(firstSource)
                .onLine(lineOf(first, "p = 1.5f"));
        assertThat(compilation).hadErrorContaining("[jgan.missing-network]").inFile(secondSource)
                .onLine(lineOf(second, "interface D"));
    }

    @Test
    void layerMethodWithParameters() {
        assertOnlyError("""
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    interface G {
                        @Noise(size = 2)
                        void noise();
                        @Dense(units = 3)
                        int out(int width);
                    }
                    @Discriminator(inputSize = 3)
                    interface D {
                        @Dense(units = 1)
                        void out();
                    }
                }
                """, "[jgan.layer-signature]", "int out(int width)");
    }

    @Test
    void twoLayersWithOneName() {
        assertOnlyError("""
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    interface G {
                        @Noise(size = 2)
                        void noise();
                        @Dense(units = 3)
                        void out();
                    }
                    @Discriminator(inputSize = 3)
                    interface D {
                        @Dense(units = 4)
                        void hidden();
                        @Dense(units = 1)
                        void hidden(int again);
                    }
                }
                """, "[jgan.layer-signature]", "void hidden(int again)");
    }

    @Test
    void networkTooLargeForOneArray() {
        assertOnlyError("""
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    interface G {
                        @Noise(size = 65536)
                        void noise();
                        @Dense(units = 65536)
                        void huge();
                        @Dense(units = 3)
                        void out();
                    }
                    @Discriminator(inputSize = 3)
                    interface D {
                        @Dense(units = 1)
                        void out();
                    }
                }
                """, "[jgan.too-large]", "@Dense(units = 65536)");
    }
}

package io.jgan.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.palantir.javapoet.CodeBlock;
import io.jgan.processor.spi.Attribute;
import io.jgan.processor.spi.LayerCode;
import io.jgan.processor.spi.LayerEmitter;
import io.jgan.processor.spi.LayerSpec;
import io.jgan.processor.spi.Shape;
import io.jgan.processor.testing.CompiledSpec;
import io.jgan.processor.testing.Specs;
import io.jgan.runtime.generated.LayerInfo;
import io.jgan.runtime.Network;
import io.jgan.testing.GradientCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * Shapes flow through a network at compile time: a user's layer that turns flat samples into images
 * (declared here as a user declares one) feeds an image discriminator; an element-wise layer keeps
 * the image shape, a dense layer flattens it, and every emitter sees its input's shape.
 */
class ShapeTest {
    private static final String SPEC = """
            package test;

            import io.jgan.annotations.*;
            import java.lang.annotation.*;

            public interface Images {
                @Layer
                @Retention(RetentionPolicy.CLASS)
                @Target(ElementType.METHOD)
                @interface AsImage {
                    int channels();
                    int height();
                    int width();
                }

                @Generator
                interface G {
                    @Noise(size = 3) void noise();
                    @Dense(units = 12) void hidden();
                    @AsImage(channels = 3, height = 2, width = 2) void image();
                    @Tanh void activation();
                }

                @Discriminator(channels = 3, height = 2, width = 2)
                interface D {
                    @LeakyReLU(slope = 0.2f) void first();
                    @Dense(units = 4, bias = false) void hidden();
                    @Dense(units = 1) void out();
                }
            }
            """;

    /** A reshape: the same values, seen as an image; the description names the shapes it saw. */
    static final class AsImageEmitter extends LayerEmitter {
        static final Attribute<Integer> CHANNELS = Attribute.ofInt("channels");
        static final Attribute<Integer> HEIGHT = Attribute.ofInt("height");
        static final Attribute<Integer> WIDTH = Attribute.ofInt("width");

        @Override
        public String annotationType() {
            return "test.Images.AsImage";
        }

        @Override
        public Shape outputShape(LayerSpec layer) {
            Shape image = Shape.image(layer.get(CHANNELS), layer.get(HEIGHT), layer.get(WIDTH));
            if (image.longSize() != layer.inputWidth()) {
                layer.error("[test.as-image] " + image + " does not hold " + layer.inputShape());
            }
            return image;
        }

        @Override
        public String describe(LayerSpec layer) {
            return "AsImage(" + layer.inputShape() + " -> " + outputShape(layer) + ")";
        }

        @Override
        public CodeBlock forward(LayerCode code) {
            return CodeBlock.of("$T.arraycopy($N, 0, $N, 0, $N * $L);\n", System.class, code.input(), code.output(),
                    code.batch(), code.outputWidth());
        }

        @Override
        public CodeBlock backward(LayerCode code) {
            return CodeBlock.of("$T.arraycopy($N, 0, $N, 0, $N * $L);\n", System.class, code.outputGradient(),
                    code.inputGradient(), code.batch(), code.outputWidth());
        }
    }

    private static Compilation compile(String spec) {
        List<LayerEmitter> emitters = new ArrayList<>();
        ServiceLoader.load(LayerEmitter.class, JganProcessor.class.getClassLoader()).forEach(emitters::add);
        emitters.add(new AsImageEmitter());
        return javac().withProcessors(new JganProcessor(emitters)).withOptions("-Xlint:all,-processing", "-Werror")
                .compile(Specs.source("test.Images", spec));
    }

    @Test
    void anImageGeneratorFeedsAnImageDiscriminator() {
        Compilation compilation = compile(SPEC);
        assertThat(compilation).succeededWithoutWarnings();
        CompiledSpec spec = CompiledSpec.of(compilation, "test.Images");
        Network g = spec.generator(5, 1);
        Network d = spec.discriminator(5, 2);
        List<LayerInfo> layers = g.info().layers();
        assertEquals("AsImage([12] -> [3, 2, 2])", layers.get(1).kind());
        assertEquals(12, d.info().inputSize());
        // Dense without bias: a weight only, [4, 12].
        assertEquals(1, d.info().layers().get(1).tensors().size());
        assertEquals(48 + 4 + 1, d.info().parameterCount());

        new GradientCheck(g, 3, 101).checkParameters();
        GradientCheck discriminator = new GradientCheck(d, 3, 102);
        discriminator.checkParameters();
        discriminator.checkInput();
    }

    @Test
    void aLayerErrorOnTheWholeAnnotationLandsOnItsLine() {
        String spec = SPEC.replace("@AsImage(channels = 3, height = 2, width = 2) void image();",
                "@AsImage(channels = 3, height = 2, width = 3) void image();");
        Compilation compilation = compile(spec);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[test.as-image] [3, 2, 3] does not hold [12]")
                .inFile(Specs.source("test.Images", spec)).onLine(Specs.lineOf(spec, "width = 3) void image()"));
    }
}

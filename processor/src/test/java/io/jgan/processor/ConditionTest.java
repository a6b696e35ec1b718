package io.jgan.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.jgan.processor.testing.Specs.lineOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.jgan.processor.testing.CompiledSpec;
import io.jgan.processor.testing.Specs;
import io.jgan.runtime.Network;
import io.jgan.testing.GradientCheck;
import java.util.Arrays;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Conditional specs: {@code @Condition} on both networks and the layers that join the label
 * ({@code @Embedding}, {@code @OneHot}). Each mistake is one error on the user's line; the passes are
 * what PyTorch's {@code torch.cat([x, embedding(label)], 1)} computes, and their gradients agree with
 * finite differences (reaching the table and the input, not the label).
 */
class ConditionTest {
    /** Batches of 4 over 3 classes: two samples share a label, so the table's gradient must add up. */
    private static final int BATCH = 4;

    private static String spec(String generatorCondition, String generatorLabel, String discriminatorCondition,
            String discriminatorLabel) {
        return """
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    %s
                    interface G {
                        @Noise(size = 2)
                        void noise();
                        %s
                        @Dense(units = 4)
                        void out();
                    }
                    @Discriminator(inputSize = 4)
                    %s
                    interface D {
                        %s
                        @Dense(units = 3)
                        void hidden();
                        @LeakyReLU(slope = 0.2f)
                        void activation();
                        @Dense(units = 1)
                        void out();
                    }
                }
                """.formatted(generatorCondition, generatorLabel, discriminatorCondition, discriminatorLabel);
    }

    private static void assertOnlyError(String spec, String tag, String marker) {
        JavaFileObject source = Specs.source("test.Spec", spec);
        Compilation compilation = Specs.compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(tag).inFile(source).onLine(lineOf(spec, marker));
    }

    @Test
    void conditionInTheGeneratorOnly() {
        assertOnlyError(spec("@Condition(classes = 3)", "@Embedding(classes = 3, size = 2) void label();", "",
                "@Dense(units = 4) void first();"), "[jgan.condition-one-network]", "@Condition(classes = 3)");
    }

    @Test
    void conditionInTheDiscriminatorOnly() {
        assertOnlyError(spec("", "", "@Condition(classes = 3)", "@OneHot(classes = 3) void label();"),
                "[jgan.condition-one-network]", "@Condition(classes = 3)");
    }

    @Test
    void oneClass() {
        String spec = spec("@Condition(\n        classes = 1) // one", "@OneHot(classes = 1) void label();",
                "@Condition(classes = 3)", "@OneHot(classes = 3) void label();");
        assertOnlyError(spec, "[jgan.condition-classes]", "// one");
    }

    @Test
    void embeddingOfTheWrongClassCount() {
        String spec = spec("@Condition(classes = 3)", "@Embedding(size = 2,\n        classes = 4) void label();",
                "@Condition(classes = 3)", "@OneHot(classes = 3) void label();");
        assertOnlyError(spec, "[jgan.label-classes]", "classes = 4)");
    }

    @Test
    void classCountsDiffer() {
        assertOnlyError(spec("@Condition(classes = 3)", "@OneHot(classes = 3) void label();",
                "@Condition(classes = 4)", "@OneHot(classes = 4) void label();"),
                "[jgan.condition-classes-differ]", "@Condition(classes = 4)");
    }

    @Test
    void labelLayerWithoutCondition() {
        assertOnlyError(spec("", "@Embedding(classes = 3, size = 2) void label();", "", ""),
                "[jgan.label-without-condition]", "@Embedding");
    }

    @Test
    void conditionThatNoLayerReads() {
        assertOnlyError(spec("@Condition(classes = 3) // unused", "", "@Condition(classes = 3)",
                "@OneHot(classes = 3) void label();"), "[jgan.condition-unused]", "// unused");
    }

    @Test
    void embeddingOfNoValues() {
        assertOnlyError(spec("@Condition(classes = 3)", "@Embedding(classes = 3, size = 0) void label();",
                "@Condition(classes = 3)", "@OneHot(classes = 3) void label();"), "[jgan.embedding-size]",
                "size = 0");
    }

    private static CompiledSpec embeddings() {
        return CompiledSpec.compile("test.Spec", spec("@Condition(classes = 3)",
                "@Embedding(classes = 3, size = 2) void label();", "@Condition(classes = 3)",
                "@Embedding(classes = 3, size = 3) void label();"));
    }

    @Test
    void embeddingGradientsReachTheTableAndTheInput() {
        CompiledSpec spec = embeddings();
        GradientCheck g = new GradientCheck(spec.generator(5, 1), BATCH, 101);
        g.checkParameters();
        GradientCheck d = new GradientCheck(spec.discriminator(5, 2), BATCH, 102);
        d.checkParameters();
        d.checkInput();
    }

    /** Between layers, the embedding passes the gradient back to the layer before it as well as into its table. */
    @Test
    void embeddingBetweenLayers() {
        CompiledSpec spec = CompiledSpec.compile("test.Spec", spec("@Condition(classes = 3)",
                "@Dense(units = 3) void first(); @Embedding(classes = 3, size = 2) void label();",
                "@Condition(classes = 3)", "@Dense(units = 5) void first(); @Tanh void squash();"
                        + " @Embedding(classes = 3, size = 2) void label();"));
        new GradientCheck(spec.generator(5, 1), BATCH, 101).checkParameters();
        GradientCheck d = new GradientCheck(spec.discriminator(5, 2), BATCH, 102);
        d.checkParameters();
        d.checkInput();
    }

    @Test
    void oneHotGradientsReachTheInput() {
        CompiledSpec spec = CompiledSpec.compile("test.Spec", spec("@Condition(classes = 3)",
                "@OneHot(classes = 3) void label();", "@Condition(classes = 3)", "@OneHot(classes = 3) void label();"));
        new GradientCheck(spec.generator(5, 1), BATCH, 101).checkParameters();
        GradientCheck d = new GradientCheck(spec.discriminator(5, 2), BATCH, 102);
        d.checkParameters();
        d.checkInput();
    }

    /** The forward pass is the input followed by the label's row; only the rows of labels in the batch get gradients. */
    @Test
    void embeddingJoinsTheLabelsRow() {
        Network g = embeddings().generator(5, 7);
        assertEquals(3, g.info().classes());
        assertEquals("weight", g.info().layers().get(0).tensors().get(0).name());
        assertArrayEquals(new int[] {3, 2}, g.info().layers().get(0).tensors().get(0).shape());
        float[] table = Arrays.copyOfRange(g.parameters(), 0, 6);
        float[] noise = {0.5f, -0.25f, 1f, 2f};
        float[] out = g.forward(noise, new int[] {2, 0}, 2).clone();
        // out = dense(cat(noise, table[label])): recompute with the dense layer's weights [in][out] after the table.
        for (int b = 0; b < 2; b++) {
            int label = b == 0 ? 2 : 0;
            float[] joined = {noise[2 * b], noise[2 * b + 1], table[2 * label], table[2 * label + 1]};
            for (int o = 0; o < 4; o++) {
                float y = g.parameters()[6 + 16 + o];
                for (int i = 0; i < 4; i++) {
                    y += joined[i] * g.parameters()[6 + i * 4 + o];
                }
                assertEquals(y, out[b * 4 + o], 1e-5f, "sample " + b + " output " + o);
            }
        }
        Arrays.fill(g.outputGradient(), 1f);
        g.zeroGradients();
        g.backward();
        for (int j = 0; j < 2; j++) {
            assertEquals(0f, g.gradients()[2 + j], "class 1 is not in the batch: its row takes no gradient");
            assertTrue(g.gradients()[j] != 0f && g.gradients()[4 + j] != 0f, "rows of classes 0 and 2 learn");
        }
    }

    @Test
    void labelsAreChecked() {
        Network d = embeddings().discriminator(5, 2);
        float[] input = new float[8];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> d.forward(input, new int[] {0, 3}, 2));
        assertEquals("Spec discriminator: label 3 of sample 1 is outside [0, 3)", e.getMessage());
        assertThrows(IllegalStateException.class, () -> d.forward(input, 2));
    }

    /** A convolutional discriminator's label as extra channels: the label's plane all ones, the others zero. */
    @Test
    void oneHotOnAnImageAddsChannels() {
        CompiledSpec spec = CompiledSpec.compile("test.Spec", """
                package test;
                import io.jgan.annotations.*;
                public interface Spec {
                    @Generator
                    @Condition(classes = 2)
                    interface G {
                        @Noise(size = 2) void noise();
                        @OneHot(classes = 2) void label();
                        @Dense(units = 9) void out();
                        @Reshape(channels = 1, height = 3, width = 3) void image();
                    }
                    @Discriminator(channels = 1, height = 3, width = 3)
                    @Condition(classes = 2)
                    interface D {
                        @OneHot(classes = 2) void label();
                        @Conv2d(channels = 2, kernel = 2) void conv();
                        @LeakyReLU(slope = 0.2f) void activation();
                        @Dense(units = 1) void out();
                    }
                }
                """);
        Network d = spec.discriminator(5, 2);
        assertTrue(d.info().architecture().contains("label:OneHot(classes = 2)"), d.info().architecture());
        GradientCheck check = new GradientCheck(d, BATCH, 102);
        check.checkParameters();
        check.checkInput();
    }
}

package io.jgan.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.processor.testing.CompiledSpec;
import io.jgan.processor.testing.Specs;
import io.jgan.runtime.Network;
import io.jgan.runtime.Rng;
import io.jgan.testing.GradientCheck;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated backward passes agree with finite differences, for every layer type and for whole
 * networks: weights and biases through {@link Network#backward()}, the discriminator's input through
 * {@link Network#backwardToInput()}. Batches of 3 in networks built for 5, so that a batch-indexing
 * bug (or a stale row) shows. See {@link GradientCheck} for the loss and the tolerance.
 */
class GradientTest {
    private static final int MAX_BATCH = 5;
    private static final int BATCH = 3;

    /** Checks both networks of a spec: generator parameters, discriminator parameters and input. */
    private static void checkSpec(CompiledSpec spec) {
        new GradientCheck(spec.generator(MAX_BATCH, 1), BATCH, 101).checkParameters();
        GradientCheck discriminator = new GradientCheck(spec.discriminator(MAX_BATCH, 2), BATCH, 102);
        discriminator.checkParameters();
        discriminator.checkInput();
    }

    /**
     * An element-wise layer in every position: last layer of the generator (it writes the output),
     * first layer of the discriminator (it writes the input gradient, and only in the input pass),
     * and between two dense layers.
     */
    @ParameterizedTest
    @ValueSource(strings = {"@Sigmoid", "@Tanh", "@ReLU", "@LeakyReLU", "@LeakyReLU(slope = 0.2f)", "@Dropout",
            "@Dropout(p = 0.2f)", "@Dropout(p = 0f)"})
    void elementwiseLayer(String layer) {
        checkSpec(CompiledSpec.compile("test.Elementwise", """
                package test;
                import io.jgan.annotations.*;
                public interface Elementwise {
                    @Generator
                    interface G {
                        @Noise(size = 4)
                        void noise();
                        @Dense(units = 6)
                        void hidden();
                        %1$s
                        void activation();
                    }
                    @Discriminator(inputSize = 6)
                    interface D {
                        %1$s
                        void first();
                        @Dense(units = 5)
                        void hidden();
                        %1$s
                        void activation();
                        @Dense(units = 1)
                        void out();
                    }
                }
                """.formatted(layer)));
    }

    /** Every dense layer here has at most 128 weights: straight-line code. */
    @Test
    void denseUnrolled() {
        checkSpec(CompiledSpec.compile("test.Unrolled", """
                package test;
                import io.jgan.annotations.*;
                public interface Unrolled {
                    @Generator
                    interface G {
                        @Noise(size = 3, distribution = Noise.Distribution.UNIFORM)
                        void noise();
                        @Dense(units = 4)
                        void hidden();
                        @Dense(units = 5)
                        void out();
                    }
                    @Discriminator(inputSize = 5)
                    interface D {
                        @Dense(units = 4)
                        void hidden();
                        @Dense(units = 32)
                        void wide();
                        @Dense(units = 1)
                        void out();
                    }
                }
                """));
    }

    /**
     * {@code bias = false} in each shape of dense code: unrolled (3 x 4), the runtime kernel without
     * its bias (12 x 16), loops with one output (16 x 1).
     */
    @Test
    void denseWithoutBias() {
        CompiledSpec spec = CompiledSpec.compile("test.NoBias", """
                package test;
                import io.jgan.annotations.*;
                public interface NoBias {
                    @Generator
                    interface G {
                        @Noise(size = 3)
                        void noise();
                        @Dense(units = 4, bias = false)
                        void hidden();
                        @Dense(units = 12)
                        void out();
                    }
                    @Discriminator(inputSize = 12)
                    interface D {
                        @Dense(units = 16, bias = false)
                        void hidden();
                        @Tanh
                        void activation();
                        @Dense(units = 1, bias = false)
                        void out();
                    }
                }
                """);
        checkSpec(spec);
        assertEquals(12 * 16 + 16, spec.discriminator(MAX_BATCH, 1).info().parameterCount());
        assertEquals("Dense(units = 16, bias = false)", spec.discriminator(MAX_BATCH, 1).info().layers().get(0).kind());
    }

    /** Every dense layer here but the last has more than 128 weights: loops. */
    @Test
    void denseLooped() {
        checkSpec(CompiledSpec.compile("test.Looped", """
                package test;
                import io.jgan.annotations.*;
                public interface Looped {
                    @Generator
                    interface G {
                        @Noise(size = 12)
                        void noise();
                        @Dense(units = 16)
                        void hidden();
                        @Dense(units = 10)
                        void out();
                    }
                    @Discriminator(inputSize = 10)
                    interface D {
                        @Dense(units = 16)
                        void hidden();
                        @Dense(units = 9)
                        void narrower();
                        @Dense(units = 1)
                        void out();
                    }
                }
                """));
    }

    @Test
    void sampleSpecs() {
        for (String spec : new String[] {"EvenNumbers", "EvenNumbersDiverse"}) {
            checkSpec(CompiledSpec.of(Specs.compile(Specs.sample("io/jgan/samples/even/" + spec + ".java")),
                    "io.jgan.samples.even." + spec));
        }
    }

    private static final String MIXED = """
            package test;
            import io.jgan.annotations.*;
            public interface Mixed {
                @Generator
                interface G {
                    @Noise(size = 8, distribution = Noise.Distribution.UNIFORM, a = -1, b = 1)
                    void noise();
                    @Dense(units = 20)
                    void hidden();
                    @LeakyReLU(slope = 0.1f)
                    void hiddenActivation();
                    @Dropout(p = 0.3f)
                    void dropout();
                    @Dense(units = 12)
                    void sample();
                    @Tanh
                    void sampleActivation();
                }
                @Discriminator(inputSize = 12)
                interface D {
                    @Dropout(p = 0.2f)
                    void inputDropout();
                    @Dense(units = 16)
                    void hidden();
                    @ReLU
                    void hiddenActivation();
                    @Dense(units = 6)
                    void narrow();
                    @LeakyReLU
                    void narrowActivation();
                    @Dense(units = 1)
                    void out();
                    @Sigmoid
                    void probability();
                }
            }
            """;

    @Test
    void mixedNetworks() {
        checkSpec(CompiledSpec.compile("test.Mixed", MIXED));
    }

    /**
     * How a generator is trained: L = sum c D(G(z)), the discriminator's input gradient fed to
     * {@code generator.backward(dx)}; checked against finite differences of the whole chain.
     */
    @Test
    void generatorThroughDiscriminator() {
        CompiledSpec spec = CompiledSpec.compile("test.Mixed", MIXED);
        Network g = spec.generator(MAX_BATCH, 3);
        Network d = spec.discriminator(MAX_BATCH, 4);
        Rng rng = new Rng(5);
        float[] z = new float[BATCH * g.info().inputSize()];
        g.info().noise().sample(z, BATCH, rng);
        float[] c = new float[BATCH];
        for (int k = 0; k < BATCH; k++) {
            // Large: the discriminator squashes its input gradient, and the tolerance is partly absolute.
            c[k] = (rng.nextFloat() < 0.5f ? -1 : 1) * (1 + 9 * rng.nextFloat());
        }
        long gSeed = rng.nextLong();
        long dSeed = rng.nextLong();
        int samples = BATCH * g.info().outputSize();

        // Analytic.
        g.setRandom(new Rng(gSeed));
        float[] fake = Arrays.copyOf(g.forward(z, BATCH), samples);
        d.setRandom(new Rng(dSeed));
        d.forward(fake, BATCH);
        System.arraycopy(c, 0, d.outputGradient(), 0, BATCH);
        float[] dx = Arrays.copyOf(d.backwardToInput(), samples);
        g.zeroGradients();
        g.backward(dx);
        float[] analytic = g.gradients().clone();

        GradientCheck.Numeric numeric = GradientCheck.centralDifferences(g.parameters(),
                () -> chainLoss(g, d, z, c, gSeed, dSeed), g, d);
        GradientCheck.compare("generator through discriminator", analytic, numeric,
                GradientCheck.parameterNames(g.info())).orThrow().requireNonZero();
    }

    private static double chainLoss(Network g, Network d, float[] z, float[] c, long gSeed, long dSeed) {
        g.setRandom(new Rng(gSeed));
        float[] fake = Arrays.copyOf(g.forward(z, BATCH), BATCH * g.info().outputSize());
        d.setRandom(new Rng(dSeed));
        float[] p = d.forward(fake, BATCH);
        double loss = 0;
        for (int k = 0; k < BATCH; k++) {
            loss += (double) c[k] * p[k];
        }
        return loss;
    }

    /** {@link Network#backward()} accumulates: a second call adds the same gradient again. */
    @Test
    void backwardAccumulates() {
        CompiledSpec spec = CompiledSpec.compile("test.Mixed", MIXED);
        for (Network network : new Network[] {spec.generator(MAX_BATCH, 6), spec.discriminator(MAX_BATCH, 7)}) {
            GradientCheck probe = new GradientCheck(network, BATCH, 8);
            float[] once = probe.parameterGradient();
            network.backward();
            float[] twice = network.gradients();
            for (int k = 0; k < once.length; k++) {
                assertEquals(2 * once[k], twice[k], 1e-6f * (1 + Math.abs(once[k])),
                        network.info().displayName() + " gradient " + k);
            }
        }
    }

    /**
     * {@link Network#backwardToInput()} leaves parameter gradients alone and overwrites (does not
     * accumulate) the input gradient; a generator has no input gradient at all.
     */
    @Test
    void backwardToInputTouchesOnlyTheInputGradient() {
        CompiledSpec spec = CompiledSpec.compile("test.Mixed", MIXED);
        Network d = spec.discriminator(MAX_BATCH, 9);
        GradientCheck probe = new GradientCheck(d, BATCH, 10);
        float[] parameterGradient = probe.parameterGradient();
        float[] first = Arrays.copyOf(d.backwardToInput(), BATCH * d.info().inputSize());
        float[] second = Arrays.copyOf(d.backwardToInput(), BATCH * d.info().inputSize());

        assertArrayEquals(parameterGradient, d.gradients());
        assertArrayEquals(first, second);

        Network g = spec.generator(MAX_BATCH, 11);
        new GradientCheck(g, BATCH, 12).forwardAndSeedOutputGradient();
        assertThrows(UnsupportedOperationException.class, g::backwardToInput);
    }

    /** Each sample of a batch is computed alone: batch 3 gives, bit for bit, three batches of 1. */
    @Test
    void samplesOfABatchAreIndependent() {
        CompiledSpec spec = CompiledSpec.compile("test.Mixed", MIXED);
        for (Network network : new Network[] {spec.generator(MAX_BATCH, 13), spec.discriminator(MAX_BATCH, 14)}) {
            network.setTraining(false); // dropout draws differ between the two ways, so compare without it
            int in = network.info().inputSize();
            int out = network.info().outputSize();
            float[] input = new GradientCheck(network, BATCH, 15).input();
            float[] batched = Arrays.copyOf(network.forward(input, BATCH), BATCH * out);
            for (int b = 0; b < BATCH; b++) {
                float[] one = network.forward(Arrays.copyOfRange(input, b * in, (b + 1) * in), 1);
                assertArrayEquals(Arrays.copyOfRange(batched, b * out, (b + 1) * out), Arrays.copyOf(one, out),
                        network.info().displayName() + " sample " + b);
            }
        }
    }

    /**
     * Members may be named like the buffers {@link Network} declares ({@code input}, {@code output}):
     * the generated buffers {@code inputGrad} and {@code outputGrad} must not hide the inherited ones.
     */
    @Test
    void membersNamedLikeInheritedBuffers() {
        checkSpec(CompiledSpec.compile("test.Names", """
                package test;
                import io.jgan.annotations.*;
                public interface Names {
                    @Generator
                    interface G {
                        @Noise(size = 3)
                        void noise();
                        @Dense(units = 4)
                        void input();
                        @Tanh
                        void output();
                        @Dense(units = 5)
                        void params();
                        @Sigmoid
                        void grads();
                    }
                    @Discriminator(inputSize = 5)
                    interface D {
                        @Dense(units = 4)
                        void input();
                        @Tanh
                        void output();
                        @Dropout
                        void random();
                        @Dense(units = 1)
                        void training();
                    }
                }
                """));
    }

    /**
     * A narrow network with one value in and out, written in the FEATURES layout ([width][batch]
     * rows), and {@code withSamplesLayout} of it: the same layers plus an identity {@code @Dropout(p = 0f)},
     * which supports only SAMPLES and so keeps that network in [batch, width].
     */
    private static String narrow(String name, String last) {
        return """
                package test;
                import io.jgan.annotations.*;
                public interface %1$s {
                    @Generator
                    interface G {
                        @Noise(size = 1, distribution = Noise.Distribution.UNIFORM, a = -1, b = 1)
                        void noise();
                        @Dense(units = 5)
                        void map1();
                        @Tanh
                        void tanh1();
                        @Dense(units = 4)
                        void map2();
                        @LeakyReLU(slope = 0.2f)
                        void act2();
                        @Dense(units = 1)
                        void map3();
                        %2$s
                    }
                    @Discriminator(inputSize = 1)
                    interface D {
                        @Tanh
                        void squash();
                        @Dense(units = 6)
                        void map1();
                        @Sigmoid
                        void act1();
                        @Dense(units = 1)
                        void map2();
                        @Sigmoid
                        void probability();
                        %2$s
                    }
                }
                """.formatted(name, last);
    }

    @Test
    void featureLayoutNetworks() {
        CompiledSpec spec = CompiledSpec.compile("test.Narrow", narrow("Narrow", ""));
        for (String network : new String[] {"test.Narrow_Generator", "test.Narrow_Discriminator"}) {
            String source = Specs.generatedSource(spec.compilation(), network);
            assertTrue(source.contains("new float[][] {output}"), network + " is not in the FEATURES layout");
        }
        checkSpec(spec);
    }

    /**
     * Both layouts compute the same sums in the same order: the same floats, bit for bit. With the
     * Vector API the feature layout's parameter gradients are dot products in another order: then
     * the values and input gradients must still be identical, the parameter gradients close.
     */
    @Test
    void featureAndSampleLayoutsGiveTheSameFloats() {
        CompiledSpec features = CompiledSpec.compile("test.Narrow", narrow("Narrow", ""));
        CompiledSpec samples = CompiledSpec.compile("test.NarrowSamples",
                narrow("NarrowSamples", "@Dropout(p = 0f)\n    void identity();"));
        assertTrue(!Specs.generatedSource(samples.compilation(), "test.NarrowSamples_Generator").contains("float[][]"));
        float[] z = new float[BATCH];
        Rng rng = new Rng(7);
        for (int k = 0; k < BATCH; k++) {
            z[k] = 2 * rng.nextFloat() - 1;
        }
        float[] c = {0.5f, -1.25f, 2f};
        Network[] g = {features.generator(MAX_BATCH, 1), samples.generator(MAX_BATCH, 1)};
        Network[] d = {features.discriminator(MAX_BATCH, 2), samples.discriminator(MAX_BATCH, 2)};
        float[][] results = new float[2][];
        for (int v = 0; v < 2; v++) {
            float[] fake = Arrays.copyOf(g[v].forward(z, BATCH), BATCH);
            float[] score = Arrays.copyOf(d[v].forward(fake, BATCH), BATCH);
            System.arraycopy(c, 0, d[v].outputGradient(), 0, BATCH);
            d[v].backward();
            float[] dx = d[v].backwardToInput().clone();
            System.arraycopy(dx, 0, g[v].outputGradient(), 0, BATCH);
            g[v].backward();
            results[v] = concat(fake, score, d[v].gradients(), Arrays.copyOf(dx, BATCH), g[v].gradients());
        }
        if (!io.jgan.runtime.kernel.BatchSums.vectorised()) {
            assertArrayEquals(results[1], results[0]);
        } else {
            int exact = 2 * BATCH;
            assertArrayEquals(Arrays.copyOf(results[1], exact), Arrays.copyOf(results[0], exact));
            for (int k = exact; k < results[0].length; k++) {
                assertEquals(results[1][k], results[0][k], 1e-6 * (1 + Math.abs(results[1][k])), "element " + k);
            }
        }
    }

    private static float[] concat(float[]... parts) {
        int n = 0;
        for (float[] part : parts) {
            n += part.length;
        }
        float[] all = new float[n];
        int k = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, all, k, part.length);
            k += part.length;
        }
        return all;
    }
}

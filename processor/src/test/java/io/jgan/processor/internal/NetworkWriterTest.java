package io.jgan.processor.internal;

import static io.jgan.processor.internal.SpecValidatorTest.EMITTERS;
import static io.jgan.processor.internal.SpecValidatorTest.annotation;
import static io.jgan.processor.internal.SpecValidatorTest.dense;
import static io.jgan.processor.internal.SpecValidatorTest.discriminator;
import static io.jgan.processor.internal.SpecValidatorTest.generator;
import static io.jgan.processor.internal.SpecValidatorTest.layer;
import static io.jgan.processor.internal.SpecValidatorTest.noise;
import static io.jgan.processor.internal.SpecValidatorTest.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The writing stage on a model validated from hand-built declarations, without javac: the class it
 * writes names its parameter offsets, calls the layers in order (backward in reverse), and has no
 * width-1 loops or bare float tricks.
 */
class NetworkWriterTest {
    private static String discriminatorSource() {
        SpecModel model = new SpecValidator(EMITTERS, new Report()).validate(spec(
                generator(noise(2), dense("out", 40)),
                discriminator(Map.of("inputSize", 40), dense("hidden", 40),
                        layer("activation", annotation("LeakyReLU", Map.of("slope", 0.2f))), dense("out", 1))))
                .orElseThrow();
        return NetworkWriter.write(model.discriminator()).toString();
    }

    @Test
    void parameterOffsetsAreNamedConstants() {
        String source = discriminatorSource();
        assertTrue(source.contains("private static final int HIDDEN_WEIGHT = 0;"), source);
        assertTrue(source.contains("private static final int HIDDEN_BIAS = 1600;"), source);
        assertTrue(source.contains("private static final int OUT_WEIGHT = 1640;"), source);
        assertTrue(source.contains("new DenseKernel(40, 40, HIDDEN_WEIGHT, HIDDEN_BIAS, maxBatch)"), source);
        // 40 inputs to one output: loops, each input's weight row one value long.
        assertTrue(source.contains("final int w = OUT_WEIGHT + i;"), source);
    }

    @Test
    void forwardInOrderBackwardInReverse() {
        String source = discriminatorSource();
        String forward = source.substring(source.indexOf("void forwardLayers"), source.indexOf("void backwardParameterLayers"));
        assertTrue(forward.indexOf("hiddenForward(batch)") < forward.indexOf("activationForward(batch)")
                && forward.indexOf("activationForward(batch)") < forward.indexOf("outForward(batch)"), forward);
        String backward = source.substring(source.indexOf("void backwardInputLayers"));
        assertTrue(backward.indexOf("outBackward(batch)") < backward.indexOf("activationBackward(batch)"), backward);
    }

    @Test
    void noWidthOneLoopsOrTimesOne() {
        String source = discriminatorSource();
        assertFalse(source.contains("< 1;"), source);
        assertFalse(source.contains(" * 1]"), source);
        assertFalse(source.contains(" * 1;"), source);
        assertEquals(-1, source.indexOf("0x1p100f"), "the leaky ReLU's step is Activations.step");
        assertTrue(source.contains("Activations.step(v)"), source);
    }
}

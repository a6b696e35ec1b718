package io.jgan.processor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ClassName;
import io.jgan.processor.internal.layers.DenseEmitter;
import io.jgan.processor.internal.layers.DropoutEmitter;
import io.jgan.processor.internal.layers.LeakyReluEmitter;
import io.jgan.processor.internal.layers.SigmoidEmitter;
import io.jgan.processor.internal.layers.TanhEmitter;
import io.jgan.processor.spi.Layout;
import io.jgan.processor.spi.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The validation stage on plain values, without javac: declarations built by hand go in, the model
 * (shapes, offsets and their constants, buffer names, layout, batch chain) or the report's problems
 * come out.
 */
class SpecValidatorTest {
    static final Emitters EMITTERS = Emitters.of(List.of(new DenseEmitter(), new TanhEmitter(),
            new SigmoidEmitter(), new DropoutEmitter(), new LeakyReluEmitter()));

    static AnnotationDeclaration annotation(String simpleName, Map<String, Object> values) {
        return new AnnotationDeclaration("io.jgan.annotations." + simpleName, simpleName, values, Site.NONE);
    }

    static MemberDeclaration dense(String name, int units) {
        return layer(name, annotation("Dense", Map.of("units", units, "bias", true)));
    }

    static MemberDeclaration layer(String name, AnnotationDeclaration annotation) {
        return new MemberDeclaration(name, true, List.of(annotation), null, Site.NONE);
    }

    static MemberDeclaration noise(int size) {
        return new MemberDeclaration("noise", true, List.of(), annotation("Noise",
                Map.of("size", size, "distribution", "GAUSSIAN", "a", Float.NaN, "b", Float.NaN)), Site.NONE);
    }

    static NetworkDeclaration generator(MemberDeclaration... members) {
        return new NetworkDeclaration("G", true, annotation("Generator", Map.of()), List.of(members), Site.NONE);
    }

    static NetworkDeclaration discriminator(Map<String, Object> input, MemberDeclaration... members) {
        Map<String, Object> values = new java.util.HashMap<>(Map.of("inputSize", 0, "channels", 0, "height", 0,
                "width", 0));
        values.putAll(input);
        return new NetworkDeclaration("D", true, annotation("Discriminator", values), List.of(members), Site.NONE);
    }

    static SpecDeclaration spec(NetworkDeclaration g, NetworkDeclaration d) {
        return new SpecDeclaration("test.Spec", ClassName.get("test", "Spec"), "test", "Spec", List.of(g), List.of(d),
                Site.NONE);
    }

    private static List<String> messages(Report report) {
        List<String> messages = new ArrayList<>();
        report.problems().forEach(p -> messages.add(p.message()));
        return messages;
    }

    @Test
    void theModelHasEveryLayersShapeOffsetsAndBuffers() {
        Report report = new Report();
        Optional<SpecModel> model = new SpecValidator(EMITTERS, report).validate(spec(
                generator(noise(2), dense("hidden", 40), layer("activation", annotation("Tanh", Map.of())),
                        dense("out", 3)),
                discriminator(Map.of("inputSize", 3), dense("hidden", 4),
                        layer("drop", annotation("Dropout", Map.of("p", 0.5f))), dense("out", 1))));

        assertEquals(List.of(), messages(report));
        NetworkModel g = model.orElseThrow().generator();
        assertEquals("Spec_Generator", g.className());
        assertEquals(Shape.flat(2), g.inputShape());
        assertEquals(Shape.flat(3), g.outputShape());
        List<LayerModel> layers = g.layers();
        assertEquals(List.of(0, 120, 120), layers.stream().map(LayerModel::parameterOffset).toList());
        assertEquals(2 * 40, layers.get(0).tensorOffset("bias"), "the bias follows the 2 x 40 weights");
        assertEquals("HIDDEN_WEIGHT", layers.get(0).offsetName("weight"));
        assertEquals("OUT_BIAS", layers.get(2).offsetName("bias"));
        assertEquals(new LayerModel.Buffers("input", "hiddenOut", "inputGrad", "hiddenGrad", null, "hiddenKernel"),
                layers.get(0).buffers());
        assertEquals("hiddenOut", layers.get(1).buffers().input());
        assertEquals("output", layers.get(2).buffers().output());
        // Only layers after one with parameters need an input gradient in the parameter pass.
        assertEquals(List.of(false, true, true), layers.stream().map(LayerModel::learnsBefore).toList());
        assertEquals(List.of("batch", "batch", "batch", "batch"), g.passBatches().entering());
        assertFalse(g.passBatches().changes());
        assertEquals(Layout.SAMPLES, g.layout());
        assertEquals(List.of(), g.rows());

        NetworkModel d = model.get().discriminator();
        assertEquals("dropScratch", d.layers().get(1).buffers().scratch());
        assertEquals(3 * 4 + 4 + 4 + 1, d.parameterCount());
    }

    @Test
    void aNetworkWithOneValueAtEachEndOfSmallLayersIsFeatureMajor() {
        Report report = new Report();
        SpecModel model = new SpecValidator(EMITTERS, report).validate(spec(
                generator(noise(1), dense("hidden", 5), layer("activation", annotation("Tanh", Map.of())),
                        dense("out", 1)),
                discriminator(Map.of("inputSize", 1), dense("out", 1),
                        layer("activation", annotation("Sigmoid", Map.of()))))).orElseThrow();

        NetworkModel g = model.generator();
        assertEquals(Layout.FEATURES, g.layout());
        assertEquals("inputRows", g.layers().get(0).buffers().input());
        assertEquals("outputRows", g.layers().get(2).buffers().output());
        assertEquals(List.of("inputRows", "outputRows", "outputGradRows"),
                g.rows().stream().map(NetworkModel.Rows::name).toList());
        assertEquals(4, model.discriminator().rows().size(), "a discriminator also has its input gradient as a row");
    }

    @Test
    void anImageInputIsCarriedToTheFirstLayer() {
        Report report = new Report();
        Optional<SpecModel> model = new SpecValidator(EMITTERS, report).validate(spec(
                generator(noise(2), dense("out", 12)),
                discriminator(Map.of("channels", 3, "height", 2, "width", 2),
                        layer("activation", annotation("Tanh", Map.of())), dense("out", 1))));

        assertTrue(model.isEmpty());
        assertEquals(List.of("[jgan.shape-mismatch] the generator makes samples of shape [12] but the discriminator"
                + " reads [3, 2, 2]; end the generator with a layer that gives the discriminator's shape (e.g. a"
                + " reshape), or declare the discriminator's input as the generator's output"), messages(report));
    }

    @Test
    void everyProblemIsReportedAndNoModelIsMade() {
        Report report = new Report();
        Optional<SpecModel> model = new SpecValidator(EMITTERS, report).validate(spec(
                generator(noise(0), dense("out", 3)),
                discriminator(Map.of(), dense("hidden", 0), dense("out", 1))));

        assertTrue(model.isEmpty());
        assertEquals(List.of(
                "[jgan.noise-size] noise size must be at least 1, was 0; set size to the number of random values per"
                        + " sample",
                "[jgan.input-size] discriminator inputSize must be at least 1, was 0; set it to the number of values"
                        + " per sample, or declare an image input with channels, height and width"), messages(report));
    }

    @Test
    void aLayerWithoutAnEmitterIsNamed() {
        Report report = new Report();
        new SpecValidator(EMITTERS, report).validate(spec(generator(noise(2), dense("out", 3)),
                discriminator(Map.of("inputSize", 3), layer("odd", new AnnotationDeclaration("x.Odd", "Odd", Map.of(),
                        Site.NONE)), dense("out", 1))));

        assertEquals(1, report.errorCount());
        assertTrue(messages(report).get(0).startsWith("[jgan.no-emitter] @Odd is marked @Layer but no LayerEmitter for"
                + " x.Odd"), messages(report)::toString);
    }
}

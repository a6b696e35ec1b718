package io.jgan.processor.internal;

import io.jgan.processor.spi.LayerEmitter;
import io.jgan.processor.spi.ParameterShape;
import io.jgan.processor.spi.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The second stage: checks a {@link SpecDeclaration}, infers every layer's shape with its emitter,
 * lays out the parameters and builds the {@link SpecModel}. Every problem goes to the
 * {@link Report}; a model is returned only when there is none.
 */
public final class SpecValidator {
    private final Emitters emitters;
    private final Report report;

    /** A validator reporting into {@code report}. */
    public SpecValidator(Emitters emitters, Report report) {
        this.emitters = emitters;
        this.report = report;
    }

    /** The spec's model, or empty when it has errors (all of them in the report). */
    public Optional<SpecModel> validate(SpecDeclaration spec) {
        String specName = spec.simpleName();
        for (List<NetworkDeclaration> found : List.of(spec.generators(), spec.discriminators())) {
            for (NetworkDeclaration extra : found.subList(Math.min(1, found.size()), found.size())) {
                report.error(Message.DUPLICATE_NETWORK.format(specName,
                        found == spec.generators() ? "Generator" : "Discriminator"), extra.site());
            }
        }
        if (spec.generators().isEmpty() || spec.discriminators().isEmpty()) {
            boolean noGenerator = spec.generators().isEmpty();
            NetworkDeclaration present = noGenerator ? spec.discriminators().get(0) : spec.generators().get(0);
            report.error(noGenerator
                    ? Message.MISSING_NETWORK.format(specName, "Discriminator", "Generator")
                    : Message.MISSING_NETWORK.format(specName, "Generator", "Discriminator"), present.site());
            return Optional.empty();
        }
        NetworkDeclaration discriminator = spec.discriminators().get(0);
        checkCondition(spec.generators().get(0), discriminator);
        NetworkModel g = network(spec, spec.generators().get(0), true);
        NetworkModel d = network(spec, discriminator, false);
        if (g == null || d == null) {
            return Optional.empty();
        }
        if (!g.outputShape().equals(d.inputShape())) {
            String at = d.inputShape().isImage() ? "channels" : "inputSize";
            if (g.outputSize() != d.inputSize()) {
                report.error(Message.SIZE_MISMATCH.format(d.inputShape(), d.inputSize(), g.outputShape(), g.outputSize()),
                        discriminator.annotation().site(), at);
            } else {
                report.error(Message.SHAPE_MISMATCH.format(g.outputShape(), d.inputShape()),
                        discriminator.annotation().site(), at);
            }
        }
        return report.hasErrors() ? Optional.empty() : Optional.of(new SpecModel(g, d));
    }

    /** Both networks must declare the same {@code @Condition}, or neither (reported otherwise). */
    private void checkCondition(NetworkDeclaration generator, NetworkDeclaration discriminator) {
        AnnotationDeclaration g = generator.condition();
        AnnotationDeclaration d = discriminator.condition();
        if (g == null && d == null) {
            return;
        }
        if (g == null || d == null) {
            AnnotationDeclaration present = g == null ? d : g;
            report.error(Message.CONDITION_ONE_NETWORK.format(g == null ? "discriminator" : "generator",
                    g == null ? "generator" : "discriminator", present.intValue("classes")), present.site());
            return;
        }
        for (AnnotationDeclaration a : List.of(g, d)) {
            if (a.intValue("classes") < 2) {
                report.error(Message.CONDITION_CLASSES.format(a.intValue("classes")), a.site(), "classes");
            }
        }
        if (g.intValue("classes") >= 2 && d.intValue("classes") >= 2 && g.intValue("classes") != d.intValue("classes")) {
            report.error(Message.CONDITION_CLASSES_DIFFER.format(g.intValue("classes"), d.intValue("classes")), d.site(),
                    "classes");
        }
    }

    private NetworkModel network(SpecDeclaration spec, NetworkDeclaration declaration, boolean generator) {
        String role = generator ? "Generator" : "Discriminator";
        if (!declaration.isInterface()) {
            report.error(Message.NOT_INTERFACE.format(role), declaration.site());
            return null;
        }
        int errorsBefore = report.errorCount();
        // Each network's layers are checked against its own @Condition (a disagreement is reported once, above).
        int classes = declaration.condition() == null ? 0 : declaration.condition().intValue("classes");
        NetworkModel.NoiseModel noise = null;
        MemberDeclaration noiseMember = null;
        Shape shape = generator ? null : discriminatorInput(declaration.annotation());
        Shape inputShape = shape;
        List<NetworkModel.ValidatedLayer> layers = new ArrayList<>();
        long offset = 0;
        int stateOffset = 0;
        boolean shapeKnown = shape != null;
        // Not layers.isEmpty(): a layer before the noise is skipped (its input shape is unknown), not added.
        boolean layerDeclared = false;
        boolean readsLabel = false;
        for (MemberDeclaration member : declaration.members()) {
            String name = member.name();
            if (!member.namesOnly()) {
                report.error(Message.LAYER_SIGNATURE.format(name, name), member.site());
                continue;
            }
            if (member.noise() != null) {
                AnnotationDeclaration noiseAnnotation = member.noise();
                if (!member.layers().isEmpty()) { // else the layer would be dropped without a word
                    report.error(Message.TWO_LAYERS.format(name, "Noise", member.layers().get(0).simpleName()),
                            member.layers().get(0).site());
                }
                if (!generator) {
                    report.error(Message.NOISE_IN_DISCRIMINATOR.format(name), noiseAnnotation.site());
                } else if (noiseMember != null) {
                    report.error(Message.TWO_NOISES.format(declaration.name(), noiseMember.name(), name),
                            noiseAnnotation.site());
                } else if (layerDeclared) {
                    noiseMember = member;
                    report.error(Message.NOISE_NOT_FIRST.format(name), noiseAnnotation.site());
                } else {
                    noiseMember = member;
                    noise = noise(noiseAnnotation);
                    if (noise != null) {
                        shape = Shape.flat(noise.size());
                        inputShape = shape;
                        shapeKnown = true;
                    }
                }
                continue;
            }
            if (member.layers().isEmpty()) {
                report.error(Message.NOT_A_LAYER.format(name), member.site());
                continue;
            }
            layerDeclared = true;
            if (member.layers().size() > 1) {
                report.error(Message.TWO_LAYERS.format(name, member.layers().get(0).simpleName(),
                        member.layers().get(1).simpleName()), member.layers().get(1).site());
                continue;
            }
            AnnotationDeclaration annotation = member.layers().get(0);
            LayerEmitter emitter = emitters.find(annotation.type());
            if (emitter == null) {
                report.error(Message.NO_EMITTER.format(annotation.simpleName(), annotation.type()), annotation.site());
                shapeKnown = false;
                continue;
            }
            if (!shapeKnown) {
                continue; // an earlier problem left this layer's input shape unknown
            }
            DeclaredLayerSpec layer = new DeclaredLayerSpec(name, annotation, shape, report, classes);
            int before = report.errorCount();
            Shape out = emitter.outputShape(layer);
            if (report.errorCount() > before || out == null || out.longSize() < 1) {
                shapeKnown = false;
                continue;
            }
            if (out.longSize() > Integer.MAX_VALUE) {
                report.error(Message.TOO_LARGE.format(declaration.name(), out.longSize() + " values per sample", name),
                        annotation.site());
                shapeKnown = false;
                continue;
            }
            if (generator && emitter.outputBatch(layer, "batch") != null) {
                report.error(Message.BATCH_IN_GENERATOR.format(name), annotation.site());
                continue;
            }
            List<ParameterShape> parameters = emitter.parameters(layer);
            long count = 0;
            for (ParameterShape p : parameters) {
                long size = 1;
                for (int d : p.shape()) {
                    size *= d;
                }
                count += size;
            }
            if (offset + count > Integer.MAX_VALUE) {
                report.error(Message.TOO_LARGE.format(declaration.name(), (offset + count) + " parameters", name),
                        annotation.site());
                shapeKnown = false;
                continue;
            }
            readsLabel |= emitter.readsLabel(layer);
            List<ParameterShape> state = emitter.state(layer);
            layers.add(new NetworkModel.ValidatedLayer(layer, emitter, annotation.site(), out, (int) offset, parameters,
                    stateOffset, state, emitter.scratchPerSample(layer), emitter.describe(layer)));
            offset += count;
            stateOffset += state.stream().mapToInt(ParameterShape::size).sum();
            shape = out;
        }
        if (generator && noiseMember == null) {
            report.error(Message.MISSING_NOISE.format(declaration.name()), declaration.site());
        }
        if (layers.isEmpty() && report.errorCount() == errorsBefore) {
            report.error(Message.NO_LAYERS.format((generator ? "generator " : "discriminator ") + declaration.name()),
                    declaration.site());
        }
        if (declaration.condition() != null && !readsLabel && report.errorCount() == errorsBefore) {
            report.error(Message.CONDITION_UNUSED.format(generator ? "generator" : "discriminator", declaration.name(),
                    classes, generator ? "noise" : "layers that read the sample"), declaration.condition().site());
        }
        if (report.errorCount() > errorsBefore || layers.isEmpty()) {
            return null;
        }
        NetworkModel.ValidatedLayer last = layers.get(layers.size() - 1);
        if (!generator && last.outputShape().size() != 1) {
            report.error(Message.DISCRIMINATOR_OUTPUT.format(last.spec().name(), last.outputShape().size()),
                    Site.of(last.site().element()));
            return null;
        }
        return NetworkModel.of(spec, spec.classPrefix() + "_" + (generator ? "Generator" : "Discriminator"), generator,
                inputShape, layers, noise, classes);
    }

    /**
     * The discriminator's input: flat from {@code inputSize}, or an image from {@code channels},
     * {@code height} and {@code width}; null (reported) unless exactly one of them is declared well.
     */
    private Shape discriminatorInput(AnnotationDeclaration d) {
        int size = d.intValue("inputSize");
        int channels = d.intValue("channels");
        int height = d.intValue("height");
        int width = d.intValue("width");
        if (channels == 0 && height == 0 && width == 0) {
            if (size < 1) {
                report.error(Message.INPUT_SIZE.format(size), d.site(), "inputSize");
                return null;
            }
            return Shape.flat(size);
        }
        Shape image = Shape.image(channels, height, width);
        if (size != 0) {
            report.error(Message.INPUT_SIZE_AND_SHAPE.format(size, image), d.site(), "inputSize");
            return null;
        }
        if (channels < 1 || height < 1 || width < 1 || image.longSize() > Integer.MAX_VALUE) {
            String at = channels < 1 ? "channels" : height < 1 ? "height" : "width";
            report.error(Message.INPUT_SHAPE.format(image), d.site(), at);
            return null;
        }
        return image;
    }

    private NetworkModel.NoiseModel noise(AnnotationDeclaration a) {
        int size = a.intValue("size");
        String distribution = a.values().get("distribution").toString();
        float pa = ((Number) a.values().get("a")).floatValue();
        float pb = ((Number) a.values().get("b")).floatValue();
        if (size < 1) {
            report.error(Message.NOISE_SIZE.format(size), a.site(), "size");
            return null;
        }
        // NaN means "the distribution's default".
        switch (distribution) {
            case "UNIFORM" -> {
                pa = Float.isNaN(pa) ? 0f : pa;
                pb = Float.isNaN(pb) ? 1f : pb;
                if (!(pa < pb) || Float.isInfinite(pa) || Float.isInfinite(pb)) {
                    report.error(Message.NOISE_UNIFORM_RANGE.format(pa, pb), a.site());
                    return null;
                }
            }
            case "GAUSSIAN" -> {
                pa = Float.isNaN(pa) ? 0f : pa;
                pb = Float.isNaN(pb) ? 1f : pb;
                if (!(pb > 0f) || Float.isInfinite(pa) || Float.isInfinite(pb)) {
                    report.error(Message.NOISE_GAUSSIAN_PARAMETERS.format(pa, pb), a.site());
                    return null;
                }
            }
            default -> {
                pa = Float.isNaN(pa) ? 0.5f : pa;
                pb = 0f;
                if (!(pa >= 0f && pa <= 1f)) {
                    report.error(Message.NOISE_BERNOULLI_P.format(pa), a.site(), "a");
                    return null;
                }
            }
        }
        return new NetworkModel.NoiseModel(distribution, size, pa, pb);
    }
}

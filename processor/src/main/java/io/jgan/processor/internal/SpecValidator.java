package io.jgan.processor.internal;

import io.jgan.processor.spi.LayerEmitter;
import io.jgan.processor.spi.ParameterShape;
import io.jgan.processor.spi.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Turns one spec (the generator and discriminator interfaces of one spec type) into validated
 * {@link NetworkModel}s, inferring every width layer to layer. Problems go to the {@link Report};
 * the models are only used when it has none.
 */
public final class SpecValidator {
    static final String LAYER = "io.jgan.annotations.Layer";
    static final String NOISE = "io.jgan.annotations.Noise";
    static final String GENERATOR = "io.jgan.annotations.Generator";
    static final String DISCRIMINATOR = "io.jgan.annotations.Discriminator";

    private final Elements elements;
    private final Emitters emitters;
    private final Report report;

    /** A validator reporting into {@code report}. */
    public SpecValidator(Elements elements, Emitters emitters, Report report) {
        this.elements = elements;
        this.emitters = emitters;
        this.report = report;
    }

    /** Validates the spec's two networks; returns them as [generator, discriminator], or null. */
    public List<NetworkModel> validate(TypeElement spec, List<TypeElement> generators, List<TypeElement> discriminators) {
        String specName = spec.getSimpleName().toString();
        for (List<TypeElement> found : List.of(generators, discriminators)) {
            for (TypeElement extra : found.subList(Math.min(1, found.size()), found.size())) {
                report.error(Message.DUPLICATE_NETWORK.format(specName, found == generators ? "Generator" : "Discriminator"), extra);
            }
        }
        if (generators.isEmpty() || discriminators.isEmpty()) {
            TypeElement present = generators.isEmpty() ? discriminators.get(0) : generators.get(0);
            report.error(generators.isEmpty()
                    ? Message.MISSING_NETWORK.format(specName, "Discriminator", "Generator")
                    : Message.MISSING_NETWORK.format(specName, "Generator", "Discriminator"), present);
            return null;
        }
        String prefix = String.join("_", specNames(spec));
        NetworkModel g = network(spec, generators.get(0), prefix + "_Generator", true);
        NetworkModel d = network(spec, discriminators.get(0), prefix + "_Discriminator", false);
        if (g == null || d == null) {
            return null;
        }
        if (!g.outputShape().equals(d.inputShape())) {
            AnnotationMirror discriminator = annotation(discriminators.get(0), DISCRIMINATOR);
            AnnotationValue declared = explicitValue(discriminator, d.inputShape().isImage() ? "channels" : "inputSize");
            if (g.outputSize() != d.inputSize()) {
                report.error(Message.SIZE_MISMATCH.format(d.inputShape(), d.inputSize(), g.outputShape(), g.outputSize()),
                        discriminators.get(0), discriminator, declared);
            } else {
                report.error(Message.SHAPE_MISMATCH.format(g.outputShape(), d.inputShape()), discriminators.get(0),
                        discriminator, declared);
            }
        }
        return report.hasErrors() ? null : List.of(g, d);
    }

    /** [Outer, Inner] for a spec nested in another type, so generated names stay unique. */
    private static List<String> specNames(TypeElement spec) {
        List<String> names = new ArrayList<>();
        for (javax.lang.model.element.Element e = spec; e instanceof TypeElement t; e = t.getEnclosingElement()) {
            names.add(0, t.getSimpleName().toString());
        }
        return names;
    }

    private NetworkModel network(TypeElement spec, TypeElement declaration, String className, boolean generator) {
        if (declaration.getKind() != ElementKind.INTERFACE) {
            report.error(Message.NOT_INTERFACE.format(generator ? "Generator" : "Discriminator"), declaration);
            return null;
        }
        int errorsBefore = errorCount();
        NetworkModel.NoiseModel noise = null;
        ExecutableElement noiseMember = null;
        Shape shape = generator ? null : discriminatorInput(declaration);
        Shape inputShape = shape;
        List<LayerModel> layers = new ArrayList<>();
        int offset = 0;
        int stateOffset = 0;
        boolean widthKnown = shape != null;
        // Not layers.isEmpty(): a layer before the noise is skipped (its input width is unknown), not added.
        boolean layerDeclared = false;
        java.util.Set<String> names = new java.util.HashSet<>();
        for (ExecutableElement member : ElementFilter.methodsIn(declaration.getEnclosedElements())) {
            String name = member.getSimpleName().toString();
            if (!member.getParameters().isEmpty() || member.getReturnType().getKind() != javax.lang.model.type.TypeKind.VOID) {
                report.error(Message.LAYER_SIGNATURE.format(name, name), member);
                continue;
            }
            if (!names.add(name)) {
                report.error(Message.DUPLICATE_NAME.format(name), member);
                continue;
            }
            List<AnnotationMirror> layerAnnotations = new ArrayList<>();
            AnnotationMirror noiseAnnotation = null;
            for (AnnotationMirror a : member.getAnnotationMirrors()) {
                TypeElement type = (TypeElement) a.getAnnotationType().asElement();
                if (type.getQualifiedName().contentEquals(NOISE)) {
                    noiseAnnotation = a;
                } else if (annotation(type, LAYER) != null) {
                    layerAnnotations.add(a);
                }
            }
            if (noiseAnnotation != null) {
                if (!layerAnnotations.isEmpty()) { // else the layer would be dropped without a word
                    report.error(Message.TWO_LAYERS.format(name, "Noise", simpleName(layerAnnotations.get(0))),
                            member, layerAnnotations.get(0), null);
                }
                if (!generator) {
                    report.error(Message.NOISE_IN_DISCRIMINATOR.format(name), member, noiseAnnotation, null);
                } else if (noiseMember != null) {
                    report.error(Message.TWO_NOISES.format(declaration.getSimpleName(), noiseMember.getSimpleName(), name),
                            member, noiseAnnotation, null);
                } else if (layerDeclared) {
                    noiseMember = member;
                    report.error(Message.NOISE_NOT_FIRST.format(name), member, noiseAnnotation, null);
                } else {
                    noiseMember = member;
                    noise = noise(member, noiseAnnotation);
                    if (noise != null) {
                        shape = Shape.flat(noise.size());
                        inputShape = shape;
                        widthKnown = true;
                    }
                }
                continue;
            }
            if (layerAnnotations.isEmpty()) {
                report.error(Message.NOT_A_LAYER.format(name), member);
                continue;
            }
            layerDeclared = true;
            if (layerAnnotations.size() > 1) {
                report.error(Message.TWO_LAYERS.format(name, simpleName(layerAnnotations.get(0)),
                        simpleName(layerAnnotations.get(1))), member, layerAnnotations.get(1), null);
                continue;
            }
            AnnotationMirror layerAnnotation = layerAnnotations.get(0);
            TypeElement annotationType = (TypeElement) layerAnnotation.getAnnotationType().asElement();
            String canonical = annotationType.getQualifiedName().toString();
            LayerEmitter emitter = emitters.find(canonical);
            if (emitter == null) {
                report.error(Message.NO_EMITTER.format(annotationType.getSimpleName(), canonical), member, layerAnnotation, null);
                widthKnown = false;
                continue;
            }
            MirrorLayerSpec layer = new MirrorLayerSpec(member, layerAnnotation,
                    elements.getElementValuesWithDefaults(layerAnnotation), shape, report);
            if (!widthKnown) {
                continue; // an earlier problem left this layer's input shape unknown
            }
            int before = errorCount();
            Shape out = emitter.outputShape(layer);
            if (errorCount() > before || out == null || out.longSize() < 1) {
                widthKnown = false;
                continue;
            }
            if (generator && emitter.outputBatch(layer, "batch") != null) {
                report.error(Message.BATCH_IN_GENERATOR.format(name), member, layerAnnotation, null);
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
                report.error(Message.TOO_LARGE.format(declaration.getSimpleName(), (offset + count) + " parameters", name),
                        member, layerAnnotation, null);
                widthKnown = false;
                continue;
            }
            LayerModel model = new LayerModel(layers.size(), layer, emitter, out, offset, parameters, stateOffset,
                    emitter.state(layer), emitter.scratchPerSample(layer), emitter.describe(layer));
            layers.add(model);
            offset += model.parameterCount();
            stateOffset += model.stateCount();
            shape = out;
        }
        if (generator && noiseMember == null) {
            report.error(Message.MISSING_NOISE.format(declaration.getSimpleName()), declaration);
        }
        if (layers.isEmpty() && errorCount() == errorsBefore) {
            report.error(Message.NO_LAYERS.format((generator ? "generator " : "discriminator ") + declaration.getSimpleName()),
                    declaration);
        }
        if (errorCount() > errorsBefore || layers.isEmpty()) {
            return null;
        }
        LayerModel last = layers.get(layers.size() - 1);
        if (!generator && last.outputShape().size() != 1) {
            report.error(Message.DISCRIMINATOR_OUTPUT.format(last.name(), last.outputShape().size()),
                    ((MirrorLayerSpec) last.spec()).member());
            return null;
        }
        return new NetworkModel(spec, declaration, className, generator, inputShape, layers, noise);
    }

    /**
     * The discriminator's input: flat from {@code inputSize}, or an image from {@code channels},
     * {@code height} and {@code width}; null (reported) when neither or both are declared well.
     */
    private Shape discriminatorInput(TypeElement declaration) {
        AnnotationMirror d = annotation(declaration, DISCRIMINATOR);
        int size = intValue(d, "inputSize");
        int channels = intValue(d, "channels");
        int height = intValue(d, "height");
        int width = intValue(d, "width");
        if (channels == 0 && height == 0 && width == 0) {
            if (size < 1) {
                report.error(Message.INPUT_SIZE.format(size), declaration, d, explicitValue(d, "inputSize"));
                return null;
            }
            return Shape.flat(size);
        }
        Shape image = Shape.image(channels, height, width);
        if (size != 0) {
            report.error(Message.INPUT_SIZE_AND_SHAPE.format(size, image), declaration, d, explicitValue(d, "inputSize"));
            return null;
        }
        if (channels < 1 || height < 1 || width < 1 || image.longSize() > Integer.MAX_VALUE) {
            String at = channels < 1 ? "channels" : height < 1 ? "height" : "width";
            report.error(Message.INPUT_SHAPE.format(image), declaration, d, explicitValue(d, at));
            return null;
        }
        return image;
    }

    private NetworkModel.NoiseModel noise(ExecutableElement member, AnnotationMirror a) {
        Map<? extends ExecutableElement, ? extends AnnotationValue> values = elements.getElementValuesWithDefaults(a);
        int size = 0;
        String distribution = "GAUSSIAN";
        float pa = Float.NaN;
        float pb = Float.NaN;
        for (var e : values.entrySet()) {
            Object v = e.getValue().getValue();
            switch (e.getKey().getSimpleName().toString()) {
                case "size" -> size = (Integer) v;
                case "distribution" -> distribution = ((VariableElement) v).getSimpleName().toString();
                case "a" -> pa = (Float) v;
                case "b" -> pb = (Float) v;
                default -> { }
            }
        }
        if (size < 1) {
            report.error(Message.NOISE_SIZE.format(size), member, a, explicitValue(a, "size"));
            return null;
        }
        String problem = null;
        switch (distribution) {
            case "UNIFORM" -> {
                pa = Float.isNaN(pa) ? 0f : pa;
                pb = Float.isNaN(pb) ? 1f : pb;
                if (!(pa < pb) || Float.isInfinite(pa) || Float.isInfinite(pb)) {
                    problem = "uniform noise needs finite a < b (the range [a, b)), got a = " + pa + ", b = " + pb;
                }
            }
            case "GAUSSIAN" -> {
                pa = Float.isNaN(pa) ? 0f : pa;
                pb = Float.isNaN(pb) ? 1f : pb;
                if (!(pb > 0f) || Float.isInfinite(pa) || Float.isInfinite(pb)) {
                    problem = "gaussian noise needs a finite mean a and a standard deviation b > 0, got a = " + pa
                            + ", b = " + pb;
                }
            }
            default -> {
                pa = Float.isNaN(pa) ? 0.5f : pa;
                pb = 0f;
                if (!(pa >= 0f && pa <= 1f)) {
                    problem = "bernoulli noise needs a probability a in [0, 1], got a = " + pa;
                }
            }
        }
        if (problem != null) {
            report.error(Message.NOISE_PARAMETERS.format(problem), member, a, null);
            return null;
        }
        return new NetworkModel.NoiseModel(distribution, size, pa, pb);
    }

    private int errorCount() {
        return report.errorCount();
    }

    private static String simpleName(AnnotationMirror a) {
        return a.getAnnotationType().asElement().getSimpleName().toString();
    }

    /** The annotation of the given type on an element, or null. */
    static AnnotationMirror annotation(javax.lang.model.element.Element element, String type) {
        for (AnnotationMirror a : element.getAnnotationMirrors()) {
            if (((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().contentEquals(type)) {
                return a;
            }
        }
        return null;
    }

    private int intValue(AnnotationMirror a, String attribute) {
        for (var e : elements.getElementValuesWithDefaults(a).entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(attribute)) {
                return (Integer) e.getValue().getValue();
            }
        }
        throw new IllegalStateException("no attribute " + attribute);
    }

    private static AnnotationValue explicitValue(AnnotationMirror a, String attribute) {
        for (var e : a.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(attribute)) {
                return e.getValue();
            }
        }
        return null;
    }
}

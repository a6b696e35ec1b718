package io.jgan.processor.internal;

import io.jgan.processor.spi.LayerSpec;
import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;

/**
 * A {@link LayerSpec} read from the layer annotation's mirror (a user's annotation class cannot be
 * loaded inside the processor, so values are never read through {@code getAnnotation}).
 */
final class MirrorLayerSpec implements LayerSpec {
    private final ExecutableElement member;
    private final AnnotationMirror annotation;
    private final Map<String, AnnotationValue> values = new HashMap<>();
    private final int inputWidth;
    private final Report report;

    MirrorLayerSpec(ExecutableElement member, AnnotationMirror annotation,
            Map<? extends ExecutableElement, ? extends AnnotationValue> valuesWithDefaults, int inputWidth, Report report) {
        this.member = member;
        this.annotation = annotation;
        valuesWithDefaults.forEach((k, v) -> values.put(k.getSimpleName().toString(), v));
        this.inputWidth = inputWidth;
        this.report = report;
    }

    /** The spec member declaring this layer. */
    ExecutableElement member() {
        return member;
    }

    @Override
    public String name() {
        return member.getSimpleName().toString();
    }

    @Override
    public int inputWidth() {
        return inputWidth;
    }

    private Object value(String attribute) {
        AnnotationValue v = values.get(attribute);
        if (v == null) {
            throw new IllegalArgumentException("@" + annotation.getAnnotationType().asElement().getSimpleName()
                    + " has no attribute '" + attribute + "'");
        }
        return v.getValue();
    }

    @Override
    public int intValue(String attribute) {
        return ((Number) value(attribute)).intValue();
    }

    @Override
    public float floatValue(String attribute) {
        return ((Number) value(attribute)).floatValue();
    }

    @Override
    public double doubleValue(String attribute) {
        return ((Number) value(attribute)).doubleValue();
    }

    @Override
    public boolean booleanValue(String attribute) {
        return (Boolean) value(attribute);
    }

    @Override
    public String stringValue(String attribute) {
        Object v = value(attribute);
        return v instanceof VariableElement constant ? constant.getSimpleName().toString() : v.toString();
    }

    @Override
    public void error(String attribute, String message) {
        AnnotationValue v = attribute == null ? null : explicitValue(attribute);
        report.error(message, member, annotation, v);
    }

    /** The value as written in source, so the caret lands on it; null when the default applies. */
    private AnnotationValue explicitValue(String attribute) {
        for (var e : annotation.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(attribute)) {
                return e.getValue();
            }
        }
        return null;
    }
}

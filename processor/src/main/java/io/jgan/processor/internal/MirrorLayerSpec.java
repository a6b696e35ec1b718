package io.jgan.processor.internal;

import io.jgan.processor.spi.Attribute;
import io.jgan.processor.spi.LayerSpec;
import io.jgan.processor.spi.Shape;
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
    private final Shape inputShape;
    private final Report report;

    MirrorLayerSpec(ExecutableElement member, AnnotationMirror annotation,
            Map<? extends ExecutableElement, ? extends AnnotationValue> valuesWithDefaults, Shape inputShape, Report report) {
        this.member = member;
        this.annotation = annotation;
        valuesWithDefaults.forEach((k, v) -> values.put(k.getSimpleName().toString(), v));
        this.inputShape = inputShape;
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
    public Shape inputShape() {
        return inputShape;
    }

    @Override
    public <T> T get(Attribute<T> attribute) {
        AnnotationValue v = values.get(attribute.name());
        if (v == null) {
            throw new IllegalArgumentException("@" + annotation.getAnnotationType().asElement().getSimpleName()
                    + " has no attribute '" + attribute.name() + "'");
        }
        Object value = v.getValue();
        Class<T> type = attribute.type();
        if (type == String.class) {
            return type.cast(value instanceof VariableElement constant ? constant.getSimpleName().toString()
                    : value.toString());
        }
        if (type == Boolean.class || !(value instanceof Number n)) {
            return type.cast(value);
        }
        // A number read as the attribute's declared type, whatever width the annotation gives it.
        Object number = type == Integer.class ? (Object) n.intValue()
                : type == Float.class ? (Object) n.floatValue()
                : type == Double.class ? (Object) n.doubleValue() : n;
        return type.cast(number);
    }

    @Override
    public void error(Attribute<?> attribute, String message) {
        report.error(message, member, annotation, explicitValue(attribute.name()));
    }

    @Override
    public void error(String message) {
        report.error(message, member, annotation, null);
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

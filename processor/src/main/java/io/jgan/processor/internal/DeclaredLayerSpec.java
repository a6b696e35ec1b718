package io.jgan.processor.internal;

import io.jgan.processor.spi.Attribute;
import io.jgan.processor.spi.LayerSpec;
import io.jgan.processor.spi.Shape;

/** A {@link LayerSpec} over a layer's declared annotation values; its errors go to the spec's {@link Report}. */
final class DeclaredLayerSpec implements LayerSpec {
    private final String name;
    private final AnnotationDeclaration annotation;
    private final Shape inputShape;
    private final Report report;
    private final int conditionClasses;

    DeclaredLayerSpec(String name, AnnotationDeclaration annotation, Shape inputShape, Report report) {
        this(name, annotation, inputShape, report, 0);
    }

    DeclaredLayerSpec(String name, AnnotationDeclaration annotation, Shape inputShape, Report report,
            int conditionClasses) {
        this.conditionClasses = conditionClasses;
        this.name = name;
        this.annotation = annotation;
        this.inputShape = inputShape;
        this.report = report;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Shape inputShape() {
        return inputShape;
    }

    @Override
    public int conditionClasses() {
        return conditionClasses;
    }

    @Override
    public <T> T get(Attribute<T> attribute) {
        Object value = annotation.values().get(attribute.name());
        if (value == null) {
            throw new IllegalArgumentException("@" + annotation.simpleName() + " has no attribute '" + attribute.name()
                    + "'");
        }
        Class<T> type = attribute.type();
        if (type == String.class) {
            return type.cast(value.toString());
        }
        if (!(value instanceof Number n) || type == Boolean.class) {
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
        report.error(message, annotation.site(), attribute == null ? null : attribute.name());
    }

    @Override
    public void error(String message) {
        report.error(message, annotation.site());
    }
}

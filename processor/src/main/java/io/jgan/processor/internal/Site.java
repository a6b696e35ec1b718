package io.jgan.processor.internal;

import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Where something was declared, kept only to point javac's errors at it: an element, optionally one
 * of its annotations and the values written in that annotation (so the caret can land on
 * {@code units = 0}). Declarations and models built in tests use {@link #NONE}.
 *
 * @param element the declaring element, or null
 * @param annotation the annotation at fault, or null for the element as a whole
 * @param written the annotation's values as written in source, by attribute name (defaults absent)
 */
public record Site(Element element, AnnotationMirror annotation, Map<String, AnnotationValue> written) {
    /** Nowhere: for declarations built by hand. */
    public static final Site NONE = new Site(null, null, Map.of());

    /** Copies the values. */
    public Site {
        written = Map.copyOf(written);
    }

    /** An element as a whole. */
    public static Site of(Element element) {
        return new Site(element, null, Map.of());
    }

    /** One annotation of an element. */
    public static Site of(Element element, AnnotationMirror annotation) {
        java.util.Map<String, AnnotationValue> written = new java.util.HashMap<>();
        annotation.getElementValues().forEach((k, v) -> written.put(k.getSimpleName().toString(), v));
        return new Site(element, annotation, written);
    }
}

package io.jgan.processor.internal;

import java.util.Map;

/**
 * One annotation as declared on a spec member or network, its values read once from the mirror
 * (a user's annotation class cannot be loaded inside the processor) with defaults applied.
 *
 * @param type the annotation's canonical name, e.g. {@code io.jgan.annotations.Dense}
 * @param simpleName e.g. {@code Dense}
 * @param values by attribute name: {@code Integer}, {@code Float}, {@code Double}, {@code Boolean},
 *     {@code String}, an enum constant as its name, other kinds as javac gives them
 * @param site where it is written, for errors
 */
public record AnnotationDeclaration(String type, String simpleName, Map<String, Object> values, Site site) {
    /** Copies the values. */
    public AnnotationDeclaration {
        values = Map.copyOf(values);
    }

    /** An {@code int} value. */
    int intValue(String attribute) {
        return ((Number) values.get(attribute)).intValue();
    }
}

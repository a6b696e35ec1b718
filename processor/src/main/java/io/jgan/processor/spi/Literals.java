package io.jgan.processor.spi;

import com.palantir.javapoet.CodeBlock;

/** Float literals for generated code; JavaPoet's {@code $L} would print a float as a double. */
public final class Literals {
    private Literals() {}

    /**
     * {@return {@code 0.2f}, {@code -1.0E-8f}, {@code Float.NaN}, {@code Float.POSITIVE_INFINITY}}
     *
     * @param value any float, NaN and infinities included
     */
    public static CodeBlock of(float value) {
        if (Float.isNaN(value)) {
            return CodeBlock.of("Float.NaN");
        }
        if (Float.isInfinite(value)) {
            return CodeBlock.of(value > 0 ? "Float.POSITIVE_INFINITY" : "Float.NEGATIVE_INFINITY");
        }
        return CodeBlock.of("$Lf", Float.toString(value));
    }
}

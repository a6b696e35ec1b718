package io.jgan.processor.spi;

/**
 * One layer of a spec as an emitter sees it while validating: its name, the annotation's values and
 * the width of its input. Problems are reported here and become javac errors on the spec's line.
 */
public interface LayerSpec {
    /** {@return the spec member's name, e.g. {@code hidden}} */
    String name();

    /** {@return values per sample entering this layer} */
    int inputWidth();

    /**
     * {@return an {@code int} annotation value (defaults applied)}
     *
     * @param attribute the annotation attribute's name, e.g. {@code units}
     */
    int intValue(String attribute);

    /**
     * {@return a {@code float} annotation value (defaults applied)}
     *
     * @param attribute the annotation attribute's name, e.g. {@code units}
     */
    float floatValue(String attribute);

    /**
     * {@return a {@code double} annotation value (defaults applied)}
     *
     * @param attribute the annotation attribute's name, e.g. {@code units}
     */
    double doubleValue(String attribute);

    /**
     * {@return a {@code boolean} annotation value (defaults applied)}
     *
     * @param attribute the annotation attribute's name, e.g. {@code units}
     */
    boolean booleanValue(String attribute);

    /**
     * {@return a {@code String} or enum annotation value (an enum as its constant's name)}
     *
     * @param attribute the annotation attribute's name, e.g. {@code units}
     */
    String stringValue(String attribute);

    /**
     * Reports an error on this layer; with an attribute name, javac points at that value
     * (e.g. {@code units = 0}). The spec is then not generated.
     *
     * @param attribute the annotation attribute at fault, or null for the annotation as a whole
     * @param message what is wrong and what to change
     */
    void error(String attribute, String message);
}

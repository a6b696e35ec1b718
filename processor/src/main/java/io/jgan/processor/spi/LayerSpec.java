package io.jgan.processor.spi;

/**
 * One layer of a spec as an emitter sees it while validating: its name, the annotation's values and
 * the width of its input. Problems are reported here and become javac errors on the spec's line.
 */
public interface LayerSpec {
    /** The spec member's name, e.g. {@code hidden}. */
    String name();

    /** Values per sample entering this layer. */
    int inputWidth();

    /** An {@code int} annotation value (defaults applied). */
    int intValue(String attribute);

    /** A {@code float} annotation value (defaults applied). */
    float floatValue(String attribute);

    /** A {@code double} annotation value (defaults applied). */
    double doubleValue(String attribute);

    /** A {@code boolean} annotation value (defaults applied). */
    boolean booleanValue(String attribute);

    /** A {@code String} or enum annotation value (an enum as its constant's name). */
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

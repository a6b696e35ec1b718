package io.jgan.processor.spi;

/**
 * One layer of a spec as an emitter sees it: its name, the annotation's values and the shape of
 * its input. Problems are reported here while validating ({@link LayerEmitter#outputShape}) and
 * become javac errors on the spec's line.
 */
public interface LayerSpec {
    /** {@return the spec member's name, e.g. {@code hidden}} */
    String name();

    /** {@return the shape of one sample entering this layer} */
    Shape inputShape();

    /** {@return values per sample entering this layer: {@code inputShape().size()}} */
    default int inputWidth() {
        return inputShape().size();
    }

    /**
     * {@return the class count of the network's {@code @Condition}, 0 for a network without one} A
     * layer that reads the label ({@link LayerEmitter#readsLabel}) checks its own class count
     * against it.
     */
    default int conditionClasses() {
        return 0;
    }

    /**
     * {@return an annotation value, the annotation's default applied}
     *
     * @param attribute the attribute, e.g. {@code Attribute.ofInt("units")}
     * @param <T> the value's type
     * @throws IllegalArgumentException if the annotation has no such attribute
     */
    <T> T get(Attribute<T> attribute);

    /**
     * Reports an error on one value of this layer's annotation: javac points at it (e.g.
     * {@code units = 0}), or at the annotation when the default applies. The spec is then not
     * generated. Report while validating, in {@link LayerEmitter#outputShape}: an error reported
     * while code is written also stops generation, but after the other errors were printed.
     *
     * @param attribute the annotation attribute at fault (null: the annotation as a whole)
     * @param message what is wrong and what to change
     */
    void error(Attribute<?> attribute, String message);

    /**
     * Reports an error on this layer's annotation as a whole (e.g. a shape it cannot take).
     *
     * @param message what is wrong and what to change
     */
    void error(String message);
}

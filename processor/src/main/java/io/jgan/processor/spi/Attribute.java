package io.jgan.processor.spi;

import java.util.Objects;

/**
 * One attribute of a layer annotation, with the Java type its value is read as: declare one
 * constant per attribute in the emitter and read it with {@link LayerSpec#get}, e.g.
 * {@code static final Attribute<Integer> UNITS = Attribute.ofInt("units");} then
 * {@code int units = layer.get(UNITS);}. Defaults declared in the annotation apply.
 *
 * @param <T> the value's type: {@code Integer}, {@code Float}, {@code Double}, {@code Boolean} or
 *     {@code String} (a {@code String} attribute also reads an enum constant, as its name)
 */
public final class Attribute<T> {
    private final String name;
    private final Class<T> type;

    private Attribute(String name, Class<T> type) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = type;
    }

    /**
     * {@return an {@code int} attribute}
     *
     * @param name the annotation attribute's name, e.g. {@code units}
     */
    public static Attribute<Integer> ofInt(String name) {
        return new Attribute<>(name, Integer.class);
    }

    /**
     * {@return a {@code float} attribute}
     *
     * @param name the annotation attribute's name, e.g. {@code p}
     */
    public static Attribute<Float> ofFloat(String name) {
        return new Attribute<>(name, Float.class);
    }

    /**
     * {@return a {@code double} attribute}
     *
     * @param name the annotation attribute's name, e.g. {@code eps}
     */
    public static Attribute<Double> ofDouble(String name) {
        return new Attribute<>(name, Double.class);
    }

    /**
     * {@return a {@code boolean} attribute}
     *
     * @param name the annotation attribute's name, e.g. {@code bias}
     */
    public static Attribute<Boolean> ofBoolean(String name) {
        return new Attribute<>(name, Boolean.class);
    }

    /**
     * {@return a {@code String} attribute, or an enum attribute read as its constant's name}
     *
     * @param name the annotation attribute's name
     */
    public static Attribute<String> ofString(String name) {
        return new Attribute<>(name, String.class);
    }

    /** {@return the annotation attribute's name} */
    public String name() {
        return name;
    }

    /** {@return the Java type of the value} */
    public Class<T> type() {
        return type;
    }

    @Override
    public String toString() {
        return name;
    }
}

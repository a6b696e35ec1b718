package io.jgan.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The generator's input: {@link #size()} independent random values per sample. Declared once, as the
 * first member of the {@link Generator} interface.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Noise {
    /** {@return how many random values feed one generated sample} */
    int size();

    /** {@return the distribution every value is drawn from} */
    Distribution distribution() default Distribution.GAUSSIAN;

    /**
     * First parameter of the distribution: the lower bound (uniform), the mean (gaussian) or the
     * probability of a 1 (bernoulli).
     *
     * @return the first parameter; NaN (the default) means the distribution's default
     */
    float a() default Float.NaN;

    /** {@return the second parameter: the upper bound (uniform) or the standard deviation (gaussian)} */
    float b() default Float.NaN;

    /** Noise distributions; {@code a} and {@code b} default to the values given here. */
    enum Distribution {
        /** Uniform on [a, b), by default [0, 1). */
        UNIFORM,
        /** Normal with mean a and standard deviation b, by default N(0, 1). */
        GAUSSIAN,
        /** 1 with probability a, else 0, by default a fair coin. */
        BERNOULLI
    }
}

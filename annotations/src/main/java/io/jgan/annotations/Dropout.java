package io.jgan.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Dropout: while training, zeroes each value with probability {@link #p()} and scales the others
 * by {@code 1 / (1 - p)}; the identity at inference (PyTorch's {@code nn.Dropout}).
 */
@Layer
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Dropout {
    /** {@return the probability of zeroing a value, in [0, 1)} */
    float p() default 0.5f;
}

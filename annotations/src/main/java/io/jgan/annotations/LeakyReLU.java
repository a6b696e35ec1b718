package io.jgan.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Leaky ReLU, element-wise: {@code x} where {@code x > 0}, else {@code slope * x} (PyTorch's
 * {@code nn.LeakyReLU}).
 */
@Layer
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface LeakyReLU {
    /** {@return the factor applied to negative inputs} */
    float slope() default 0.01f;
}

package io.jgan.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fully connected layer: {@code y = x W + b} with {@link #units()} outputs, initialised like PyTorch's
 * {@code nn.Linear}: weights and bias uniform in {@code [-1/sqrt(in), 1/sqrt(in))}. Its input may be
 * any shape (an image is read as its flat values); its output is flat.
 */
@Layer
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Dense {
    /** {@return the number of outputs; at least 1} */
    int units();

    /** {@return whether the layer adds a learned bias {@code b}; {@code false} as before a batch normalisation} */
    boolean bias() default true;
}

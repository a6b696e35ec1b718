package io.jgan.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fully connected layer: {@code y = x W + b} with {@link #units()} outputs, initialised like PyTorch's
 * {@code nn.Linear}: weights and bias uniform in {@code [-1/sqrt(in), 1/sqrt(in))}.
 */
@Layer
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Dense {
    /** {@return the number of outputs; at least 1} */
    int units();
}

package io.jgan.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A 2-D convolution over an image input ([channels, height, width], PyTorch's {@code nn.Conv2d} with
 * a square kernel): {@link #channels()} output channels, each side
 * {@code (in + 2 padding - kernel) / stride + 1} (a whole number, at least 1). Weight
 * [out, in, kernel, kernel] and bias [out] as in PyTorch, initialised like PyTorch: uniform in
 * {@code [-1/sqrt(fanIn), 1/sqrt(fanIn))} with {@code fanIn = in * kernel * kernel}. A flat input
 * needs a {@link Reshape} first.
 */
@Layer
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Conv2d {
    /** {@return output channels; at least 1} */
    int channels();

    /** {@return the kernel's side; at least 1} */
    int kernel();

    /** {@return the step between patches; at least 1} */
    int stride() default 1;

    /** {@return zeros added on every side of the input; at least 0} */
    int padding() default 0;

    /** {@return whether the layer adds a learned bias per output channel} */
    boolean bias() default true;
}

package io.jgan.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A 2-D transposed convolution over an image input (PyTorch's {@code nn.ConvTranspose2d} with a
 * square kernel): {@link #channels()} output channels, each side
 * {@code (in - 1) stride - 2 padding + kernel + outputPadding}. Weight [in, out, kernel, kernel]
 * and bias [out] as in PyTorch, initialised like PyTorch: uniform in
 * {@code [-1/sqrt(fanIn), 1/sqrt(fanIn))} with {@code fanIn = out * kernel * kernel} (PyTorch takes
 * it from the weight's dimension 1).
 */
@Layer
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface ConvTranspose2d {
    /** {@return output channels; at least 1} */
    int channels();

    /** {@return the kernel's side; at least 1} */
    int kernel();

    /** {@return the step between the input's pixels in the output; at least 1} */
    int stride() default 1;

    /** {@return pixels the output loses on every side; at least 0} */
    int padding() default 0;

    /** {@return pixels added to the output's bottom and right; below the stride} */
    int outputPadding() default 0;

    /** {@return whether the layer adds a learned bias per output channel} */
    boolean bias() default true;
}

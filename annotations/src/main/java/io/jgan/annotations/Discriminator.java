package io.jgan.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the discriminator of a GAN spec: a nested interface whose methods are its layers, in
 * declaration order. It reads samples of the generator's output shape: flat vectors of
 * {@link #inputSize()} values, or images of {@link #channels()} x {@link #height()} x
 * {@link #width()} (declare one or the other), and must end in one unit, the probability that its
 * input is real. Images arrive as flat arrays in PyTorch's NCHW order.
 *
 * <p>The processor generates {@code <Spec>_Discriminator} in the spec's package.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Discriminator {
    /** {@return how many values one sample has: the size of a real data point and of the generator's output} */
    int inputSize() default 0;

    /** {@return channels of an image input, e.g. 1 for greyscale; 0 when {@link #inputSize()} declares a flat input} */
    int channels() default 0;

    /** {@return rows of an image input; 0 when {@link #inputSize()} declares a flat input} */
    int height() default 0;

    /** {@return values per row of an image input; 0 when {@link #inputSize()} declares a flat input} */
    int width() default 0;
}

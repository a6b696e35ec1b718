package io.jgan.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the discriminator of a GAN spec: a nested interface whose methods are its layers, in
 * declaration order. It reads samples of {@link #inputSize()} values (the generator's output size)
 * and must end in one unit, the probability that its input is real.
 *
 * <p>The processor generates {@code <Spec>_Discriminator} in the spec's package.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Discriminator {
    /** {@return how many values one sample has: the size of a real data point and of the generator's output} */
    int inputSize();
}

package io.jgan.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the generator of a GAN spec: a nested interface whose methods are its layers, in
 * declaration order, the first one being the {@link Noise} it starts from.
 *
 * <pre>{@code
 * public interface EvenNumbers {
 *     @Generator
 *     interface G {
 *         @Noise(size = 7, distribution = Noise.Distribution.BERNOULLI) void noise();
 *         @Dense(units = 7) void dense();
 *         @Sigmoid void activation();
 *     }
 *     @Discriminator(inputSize = 7)
 *     interface D { ... }
 * }
 * }</pre>
 *
 * <p>The processor generates {@code EvenNumbers_Generator} in the spec's package.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Generator {}

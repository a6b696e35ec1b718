package io.jgan.samples.layers;

import io.jgan.annotations.Layer;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Minibatch statistics: the whole batch of N samples of W values becomes <em>one</em> sample of
 * 4 W values, for each input value (feature) {@code f} in order: its mean, population standard
 * deviation, skewness and excess kurtosis over the batch, at {@code 4 f .. 4 f + 3}. Gradients
 * flow through all four statistics back to every input value.
 *
 * <p>This is how the 1-D Gaussian seed's discriminator sees its data: not sample by sample but as
 * the moments of a minibatch of 500 values. It is not one of jgan's built-in layers: it is declared
 * here, outside the framework, with its {@link MomentsEmitter} registered for the processor's
 * {@code ServiceLoader}, to show (and test) the extension point.
 *
 * <p>A batch whose values are all equal has no spread: its skewness and kurtosis are reported as 0
 * and pass no gradient (PyTorch's formula would give NaN).
 */
@Layer
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Moments {}

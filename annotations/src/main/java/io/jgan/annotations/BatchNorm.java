package io.jgan.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Batch normalisation, PyTorch's {@code nn.BatchNorm1d} on a flat input (per feature, over the
 * batch) and {@code nn.BatchNorm2d} on an image (per channel, over the batch, height and width).
 * While training it normalises with the batch's mean and biased variance and moves the running
 * estimates towards the batch's mean and unbiased variance by {@link #momentum()}; at inference
 * (sampling) it normalises with the running estimates. Weight (1 at init) and bias (0) per channel;
 * running_mean, running_var and num_batches_tracked are saved in checkpoints and exports.
 */
@Layer
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface BatchNorm {
    /** {@return the new batch's weight in the running estimates, in [0, 1]} */
    double momentum() default 0.1;

    /** {@return added to the variance before the square root; above 0} */
    double eps() default 1e-5;
}

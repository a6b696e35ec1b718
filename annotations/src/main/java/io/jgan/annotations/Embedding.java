package io.jgan.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Joins the network's {@link Condition} label to its input as a learned vector: the output is the
 * input's values followed by row {@code label} of a {@code [classes, size]} table, PyTorch's
 * {@code torch.cat([x.flatten(1), nn.Embedding(classes, size)(label)], 1)}. The table is a parameter
 * named {@code weight}, initialised from N(0, 1) as {@code nn.Embedding}'s. Gradients reach the table
 * and the input, none the label. Its output is flat.
 */
@Layer
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Embedding {
    /** {@return the number of classes: the network's {@link Condition#classes()}} */
    int classes();

    /** {@return values per class vector; at least 1} */
    int size();
}

package io.jgan.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Joins the network's {@link Condition} label to its input as a one-hot vector: the output is the
 * input's values followed by {@code classes} values, 1 at the label and 0 elsewhere
 * ({@code torch.cat([x.flatten(1), F.one_hot(label, classes)], 1)}). No parameters; its output is
 * flat.
 */
@Layer
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OneHot {
    /** {@return the number of classes: the network's {@link Condition#classes()}} */
    int classes();
}

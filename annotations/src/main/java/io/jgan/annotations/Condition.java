package io.jgan.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a GAN conditional (Mirza and Osindero, 2014): both networks take a class label, an int in
 * {@code [0, classes)}, as a second input next to their noise or sample. Put it on the generator and
 * on the discriminator, with the same class count; a layer that reads the label, such as
 * {@link Embedding} or {@link OneHot}, says where and how it joins the values.
 *
 * <pre>{@code
 * @Generator
 * @Condition(classes = 10)
 * interface G {
 *     @Noise(size = 100) void noise();
 *     @Embedding(classes = 10, size = 10) void label();   // noise ++ embedding(label): 110 values
 *     @Dense(units = 256) void hidden();
 *     ...
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Condition {
    /** {@return the number of classes; at least 2} */
    int classes();
}

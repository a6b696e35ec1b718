package io.jgan.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Views a flat input as an image of [channels, height, width] in PyTorch's NCHW order (the values
 * are not moved, as PyTorch's {@code view}); the input's size must be channels * height * width.
 */
@Layer
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Reshape {
    /** {@return channels; at least 1} */
    int channels();

    /** {@return height; at least 1} */
    int height();

    /** {@return width; at least 1} */
    int width();
}

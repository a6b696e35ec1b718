package com.example.layers;

import io.jgan.annotations.Layer;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Swish with a learnable beta: y = x * sigmoid(beta * x), one beta per layer, starting at
 * {@link #beta()}. Keeps the width.
 */
@Layer
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Swish {
    /** The initial beta; must be positive (beta = 0 would make the layer x / 2). */
    float beta() default 1f;
}

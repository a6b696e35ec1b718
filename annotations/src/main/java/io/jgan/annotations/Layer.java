package io.jgan.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an annotation type as a jgan layer.
 *
 * <p>Every layer annotation ({@link Dense}, {@link Sigmoid}, ...) carries this meta-annotation. To add
 * a layer of your own, declare an annotation marked {@code @Layer} and put a
 * {@code io.jgan.processor.spi.LayerEmitter} for it on the annotation processor path; the processor
 * finds the emitter by the annotation's canonical name. A {@code @Layer} annotation without an
 * emitter is a compile error on the member that uses it.
 *
 * <pre>{@code
 * @Layer
 * @Retention(RetentionPolicy.CLASS)
 * @Target(ElementType.METHOD)
 * public @interface Swish {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.ANNOTATION_TYPE)
public @interface Layer {}

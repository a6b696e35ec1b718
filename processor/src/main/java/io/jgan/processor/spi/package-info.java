/**
 * The extension point of jgan's processor: write a {@link io.jgan.processor.spi.LayerEmitter} for
 * your own {@code @Layer} annotation and put it on the annotation processor path.
 */
package io.jgan.processor.spi;

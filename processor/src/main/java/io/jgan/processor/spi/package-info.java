/**
 * The extension point of jgan's processor: write a {@link io.jgan.processor.spi.LayerEmitter} for
 * your own {@code @Layer} annotation and put it on the annotation processor path. The built-in
 * layers are written against exactly this package: an emitter reads its annotation through
 * {@link io.jgan.processor.spi.Attribute}s, sees its input's {@link io.jgan.processor.spi.Shape},
 * and writes code that reaches the network only through {@link io.jgan.processor.spi.LayerCode}
 * and the types of {@link io.jgan.processor.spi.RuntimeApi}.
 */
package io.jgan.processor.spi;

/**
 * How the processor turns a spec into network classes, one stage per type, each testable alone:
 *
 * <ol>
 * <li>{@link io.jgan.processor.internal.SpecParser}: javac's elements to a
 *     {@link io.jgan.processor.internal.SpecDeclaration} of plain values (members, annotation values
 *     with defaults); a {@link io.jgan.processor.internal.Site} keeps the source only for errors.
 * <li>{@link io.jgan.processor.internal.SpecValidator}: checks the declaration, asks each layer's
 *     emitter for its output shape, lays out the parameters, and returns an immutable
 *     {@link io.jgan.processor.internal.SpecModel} (or nothing, every problem in the spec's
 *     {@link io.jgan.processor.internal.Report}). {@link io.jgan.processor.internal.NetworkModel#of}
 *     computes what the writer needs: layout, buffer and constant names, the batch chain.
 * <li>{@link io.jgan.processor.internal.NetworkWriter}: the model to one JavaPoet type per network;
 *     it reads the model and calls the emitters for the layers' code, nothing else.
 * </ol>
 *
 * <p>Every diagnostic is a {@link io.jgan.processor.internal.Message} (the built-in layers' own are
 * in {@code layers.LayerMessage}); the runtime types the network class uses are
 * {@link io.jgan.processor.internal.RuntimeTypes}, those layer code uses
 * {@link io.jgan.processor.spi.RuntimeApi}. The built-in layers in {@code layers} use only the SPI.
 */
package io.jgan.processor.internal;

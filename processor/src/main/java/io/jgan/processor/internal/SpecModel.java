package io.jgan.processor.internal;

/**
 * A validated spec: its two networks, everything the writer needs computed.
 *
 * @param generator the generator's model
 * @param discriminator the discriminator's model
 */
public record SpecModel(NetworkModel generator, NetworkModel discriminator) {}

package io.jgan.runtime.sweep;

import io.jgan.runtime.Network;
import java.io.Serializable;

/**
 * Makes a fresh generator and discriminator for each trial. Serializable, so that a cluster can ship
 * it to the machines that train: {@link #ofSpec(String)} names the spec's class, which every
 * machine loads from its own class path.
 */
public interface GanNetworks extends Serializable {

    /**
     * {@return a new, uninitialised generator for batches of up to {@code maxBatch}}
     *
     * @param maxBatch the largest batch
     */
    Network generator(int maxBatch);

    /**
     * {@return a new, uninitialised discriminator for batches of up to {@code maxBatch}}
     *
     * @param maxBatch the largest batch
     */
    Network discriminator(int maxBatch);

    /**
     * {@return the networks jgan-processor generated for a spec, by the spec's class name}
     *
     * @param specClass the spec's binary class name, e.g. {@code com.example.Ring} (a nested spec:
     *     {@code com.example.Outer$Ring}; {@code com.example.Outer.Ring} is found too)
     */
    static GanNetworks ofSpec(String specClass) {
        SpecNetworks networks = new SpecNetworks(specClass);
        networks.spec(); // an unknown class fails here, where the plan is made, not on a cluster
        return networks;
    }
}

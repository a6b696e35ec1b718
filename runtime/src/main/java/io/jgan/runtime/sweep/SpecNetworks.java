package io.jgan.runtime.sweep;

import io.jgan.runtime.Network;
import io.jgan.runtime.Networks;

/** A spec's generated networks, found by the spec's class name on the current class path. */
record SpecNetworks(String specClass) implements GanNetworks {

    @Override
    public Network generator(int maxBatch) {
        return Networks.generator(spec(), maxBatch);
    }

    @Override
    public Network discriminator(int maxBatch) {
        return Networks.discriminator(spec(), maxBatch);
    }

    /** The spec's class; a canonical name of a nested spec ({@code a.Outer.Inner}) is accepted too. */
    Class<?> spec() {
        return load(specClass);
    }

    /**
     * {@return the class named {@code name}, trying {@code $} for the last dots of a canonical name}
     *
     * @param name a binary or canonical class name
     */
    static Class<?> load(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = SpecNetworks.class.getClassLoader();
        }
        String candidate = name;
        while (true) {
            try {
                return Class.forName(candidate, false, loader);
            } catch (ClassNotFoundException e) {
                int dot = candidate.lastIndexOf('.');
                if (dot < 0) {
                    throw new IllegalArgumentException("spec class " + name + " is not on the class path: add the jar"
                            + " or classes directory that holds it and its generated networks");
                }
                candidate = candidate.substring(0, dot) + "$" + candidate.substring(dot + 1);
            }
        }
    }
}

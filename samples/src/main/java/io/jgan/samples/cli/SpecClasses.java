package io.jgan.samples.cli;

import io.jgan.runtime.Network;
import io.jgan.runtime.NetworkNotGeneratedException;
import io.jgan.runtime.Networks;
import java.util.function.IntFunction;

/** A user's spec, named on the command line, with its generated networks. */
public final class SpecClasses {
    private SpecClasses() {}

    /**
     * Loads a spec type by name from the class path.
     *
     * @param name e.g. {@code com.example.MySpec} (a nested spec as {@code com.example.Outer.Inner} or with {@code $})
     * @return the spec type
     * @throws CommandError if it is not on the class path
     */
    public static Class<?> load(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        String binary = name;
        while (true) {
            try {
                return Class.forName(binary, false, loader != null ? loader : SpecClasses.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                int dot = binary.lastIndexOf('.');
                if (dot < 0) {
                    break;
                }
                binary = binary.substring(0, dot) + "$" + binary.substring(dot + 1);
            }
        }
        throw CommandError.of("--spec " + name + ": no such class on the class path; put your compiled spec there"
                + " (with ./jgan: JGAN_CLASSPATH=my-project/target/classes ./jgan train ...) and give its full name");
    }

    /**
     * Makes one of a spec's networks, turning a missing generated class into one line.
     *
     * @param spec the spec type
     * @param generator the generator (else the discriminator)
     * @param maxBatch the largest batch
     * @return the network
     * @throws CommandError if the processor did not generate it
     */
    public static Network network(Class<?> spec, boolean generator, int maxBatch) {
        try {
            return generator ? Networks.generator(spec, maxBatch) : Networks.discriminator(spec, maxBatch);
        } catch (NetworkNotGeneratedException e) {
            throw CommandError.of(e.generatedClass() + " is not on the class path: jgan-processor did not run on "
                    + spec.getName() + " (list it in maven-compiler-plugin's annotationProcessorPaths) or its"
                    + " generated classes were not put on the class path", e);
        }
    }

    /**
     * {@return the spec's network constructors, each failure one line}
     *
     * @param spec the spec type
     * @param generator the generator (else the discriminator)
     */
    public static IntFunction<Network> factory(Class<?> spec, boolean generator) {
        return batch -> network(spec, generator, batch);
    }
}

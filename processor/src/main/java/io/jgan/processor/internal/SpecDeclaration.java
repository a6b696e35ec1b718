package io.jgan.processor.internal;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * A spec type as written: the first stage's output, plain values with the source kept only for
 * errors ({@link Site}). {@link SpecValidator} turns it into a {@link SpecModel}.
 *
 * @param qualifiedName e.g. {@code io.jgan.samples.even.EvenNumbers}
 * @param type the spec type, for {@code @link}s to it
 * @param packageName the package of the generated classes
 * @param classPrefix {@code EvenNumbers}, or {@code Outer_Inner} for a nested spec, so generated names stay unique
 * @param generators every {@code @Generator} in it (one, when the spec is right)
 * @param discriminators every {@code @Discriminator} in it
 * @param site the spec type: the originating element of the generated files
 */
public record SpecDeclaration(String qualifiedName, ClassName type, String packageName, String classPrefix,
        List<NetworkDeclaration> generators, List<NetworkDeclaration> discriminators, Site site) {
    /** Copies the lists. */
    public SpecDeclaration {
        generators = List.copyOf(generators);
        discriminators = List.copyOf(discriminators);
    }

    /** The spec's simple name. */
    public String simpleName() {
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }
}

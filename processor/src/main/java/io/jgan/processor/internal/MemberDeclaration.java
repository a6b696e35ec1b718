package io.jgan.processor.internal;

import java.util.List;

/**
 * One method of a generator or discriminator interface, as written.
 *
 * @param name the method's name, which names the layer
 * @param namesOnly whether it takes no parameters and returns void, as a layer method must
 * @param layers its annotations marked {@code @Layer}, in source order
 * @param noise its {@code @Noise}, or null
 * @param site the method, for errors
 */
public record MemberDeclaration(String name, boolean namesOnly, List<AnnotationDeclaration> layers,
        AnnotationDeclaration noise, Site site) {
    /** Copies the list. */
    public MemberDeclaration {
        layers = List.copyOf(layers);
    }
}

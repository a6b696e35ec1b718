package io.jgan.processor.internal;

import java.util.List;

/**
 * A {@code @Generator} or {@code @Discriminator} type, as written.
 *
 * @param name its simple name, e.g. {@code G}
 * @param isInterface whether it is an interface, as a network must be
 * @param annotation its {@code @Generator} or {@code @Discriminator}, values with defaults
 * @param members its methods, in source order
 * @param site the type, for errors
 * @param condition its {@code @Condition}, or null
 */
public record NetworkDeclaration(String name, boolean isInterface, AnnotationDeclaration annotation,
        List<MemberDeclaration> members, Site site, AnnotationDeclaration condition) {
    /** Copies the list. */
    public NetworkDeclaration {
        members = List.copyOf(members);
    }

    /** An unconditional network. */
    public NetworkDeclaration(String name, boolean isInterface, AnnotationDeclaration annotation,
            List<MemberDeclaration> members, Site site) {
        this(name, isInterface, annotation, members, site, null);
    }
}

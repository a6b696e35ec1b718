package io.jgan.processor.internal;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The first stage: reads a spec type's elements into a {@link SpecDeclaration} of plain values. It
 * judges nothing; every check is {@link SpecValidator}'s, so that it can be tested without javac.
 */
public final class SpecParser {
    static final String LAYER = "io.jgan.annotations.Layer";
    static final String NOISE = "io.jgan.annotations.Noise";
    static final String CONDITION = "io.jgan.annotations.Condition";

    private final Elements elements;

    /** A parser reading annotation values (defaults applied) through {@code elements}. */
    public SpecParser(Elements elements) {
        this.elements = elements;
    }

    /** The spec enclosing the given {@code @Generator} and {@code @Discriminator} types. */
    public SpecDeclaration parse(TypeElement spec, List<TypeElement> generators, List<TypeElement> discriminators,
            String generatorAnnotation, String discriminatorAnnotation) {
        List<String> names = new ArrayList<>();
        for (Element e = spec; e instanceof TypeElement t; e = t.getEnclosingElement()) {
            names.add(0, t.getSimpleName().toString());
        }
        return new SpecDeclaration(spec.getQualifiedName().toString(), ClassName.get(spec),
                elements.getPackageOf(spec).getQualifiedName().toString(), String.join("_", names),
                networks(generators, generatorAnnotation), networks(discriminators, discriminatorAnnotation),
                Site.of(spec));
    }

    private List<NetworkDeclaration> networks(List<TypeElement> types, String annotation) {
        List<NetworkDeclaration> networks = new ArrayList<>();
        for (TypeElement type : types) {
            List<MemberDeclaration> members = new ArrayList<>();
            for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
                members.add(member(method));
            }
            AnnotationMirror condition = find(type, CONDITION);
            networks.add(new NetworkDeclaration(type.getSimpleName().toString(), type.getKind() == ElementKind.INTERFACE,
                    annotation(type, find(type, annotation)), members, Site.of(type),
                    condition == null ? null : annotation(type, condition)));
        }
        return networks;
    }

    private MemberDeclaration member(ExecutableElement method) {
        List<AnnotationDeclaration> layers = new ArrayList<>();
        AnnotationDeclaration noise = null;
        for (AnnotationMirror a : method.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) a.getAnnotationType().asElement();
            if (type.getQualifiedName().contentEquals(NOISE)) {
                noise = annotation(method, a);
            } else if (find(type, LAYER) != null) {
                layers.add(annotation(method, a));
            }
        }
        boolean namesOnly = method.getParameters().isEmpty() && method.getReturnType().getKind() == TypeKind.VOID;
        return new MemberDeclaration(method.getSimpleName().toString(), namesOnly, layers, noise, Site.of(method));
    }

    private AnnotationDeclaration annotation(Element element, AnnotationMirror a) {
        TypeElement type = (TypeElement) a.getAnnotationType().asElement();
        Map<String, Object> values = new HashMap<>();
        elements.getElementValuesWithDefaults(a).forEach((k, v) -> {
            Object value = v.getValue();
            values.put(k.getSimpleName().toString(),
                    value instanceof VariableElement constant ? constant.getSimpleName().toString() : value);
        });
        return new AnnotationDeclaration(type.getQualifiedName().toString(), type.getSimpleName().toString(), values,
                Site.of(element, a));
    }

    /** The annotation of the given type on an element, or null. */
    static AnnotationMirror find(Element element, String type) {
        for (AnnotationMirror a : element.getAnnotationMirrors()) {
            if (((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().contentEquals(type)) {
                return a;
            }
        }
        return null;
    }
}

package io.jgan.processor.internal;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.processor.testing.Specs;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/** The parsing stage: what javac's elements become, as plain values, before anything is judged. */
class SpecParserTest {
    private static final String GENERATOR = "io.jgan.annotations.Generator";
    private static final String DISCRIMINATOR = "io.jgan.annotations.Discriminator";

    /** Parses {@code test.Outer.Spec} and keeps the declaration. */
    private static final class Parsing extends AbstractProcessor {
        final List<SpecDeclaration> parsed = new ArrayList<>();

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of(GENERATOR, DISCRIMINATOR);
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            TypeElement spec = processingEnv.getElementUtils().getTypeElement("test.Outer.Spec");
            if (spec == null || !parsed.isEmpty()) {
                return false;
            }
            List<TypeElement> generators = new ArrayList<>();
            List<TypeElement> discriminators = new ArrayList<>();
            for (Element e : spec.getEnclosedElements()) {
                if (SpecParser.find(e, GENERATOR) != null) {
                    generators.add((TypeElement) e);
                } else if (SpecParser.find(e, DISCRIMINATOR) != null) {
                    discriminators.add((TypeElement) e);
                }
            }
            parsed.add(new SpecParser(processingEnv.getElementUtils()).parse(spec, generators, discriminators,
                    GENERATOR, DISCRIMINATOR));
            return false;
        }
    }

    @Test
    void membersAndAnnotationValuesWithDefaults() {
        Parsing parsing = new Parsing();
        assertThat(javac().withProcessors(parsing).compile(Specs.source("test.Outer", """
                package test;
                import io.jgan.annotations.*;
                public interface Outer {
                    interface Spec {
                        @Generator
                        interface G {
                            @Noise(size = 2, distribution = Noise.Distribution.UNIFORM)
                            void noise();
                            @Dense(units = 3)
                            void out();
                        }
                        @Discriminator(channels = 1, height = 1, width = 3)
                        interface D {
                            @Dense(units = 1, bias = false)
                            int out(int x);
                        }
                    }
                }
                """))).succeeded();

        SpecDeclaration spec = parsing.parsed.get(0);
        assertEquals("test.Outer.Spec", spec.qualifiedName());
        assertEquals("Outer_Spec", spec.classPrefix());
        assertEquals("test", spec.packageName());

        NetworkDeclaration g = spec.generators().get(0);
        assertEquals(List.of("noise", "out"), g.members().stream().map(MemberDeclaration::name).toList());
        AnnotationDeclaration noise = g.members().get(0).noise();
        assertEquals("UNIFORM", noise.values().get("distribution"));
        assertTrue(Float.isNaN((Float) noise.values().get("a")), "a's default is NaN");
        AnnotationDeclaration dense = g.members().get(1).layers().get(0);
        assertEquals("io.jgan.annotations.Dense", dense.type());
        assertEquals(true, dense.values().get("bias"));
        assertEquals(Set.of("units"), dense.site().written().keySet(), "only what is written is kept for carets");
        assertNull(g.members().get(1).noise());

        NetworkDeclaration d = spec.discriminators().get(0);
        assertEquals(0, d.annotation().intValue("inputSize"));
        assertEquals(3, d.annotation().intValue("width"));
        assertFalse(d.members().get(0).namesOnly(), "a layer method takes nothing and returns void");
        assertEquals(false, d.members().get(0).layers().get(0).values().get("bias"));
    }
}

package io.jgan.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import io.jgan.processor.testing.Specs;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The even-numbers sample specs, read from the samples module's own sources, compile cleanly under
 * {@code -Xlint:all -Werror} and generate the same sources every time, in any order. (The generated
 * sources of every sample spec are compared with goldens in the samples module's
 * {@code GeneratedSourcesTest}, where the samples' own layers are on the processor path.)
 */
class SampleSpecsTest {
    private static final String PACKAGE = "io.jgan.samples.even";
    private static final List<String> SPECS = List.of("EvenNumbers", "EvenNumbersDiverse");

    private static JavaFileObject[] sampleSpecs() {
        return SPECS.stream()
                .map(spec -> Specs.sample(PACKAGE.replace('.', '/') + "/" + spec + ".java"))
                .toArray(JavaFileObject[]::new);
    }

    /**
     * {@code -Xlint:all -Werror}, minus one lint: {@code -Xlint:processing} warns that "no processor
     * claimed" an annotation whenever a processor returns false, as jgan's does on purpose (claiming is
     * discouraged: Error Prone's DoNotClaimAnnotations, google/auto#112), and about every other
     * unclaimed annotation too, {@code @Generated} included. {@link #theOnlyXlintAllWarningIsUnclaimedAnnotations}
     * checks that it is the only warning.
     */
    @Test
    void compileWithoutWarningsUnderXlintAllAndWerror() {
        Compilation compilation = javac()
                .withProcessors(new JganProcessor())
                .withOptions("-Xlint:all", "-Xlint:-processing", "-Werror")
                .compile(sampleSpecs());

        assertThat(compilation).succeededWithoutWarnings();
        assertEquals(4, compilation.generatedSourceFiles().size(), () -> Specs.generatedSources(compilation).keySet().toString());
    }

    @Test
    void theOnlyXlintAllWarningIsUnclaimedAnnotations() {
        Compilation compilation = javac()
                .withProcessors(new JganProcessor())
                .withOptions("-Xlint:all")
                .compile(sampleSpecs());

        assertThat(compilation).succeeded();
        List<String> others = compilation.warnings().stream()
                .map(w -> w.getMessage(Locale.ROOT))
                .filter(m -> !m.startsWith("No processor claimed any of these annotations"))
                .toList();
        assertEquals(List.of(), others);
    }

    @Test
    void generationIsDeterministic() {
        Map<String, String> first = Specs.generatedSources(Specs.compile(sampleSpecs()));
        Map<String, String> second = Specs.generatedSources(Specs.compile(sampleSpecs()));
        JavaFileObject[] reversed = sampleSpecs();
        Collections.reverse(Arrays.asList(reversed));
        Map<String, String> reversedOrder = Specs.generatedSources(Specs.compile(reversed));

        assertEquals(4, first.size(), first.keySet()::toString);
        assertEquals(first, second, "two compiles of the same specs generated different sources");
        assertEquals(first, reversedOrder, "the order of the spec files changed the generated sources");
    }
}

package io.jgan.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.testing.compile.Compilation;
import io.jgan.processor.testing.Specs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sample specs (copies of {@code samples/.../even/EvenNumbers*.java} under
 * {@code src/test/resources/specs}) compile cleanly, generate exactly the golden sources, and
 * generate them the same way every time.
 *
 * <p>Goldens live under {@code src/test/resources/goldens/}, one file per generated class, and are
 * compared as exact text so that any change to the generator shows up as a readable diff. After an
 * intended change, regenerate them and review the diff:
 *
 * <pre>
 * mvn -B -pl processor test -Dtest=SampleSpecsTest -Djgan.updateGoldens=true
 * </pre>
 *
 * <p>The spec copies are not kept in sync automatically: after a sample spec changes, copy it into
 * {@code src/test/resources/specs/...} and regenerate.
 */
class SampleSpecsTest {
    private static final String PACKAGE = "io.jgan.samples.even";
    private static final List<String> SPECS = List.of("EvenNumbers", "EvenNumbersDiverse");

    private static JavaFileObject[] sampleSpecs() {
        return SPECS.stream()
                .map(spec -> Specs.resource("specs/" + PACKAGE.replace('.', '/') + "/" + spec + ".java"))
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

    @ParameterizedTest
    @ValueSource(strings = {"EvenNumbers_Generator", "EvenNumbers_Discriminator", "EvenNumbersDiverse_Generator",
            "EvenNumbersDiverse_Discriminator"})
    void generatedSourceMatchesGolden(String generatedClass) throws IOException {
        Compilation compilation = Specs.compile(sampleSpecs());
        assertThat(compilation).succeededWithoutWarnings();
        String actual = Specs.generatedSource(compilation, PACKAGE + "." + generatedClass);
        String golden = "goldens/" + PACKAGE.replace('.', '/') + "/" + generatedClass + ".java";

        if (Boolean.getBoolean("jgan.updateGoldens")) {
            // Surefire runs in the module directory and sets basedir to it.
            Path file = Path.of(System.getProperty("basedir", "."), "src/test/resources", golden);
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = SampleSpecsTest.class.getClassLoader().getResourceAsStream(golden)) {
            assertNotNull(in, golden + " is missing; create it with -Djgan.updateGoldens=true");
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual,
                    generatedClass + " differs from " + golden + "; if the change is intended, regenerate the goldens"
                            + " with -Djgan.updateGoldens=true and review the diff");
        }
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

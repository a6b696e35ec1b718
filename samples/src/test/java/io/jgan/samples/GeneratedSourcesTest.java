package io.jgan.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The classes the processor generated from the samples' own specs, in this build, are exactly the
 * golden sources under {@code src/test/resources/goldens/}, compared as text so that any change to
 * the generator shows up as a readable diff. Between them they take every path of the writer: the
 * unrolled dense code and dropout (even), the feature-major layout and a layer that changes the
 * batch (the Gaussian specs' generators and their {@code @Moments} discriminators), and the runtime
 * dense kernel (the image GANs).
 *
 * <p>After an intended change, regenerate them and review the diff:
 *
 * <pre>
 * mvn -B -pl samples -am test -Dtest=GeneratedSourcesTest -Dsurefire.failIfNoSpecifiedTests=false -Djgan.updateGoldens=true
 * </pre>
 */
class GeneratedSourcesTest {
    /** Where maven-compiler-plugin puts what annotation processors generate. */
    private static final Path GENERATED = Path.of(System.getProperty("basedir", "."),
            "target/generated-sources/annotations");

    @ParameterizedTest
    @ValueSource(strings = {
            "even/EvenNumbers_Generator", "even/EvenNumbers_Discriminator",
            "even/EvenNumbersDiverse_Generator", "even/EvenNumbersDiverse_Discriminator",
            "gaussian/GaussianSeed_Generator", "gaussian/GaussianSeed_Discriminator",
            "gaussian/GaussianStable_Generator", "gaussian/GaussianStable_Discriminator",
            "images/VanillaGan_Generator", "images/VanillaGan_Discriminator",
            "images/Dcgan_Generator", "images/Dcgan_Discriminator",
            "images/ConditionalGan_Generator", "images/ConditionalGan_Discriminator",
            "images/ConditionalDcgan_Generator", "images/ConditionalDcgan_Discriminator"})
    void generatedSourceMatchesGolden(String generatedClass) throws IOException {
        String path = "io/jgan/samples/" + generatedClass + ".java";
        Path generated = GENERATED.resolve(path);
        assertTrue(Files.isRegularFile(generated), generated + " was not generated");
        String actual = Files.readString(generated, StandardCharsets.UTF_8);
        String golden = "goldens/" + path;

        if (Boolean.getBoolean("jgan.updateGoldens")) {
            Path file = Path.of(System.getProperty("basedir", "."), "src/test/resources", golden);
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = GeneratedSourcesTest.class.getClassLoader().getResourceAsStream(golden)) {
            assertNotNull(in, golden + " is missing; create it with -Djgan.updateGoldens=true");
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual,
                    generatedClass + " differs from " + golden + "; if the change is intended, regenerate the goldens"
                            + " with -Djgan.updateGoldens=true and review the diff");
        }
    }
}

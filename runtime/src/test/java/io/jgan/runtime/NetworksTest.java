package io.jgan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NetworksTest {

    /** A spec compiled without the processor: nothing was generated for it. */
    interface Unprocessed {}

    @Test
    void buildsTheGeneratedClass() {
        Network g = Networks.generator(HandWrittenSpec.class, 5);
        assertInstanceOf(HandWrittenSpec_Generator.class, g);
        assertEquals(5, g.maxBatch());
    }

    @Test
    void nestedSpecsUseTheEnclosingNames() {
        assertEquals("io.jgan.runtime.NetworksTest_Unprocessed_Generator",
                Networks.generatedName(Unprocessed.class, "_Generator"));
        assertEquals("io.jgan.runtime.HandWrittenSpec_Discriminator",
                Networks.generatedName(HandWrittenSpec.class, "_Discriminator"));
    }

    @Test
    void aMissingClassExplainsTheProcessorPath() {
        NetworkNotGeneratedException e = assertThrows(NetworkNotGeneratedException.class,
                () -> Networks.discriminator(Unprocessed.class, 8));
        String m = e.getMessage();
        assertTrue(m.startsWith("io.jgan.runtime.NetworksTest_Unprocessed_Discriminator not found: jgan-processor"
                + " generates this discriminator class when javac compiles the spec io.jgan.runtime.NetworksTest$Unprocessed"), m);
        assertTrue(m.contains("<annotationProcessorPaths>"), m);
        assertTrue(m.contains("<artifactId>jgan-processor</artifactId>"), m);
        assertTrue(m.contains("JDK 23 and later ignore annotation processors found only on the class path"), m);
        assertInstanceOf(ClassNotFoundException.class, e.getCause());
        assertEquals("io.jgan.runtime.NetworksTest$Unprocessed", e.spec());
        assertEquals("io.jgan.runtime.NetworksTest_Unprocessed_Discriminator", e.generatedClass());
        assertTrue(assertThrows(NetworkNotGeneratedException.class, () -> Networks.generator(Unprocessed.class, 8))
                .getMessage().contains("generates this generator class"));
    }

    @Test
    void constructorProblemsPassThrough() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Networks.generator(HandWrittenSpec.class, 0));
        assertTrue(e.getMessage().contains("maxBatch must be at least 1"), e.getMessage());
    }

    @Test
    void aClassThatIsNotANetworkIsReported() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Networks.generator(Clash.class, 1));
        assertTrue(e.getMessage().contains("is not a jgan network"), e.getMessage());
    }

    @Test
    void arraysAreNotSpecs() {
        assertThrows(IllegalArgumentException.class, () -> Networks.generator(int[].class, 1));
    }
}

/** A spec whose generated name is taken by a class of the user's. */
interface Clash {}

/** Not a network. */
final class Clash_Generator {}

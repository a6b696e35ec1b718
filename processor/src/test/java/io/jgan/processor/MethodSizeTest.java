package io.jgan.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.jgan.processor.testing.ClassFile;
import io.jgan.processor.testing.Specs;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * HotSpot never JIT-compiles a method over 8000 bytes of bytecode ({@code DontCompileHugeMethods}):
 * it would run interpreted, 10-100x slower. Every method of every generated class, read from the
 * class files javac wrote, must stay under it. (The unroll boundary of {@code @Dense} is tested in
 * {@code DenseUnrollBoundaryTest}.)
 */
class MethodSizeTest {

    /** An MNIST-sized GAN: the layers a real user would declare. */
    private static final String MNIST_SIZED = """
            package test;
            import io.jgan.annotations.*;
            public interface Mnist {
                @Generator
                interface G {
                    @Noise(size = 100)
                    void noise();
                    @Dense(units = 256)
                    void hidden1();
                    @ReLU
                    void activation1();
                    @Dense(units = 512)
                    void hidden2();
                    @Tanh
                    void activation2();
                    @Dense(units = 1024)
                    void hidden3();
                    @LeakyReLU(slope = 0.2f)
                    void activation3();
                    @Dense(units = 784)
                    void image();
                    @Tanh
                    void imageActivation();
                }
                @Discriminator(inputSize = 784)
                interface D {
                    @Dense(units = 1024)
                    void hidden1();
                    @LeakyReLU(slope = 0.2f)
                    void activation1();
                    @Dropout(p = 0.3f)
                    void dropout1();
                    @Dense(units = 512)
                    void hidden2();
                    @LeakyReLU(slope = 0.2f)
                    void activation2();
                    @Dropout(p = 0.3f)
                    void dropout2();
                    @Dense(units = 256)
                    void hidden3();
                    @LeakyReLU(slope = 0.2f)
                    void activation3();
                    @Dropout(p = 0.3f)
                    void dropout3();
                    @Dense(units = 1)
                    void out();
                    @Sigmoid
                    void probability();
                }
            }
            """;

    @Test
    void largeLayersStayUnderTheLimit() {
        Compilation compilation = Specs.compile(Specs.source("test.Mnist", MNIST_SIZED));
        assertThat(compilation).succeededWithoutWarnings();

        Specs.assertNoHugeMethods(compilation);
        // Guard against vacuous success: the networks are there and were read.
        ClassFile discriminator = Specs.classFiles(compilation).stream()
                .filter(c -> c.name().equals("test.Mnist_Discriminator")).findFirst().orElseThrow();
        assertTrue(discriminator.method("hidden1Forward").codeLength() > 0);
    }

    @Test
    void sampleSpecsStayUnderTheLimit() {
        Compilation compilation = Specs.compile(
                Specs.sample("io/jgan/samples/even/EvenNumbers.java"),
                Specs.sample("io/jgan/samples/even/EvenNumbersDiverse.java"));
        assertThat(compilation).succeededWithoutWarnings();

        Specs.assertNoHugeMethods(compilation);
        assertEquals(10, Specs.classFiles(compilation).size(), "2 specs, their 4 nested interfaces, 4 networks");
    }

    /** The reader behind these tests measures what javac wrote, exactly. */
    @Test
    void classFileReaderMeasuresBytecode() {
        Compilation compilation = javac().compile(Specs.source("test.Small", """
                package test;
                class Small {
                    static final long BIG = 1L << 40;
                    static final double HALF = 0.5;
                    int one() {
                        return 1;
                    }
                    abstract static class Shape {
                        abstract double area();
                    }
                }
                """));
        assertThat(compilation).succeeded();
        List<ClassFile> classes = Specs.classFiles(compilation);
        ClassFile small = classes.stream().filter(c -> c.name().equals("test.Small")).findFirst().orElseThrow();
        ClassFile shape = classes.stream().filter(c -> c.name().equals("test.Small$Shape")).findFirst().orElseThrow();

        assertEquals(2, small.method("one").codeLength(), "iconst_1; ireturn");
        assertEquals("()I", small.method("one").descriptor());
        assertEquals(0, shape.method("area").codeLength(), "abstract: no Code attribute");
    }

    /** The check fails, naming the method, on a method HotSpot would refuse to compile. */
    @Test
    void aHugeMethodIsReportedByName() {
        StringBuilder body = new StringBuilder();
        for (int k = 0; k < 1000; k++) {
            body.append("        a[").append(k).append("] += b[").append(k).append("];\n");
        }
        Compilation compilation = javac().compile(Specs.source("test.Huge", "package test;\nclass Huge {\n"
                + "    void add(float[] a, float[] b) {\n" + body + "    }\n}\n"));
        assertThat(compilation).succeeded();

        AssertionError error = assertThrows(AssertionError.class, () -> Specs.assertNoHugeMethods(compilation));
        assertTrue(error.getMessage().contains("test.Huge.add([F[F)V is "), error::getMessage);
    }
}

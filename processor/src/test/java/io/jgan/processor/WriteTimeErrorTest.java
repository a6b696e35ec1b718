package io.jgan.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import com.palantir.javapoet.CodeBlock;
import io.jgan.processor.internal.Report;
import io.jgan.processor.internal.Site;
import io.jgan.processor.spi.LayerCode;
import io.jgan.processor.spi.LayerEmitter;
import io.jgan.processor.testing.RecordingProcessor;
import io.jgan.processor.testing.Specs;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import javax.annotation.processing.Messager;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * No problem is lost: an emitter that reports an error while its code is written (after validation)
 * gets a javac error on its layer's line, and nothing of the spec is generated; a report that was
 * printed accepts no more problems.
 */
class WriteTimeErrorTest {
    private static final String SPEC = """
            package test;

            import io.jgan.annotations.*;
            import java.lang.annotation.*;

            public interface Late {
                @Layer
                @Retention(RetentionPolicy.CLASS)
                @Target(ElementType.METHOD)
                @interface Picky {}

                @Generator
                interface G {
                    @Noise(size = 1) void noise();
                    @Dense(units = 3) void out();
                }

                @Discriminator(inputSize = 3)
                interface D {
                    @Picky void picky();
                    @Dense(units = 1) void out();
                }
            }
            """;

    /** Finds its problem only while writing the forward pass. */
    static final class PickyEmitter extends LayerEmitter {
        @Override
        public String annotationType() {
            return "test.Late.Picky";
        }

        @Override
        public CodeBlock forward(LayerCode code) {
            code.layer().error("[test.picky] cannot write " + code.layer().name() + " after all");
            return CodeBlock.of("");
        }

        @Override
        public CodeBlock backward(LayerCode code) {
            return CodeBlock.of("");
        }
    }

    @Test
    void anErrorWhileWritingStopsTheSpecAndIsPrinted() {
        List<LayerEmitter> emitters = new ArrayList<>();
        ServiceLoader.load(LayerEmitter.class, JganProcessor.class.getClassLoader()).forEach(emitters::add);
        emitters.add(new PickyEmitter());
        JavaFileObject source = Specs.source("test.Late", SPEC);
        RecordingProcessor processor = new RecordingProcessor(new JganProcessor(emitters));
        Compilation compilation = javac().withProcessors(processor).compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[test.picky] cannot write picky after all").inFile(source)
                .onLine(Specs.lineOf(SPEC, "@Picky void picky()"));
        assertEquals(List.of(), processor.created());
    }

    @Test
    void aPrintedReportAcceptsNoMoreProblems() {
        Report report = new Report();
        report.error("[x] first", Site.NONE);
        List<String> printed = new ArrayList<>();
        report.print((Messager) java.lang.reflect.Proxy.newProxyInstance(Messager.class.getClassLoader(),
                new Class<?>[] {Messager.class}, (proxy, method, args) -> {
                    printed.add(String.valueOf(args[1]));
                    return null;
                }));
        assertEquals(List.of("[x] first"), printed);
        IllegalStateException late = assertThrows(IllegalStateException.class, () -> report.error("[x] late", Site.NONE));
        assertEquals("problem reported after the spec's report was printed: [x] late", late.getMessage());
    }
}

package io.jgan.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import io.jgan.processor.internal.Emitters;
import io.jgan.processor.internal.Message;
import io.jgan.processor.internal.NetworkModel;
import io.jgan.processor.internal.NetworkWriter;
import io.jgan.processor.internal.Report;
import io.jgan.processor.internal.Site;
import io.jgan.processor.internal.SpecDeclaration;
import io.jgan.processor.internal.SpecModel;
import io.jgan.processor.internal.SpecParser;
import io.jgan.processor.internal.SpecValidator;
import io.jgan.processor.spi.LayerEmitter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * jgan's annotation processor: for every spec type (the type enclosing a {@code @Generator} and a
 * {@code @Discriminator} interface) it validates the layers and writes {@code <Spec>_Generator} and
 * {@code <Spec>_Discriminator}, network classes specialised to the spec.
 *
 * <p>Stages, each with its own type: {@link SpecParser} (elements to a {@link SpecDeclaration} of
 * plain values), {@link SpecValidator} (declaration to an immutable {@link SpecModel}, every
 * problem gathered in one {@link Report} per spec), then {@link NetworkWriter} (model to JavaPoet).
 * Layer code comes from {@link LayerEmitter}s found with {@link java.util.ServiceLoader} on the
 * processor path.
 */
@AutoService(Processor.class)
public final class JganProcessor extends AbstractProcessor {
    private static final String GENERATOR = "io.jgan.annotations.Generator";
    private static final String DISCRIMINATOR = "io.jgan.annotations.Discriminator";

    private final List<LayerEmitter> explicitEmitters;
    private Emitters emitters;

    /** The processor javac loads: emitters come from the processor path. */
    public JganProcessor() {
        this.explicitEmitters = null;
    }

    /**
     * A processor with exactly these emitters (tests).
     *
     * @param emitters the only emitters to use; the processor path is not searched
     */
    public JganProcessor(List<LayerEmitter> emitters) {
        this.explicitEmitters = List.copyOf(emitters);
    }

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
        try {
            processSpecs(round);
        } catch (RuntimeException | Error e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Message.INTERNAL.format(trace));
        }
        return false;
    }

    private void processSpecs(RoundEnvironment round) {
        if (emitters == null) {
            emitters = explicitEmitters != null ? Emitters.of(explicitEmitters)
                    : Emitters.fromProcessorPath(JganProcessor.class.getClassLoader());
        }
        // Group the networks by the spec type that encloses them, in source order.
        Map<TypeElement, List<List<TypeElement>>> specs = new LinkedHashMap<>();
        Report misplaced = new Report();
        for (String annotation : List.of(GENERATOR, DISCRIMINATOR)) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(annotation);
            if (type == null) {
                continue;
            }
            for (Element element : round.getElementsAnnotatedWith(type)) {
                if (!(element.getEnclosingElement() instanceof TypeElement spec)) {
                    misplaced.error(Message.NOT_NESTED.format(type.getSimpleName()), Site.of(element));
                    continue;
                }
                List<List<TypeElement>> networks = specs.computeIfAbsent(spec,
                        s -> List.of(new ArrayList<>(), new ArrayList<>()));
                networks.get(annotation.equals(GENERATOR) ? 0 : 1).add((TypeElement) element);
            }
        }
        misplaced.print(processingEnv.getMessager());
        for (var entry : specs.entrySet()) {
            generate(entry.getKey(), entry.getValue().get(0), entry.getValue().get(1));
        }
    }

    /**
     * One spec: parse, validate, write. Emitters may still report problems while their code is
     * written, so the report is printed (and closed) only after both classes are built, and the
     * files are written out only when it is empty.
     */
    private void generate(TypeElement spec, List<TypeElement> generators, List<TypeElement> discriminators) {
        Report report = new Report();
        SpecDeclaration declaration = new SpecParser(processingEnv.getElementUtils())
                .parse(spec, generators, discriminators, GENERATOR, DISCRIMINATOR);
        Optional<SpecModel> model = new SpecValidator(emitters, report).validate(declaration);
        List<JavaFile> files = new ArrayList<>();
        if (model.isPresent()) {
            for (NetworkModel network : List.of(model.get().generator(), model.get().discriminator())) {
                files.add(NetworkWriter.write(network));
            }
        }
        report.print(processingEnv.getMessager());
        if (report.hasErrors()) {
            return;
        }
        for (JavaFile file : files) {
            try {
                file.writeTo(processingEnv.getFiler());
            } catch (IOException e) {
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                        Message.COULD_NOT_WRITE.format(file.packageName() + "." + file.typeSpec().name(), e.getMessage()),
                        spec);
            }
        }
    }
}

package io.jgan.processor.testing;

import io.jgan.processor.JganProcessor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * A {@link JganProcessor} with a Filer that records the source files it creates: a failed
 * compilation hides its generated files from compile-testing, but not from the Filer.
 */
public final class RecordingProcessor extends AbstractProcessor {
    private final JganProcessor processor;
    private final List<String> created = new ArrayList<>();

    /** Records what {@code processor} creates. */
    public RecordingProcessor(JganProcessor processor) {
        this.processor = processor;
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        Filer filer = (Filer) Proxy.newProxyInstance(Filer.class.getClassLoader(), new Class<?>[] {Filer.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("createSourceFile")) {
                        created.add(args[0].toString());
                    }
                    return invoke(method, env.getFiler(), args);
                });
        processor.init((ProcessingEnvironment) Proxy.newProxyInstance(ProcessingEnvironment.class.getClassLoader(),
                new Class<?>[] {ProcessingEnvironment.class},
                (proxy, method, args) -> method.getName().equals("getFiler") ? filer : invoke(method, env, args)));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return processor.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return processor.getSupportedSourceVersion();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        return processor.process(annotations, round);
    }

    /** {@return the qualified names of the source files created so far} */
    public List<String> created() {
        return created;
    }
}

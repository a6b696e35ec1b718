package io.jgan.processor.testing;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import io.jgan.runtime.Network;
import io.jgan.runtime.Rng;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * A spec compiled in memory and its generated networks, ready to run: the class files are loaded by
 * a class loader whose parent is the test's, so {@code io.jgan.runtime} is shared and a generated
 * network is a real {@link Network}.
 */
public final class CompiledSpec {
    private final Compilation compilation;
    private final String spec;
    private final ClassLoader loader;

    private CompiledSpec(Compilation compilation, String spec) {
        this.compilation = compilation;
        this.spec = spec;
        this.loader = new InMemoryClassLoader(compilation, CompiledSpec.class.getClassLoader());
    }

    /** Compiles one spec source (asserting that it compiles cleanly) and loads what came out. */
    public static CompiledSpec compile(String qualifiedName, String text) {
        return of(Specs.compile(Specs.source(qualifiedName, text)), qualifiedName);
    }

    /** Wraps a compilation of the spec {@code qualifiedName}, which must have succeeded without warnings. */
    public static CompiledSpec of(Compilation compilation, String qualifiedName) {
        assertThat(compilation).succeededWithoutWarnings();
        return new CompiledSpec(compilation, qualifiedName);
    }

    /** The compilation, for its generated files. */
    public Compilation compilation() {
        return compilation;
    }

    /** A new {@code <Spec>_Generator}, initialised from {@code seed}. */
    public Network generator(int maxBatch, long seed) {
        return network("_Generator", maxBatch, seed);
    }

    /** A new {@code <Spec>_Discriminator}, initialised from {@code seed}. */
    public Network discriminator(int maxBatch, long seed) {
        return network("_Discriminator", maxBatch, seed);
    }

    private Network network(String suffix, int maxBatch, long seed) {
        try {
            Class<?> type = Class.forName(spec + suffix, true, loader);
            Network network = (Network) type.getConstructor(int.class).newInstance(maxBatch);
            network.initialize(new Rng(seed));
            return network;
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new AssertionError("cannot instantiate " + spec + suffix, e);
        } catch (InvocationTargetException e) {
            throw new AssertionError(spec + suffix + "(" + maxBatch + ") threw", e.getCause());
        }
    }

    /** Defines the classes a compilation wrote; asks the parent first, so runtime classes are the test's. */
    private static final class InMemoryClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes = new HashMap<>();

        InMemoryClassLoader(Compilation compilation, ClassLoader parent) {
            super(parent);
            for (byte[] bytes : Specs.classBytes(compilation)) {
                classes.put(ClassFile.parse(bytes).name(), bytes);
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }

    @Override
    public String toString() {
        return spec + " (" + compilation.generatedFiles().stream().filter(f -> f.getKind() == JavaFileObject.Kind.CLASS)
                .count() + " classes)";
    }
}

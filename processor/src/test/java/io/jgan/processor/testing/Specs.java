package io.jgan.processor.testing;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.jgan.processor.JganProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;

/** Compiling specs in memory with jgan's processor, and reading what came out. */
public final class Specs {
    private Specs() {}

    /** Compiles the sources with a fresh {@link JganProcessor} (emitters from the processor path). */
    public static Compilation compile(JavaFileObject... sources) {
        return javac().withProcessors(new JganProcessor()).compile(sources);
    }

    /** A source file from its text; {@code qualifiedName} names its top-level type. */
    public static JavaFileObject source(String qualifiedName, String text) {
        return JavaFileObjects.forSourceString(qualifiedName, text);
    }

    /**
     * A spec of the samples module, read from its own source (not a copy that could drift), e.g.
     * {@code io/jgan/samples/even/EvenNumbers.java}.
     */
    public static JavaFileObject sample(String path) {
        java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("basedir", "."), "../samples/src/main/java",
                path);
        try {
            String name = path.substring(0, path.length() - ".java".length()).replace('/', '.');
            return source(name, java.nio.file.Files.readString(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the sample spec " + file, e);
        }
    }

    /**
     * The 1-based line of the only line of {@code text} containing {@code marker}: diagnostics tests
     * name the offending line by its content rather than by a number that drifts when the source is edited.
     */
    public static int lineOf(String text, String marker) {
        String[] lines = text.split("\n", -1);
        int found = -1;
        for (int k = 0; k < lines.length; k++) {
            if (lines[k].contains(marker)) {
                if (found >= 0) {
                    throw new IllegalArgumentException("'" + marker + "' is on lines " + (found + 1) + " and " + (k + 1));
                }
                found = k;
            }
        }
        if (found < 0) {
            throw new IllegalArgumentException("'" + marker + "' is not in the source");
        }
        return found + 1;
    }

    /** Every generated source file's text, by path, sorted. */
    public static Map<String, String> generatedSources(Compilation compilation) {
        Map<String, String> sources = new TreeMap<>();
        for (JavaFileObject file : compilation.generatedSourceFiles()) {
            try {
                sources.put(file.toUri().getPath(), file.getCharContent(true).toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }

    /** The text of one generated source, e.g. {@code io.jgan.samples.even.EvenNumbers_Generator}. */
    public static String generatedSource(Compilation compilation, String qualifiedName) {
        JavaFileObject file = compilation.generatedSourceFile(qualifiedName)
                .orElseThrow(() -> new AssertionError("no generated source " + qualifiedName + " among "
                        + generatedSources(compilation).keySet()));
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text of one method of a generated source, from its signature line to its closing brace
     * (JavaPoet indents members by four spaces, so that brace is the first line that is exactly
     * {@code "    }"}).
     */
    public static String methodSource(String source, String signature) {
        int start = source.indexOf("\n    " + signature);
        if (start < 0) {
            throw new AssertionError("no method '" + signature + "' in the generated source");
        }
        int end = source.indexOf("\n    }\n", start);
        return source.substring(start + 1, end + 7);
    }

    /**
     * Asserts that no method the compilation wrote is longer than HotSpot's 8000-byte JIT limit;
     * the failure names every such method with its size.
     */
    public static void assertNoHugeMethods(Compilation compilation) {
        List<String> huge = new ArrayList<>();
        for (ClassFile c : classFiles(compilation)) {
            for (ClassFile.Method m : c.hugeMethods()) {
                huge.add(c.name() + "." + m.name() + m.descriptor() + " is " + m.codeLength() + " bytes");
            }
        }
        if (!huge.isEmpty()) {
            throw new AssertionError("methods over HotSpot's " + ClassFile.HUGE_METHOD_LIMIT
                    + "-byte limit (DontCompileHugeMethods), which would never be JIT-compiled: " + huge);
        }
    }

    /** The longest method the compilation wrote, as {@code Class.method(desc): n bytes}, for reports. */
    public static String longestMethod(Compilation compilation) {
        String longest = "none";
        int length = -1;
        for (ClassFile c : classFiles(compilation)) {
            for (ClassFile.Method m : c.methods()) {
                if (m.codeLength() > length) {
                    length = m.codeLength();
                    longest = c.name() + "." + m.name() + m.descriptor() + ": " + length + " bytes";
                }
            }
        }
        return longest;
    }

    /** Every class file the compilation wrote (the specs' and the generated networks'), parsed. */
    public static List<ClassFile> classFiles(Compilation compilation) {
        List<ClassFile> classes = new ArrayList<>();
        for (byte[] bytes : classBytes(compilation)) {
            classes.add(ClassFile.parse(bytes));
        }
        return classes;
    }

    static List<byte[]> classBytes(Compilation compilation) {
        List<byte[]> classes = new ArrayList<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() == JavaFileObject.Kind.CLASS) {
                try (InputStream in = file.openInputStream()) {
                    classes.add(in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return classes;
    }
}

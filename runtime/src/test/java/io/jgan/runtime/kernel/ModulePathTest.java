package io.jgan.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The runtime as a named module, loaded from its classes into a module layer: it exports the user's
 * API and the generated-code packages and nothing else, and the Vector API stays optional (the
 * module takes the same kernel path as the class path does, with or without
 * {@code --add-modules jdk.incubator.vector}; this test runs in both of the module's test runs).
 */
class ModulePathTest {
    private static ModuleLayer layer() throws Exception {
        Path classes = Path.of(Simd.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Configuration cf = ModuleLayer.boot().configuration().resolve(ModuleFinder.of(classes), ModuleFinder.of(),
                Set.of("io.jgan.runtime"));
        return ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getSystemClassLoader());
    }

    @Test
    void exportsTheApiAndTheGeneratedCodePackagesOnly() throws Exception {
        ModuleDescriptor d = layer().findModule("io.jgan.runtime").orElseThrow().getDescriptor();
        var exports = new TreeMap<String, Set<String>>();
        d.exports().forEach(e -> exports.put(e.source(), e.targets()));
        assertEquals("{io.jgan.runtime=[], io.jgan.runtime.data=[], io.jgan.runtime.generated=[],"
                + " io.jgan.runtime.internal=[io.jgan.data.idx], io.jgan.runtime.io=[], io.jgan.runtime.kernel=[],"
                + " io.jgan.runtime.loss=[], io.jgan.runtime.optim=[], io.jgan.runtime.sweep=[], io.jgan.runtime.train=[]}",
                exports.toString());
        assertEquals(exports.keySet(), d.packages().stream().collect(Collectors.toCollection(java.util.TreeSet::new)),
                "a package that is neither exported nor listed here");
        assertEquals("[java.base]", d.requires().stream().map(ModuleDescriptor.Requires::name).toList().toString(),
                "no dependencies; the Vector API is read only when present");
    }

    @Test
    void theNamedModuleTakesTheSameKernelPathAsTheClassPath() throws Exception {
        Class<?> simd = layer().findLoader("io.jgan.runtime").loadClass(Simd.class.getName());
        assertEquals("io.jgan.runtime", simd.getModule().getName());
        assertEquals(Simd.enabled(), simd.getMethod("enabled").invoke(null));
        assertEquals(Simd.describe(), simd.getMethod("describe").invoke(null));
    }
}

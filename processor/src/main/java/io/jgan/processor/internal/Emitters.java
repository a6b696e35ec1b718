package io.jgan.processor.internal;

import io.jgan.processor.spi.LayerEmitter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** The layer emitters known to this compilation, by annotation canonical name. */
public final class Emitters {
    private final Map<String, LayerEmitter> byAnnotation = new LinkedHashMap<>();

    /** Emitters in the given order; for an annotation served twice, the first wins. */
    public Emitters(Iterable<LayerEmitter> emitters) {
        for (LayerEmitter e : emitters) {
            byAnnotation.putIfAbsent(e.annotationType(), e);
        }
    }

    /** Every emitter on the processor path: the built-ins and any a user's module registers. */
    public static Emitters fromProcessorPath(ClassLoader loader) {
        return new Emitters(ServiceLoader.load(LayerEmitter.class, loader));
    }

    /** Explicit emitters (tests). */
    public static Emitters of(List<LayerEmitter> emitters) {
        return new Emitters(emitters);
    }

    /** The emitter for an annotation, or null. */
    public LayerEmitter find(String annotationType) {
        return byAnnotation.get(annotationType);
    }
}

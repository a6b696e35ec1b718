package io.jgan.processor.internal.layers;

import java.util.Locale;

/**
 * The diagnostics of the built-in layers, reported through {@code LayerSpec.error} as any layer's
 * are: a stable tag and a message that says what to change. (The processor's own diagnostics are
 * {@code io.jgan.processor.internal.Message}; the built-in layers use only the SPI.)
 */
enum LayerMessage {
    DENSE_UNITS("dense-units", "layer %s: units must be at least 1, was %d; set units to the number of outputs"),
    DROPOUT_P("dropout-p", "layer %s: dropout p must be in [0, 1), was %s; p is the probability of zeroing a value"
            + " (PyTorch's default is 0.5)"),
    LEAKY_SLOPE("leaky-slope", "layer %s: slope must be a finite number, was %s");

    private final String tag;
    private final String format;

    LayerMessage(String tag, String format) {
        this.tag = tag;
        this.format = format;
    }

    /** The stable tag, e.g. {@code jgan.dense-units}. */
    String tag() {
        return "jgan." + tag;
    }

    /** The diagnostic text: {@code [jgan.tag] message}. */
    String format(Object... args) {
        return "[" + tag() + "] " + String.format(Locale.ROOT, format, args);
    }
}

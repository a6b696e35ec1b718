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
    LEAKY_SLOPE("leaky-slope", "layer %s: slope must be a finite number, was %s"),
    CONV_VALUE("conv-value", "layer %s: %s %s must be %s, was %d"),
    CONV_FLAT_INPUT("conv-flat-input", "layer %s: %s needs an image input but gets a flat one of %d values; add"
            + " @Reshape(channels, height, width) before it (or declare the discriminator's input with channels,"
            + " height and width)"),
    CONV_OUTPUT_SIZE("conv-output-size", "layer %s: output %s %s %s"),
    CONV_OUTPUT_PADDING("conv-output-padding", "layer %s: outputPadding must be at least 0 and below the stride %2$s,"
            + " was %3$d; it picks one of the output sizes a stride of %2$s allows"),
    RESHAPE_VALUE("reshape-value", "layer %s: Reshape %s must be at least 1, was %d"),
    RESHAPE_SIZE("reshape-size", "layer %s: Reshape to %s holds %d values but its input %s has %d; make channels *"
            + " height * width equal the input's size"),
    BATCH_NORM_MOMENTUM("batch-norm-momentum", "layer %s: momentum must be in [0, 1], was %s; it is the new batch's"
            + " weight in the running statistics (PyTorch's default is 0.1)"),
    LABEL_WITHOUT_CONDITION("label-without-condition", "layer %s: @%s reads the label of the network's @Condition,"
            + " but this network has none; put @Condition(classes = %d) on both the generator and the discriminator"),
    LABEL_CLASSES("label-classes", "layer %s: @%s has classes = %d but the network's @Condition has %d; make them"
            + " equal"),
    EMBEDDING_SIZE("embedding-size", "layer %s: Embedding size must be at least 1, was %d; set it to the values per"
            + " class vector (e.g. 10)"),
    BATCH_NORM_EPS("batch-norm-eps", "layer %s: eps must be a finite number above 0, was %s; it keeps the division by"
            + " the standard deviation finite (PyTorch's default is 1e-5)");

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

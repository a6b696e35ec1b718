package io.jgan.processor.internal;

import java.util.Locale;

/**
 * Every diagnostic jgan's processor reports: a stable tag (to search for, and for tests) and a
 * message that says what is wrong and what to change.
 */
public enum Message {
    NOT_NESTED("not-nested", "@%s must be on an interface nested in a spec type (e.g. interface G inside"
            + " public interface MyGan), so that the generator and discriminator are found together"),
    NOT_INTERFACE("not-interface", "@%s must be on an interface whose methods declare the layers, e.g."
            + " @Dense(units = 8) void hidden();"),
    DUPLICATE_NETWORK("duplicate-network", "spec %s declares more than one @%s; declare exactly one generator and one"
            + " discriminator per spec type"),
    MISSING_NETWORK("missing-network", "spec %s has a @%s but no @%s; declare both, as nested interfaces"),
    NO_LAYERS("no-layers", "%s has no layers: declare at least one layer method, e.g. @Dense(units = 1) void out();"),
    NOT_A_LAYER("not-a-layer", "method %s() has no layer annotation; annotate it with a layer such as @Dense(units = 8)"
            + " or @Sigmoid, or remove it"),
    TWO_LAYERS("two-layers", "method %s() has two layer annotations (@%s and @%s); declare one layer per method,"
            + " in order"),
    LAYER_SIGNATURE("layer-signature", "layer method %s must take no parameters and return void, e.g."
            + " @Dense(units = 8) void %s(); it only names the layer"),
    TOO_LARGE("too-large", "network %s needs more than 2^31 - 1 floats (%s at layer %s); make the layers smaller"),
    NO_EMITTER("no-emitter", "@%s is marked @Layer but no LayerEmitter for %s is on the annotation processor path;"
            + " add the module that contains its emitter to maven-compiler-plugin's annotationProcessorPaths and"
            + " register the emitter in META-INF/services/io.jgan.processor.spi.LayerEmitter"),
    MISSING_NOISE("missing-noise", "generator %s declares no noise; start it with e.g."
            + " @Noise(size = 100, distribution = Noise.Distribution.GAUSSIAN) void noise();"),
    TWO_NOISES("two-noises", "generator %s declares noise twice (%s() and %s()); keep one @Noise"),
    NOISE_NOT_FIRST("noise-not-first", "@Noise on %s() must come before the generator's layers: it is the generator's input"),
    NOISE_IN_DISCRIMINATOR("noise-in-discriminator", "@Noise on %s() belongs in the generator; the discriminator's"
            + " input is a sample, sized by @Discriminator(inputSize = ...)"),
    NOISE_SIZE("noise-size", "noise size must be at least 1, was %d; set size to the number of random values per sample"),
    NOISE_UNIFORM_RANGE("noise-uniform-range", "uniform noise needs finite a < b (the range [a, b)), got a = %s,"
            + " b = %s"),
    NOISE_GAUSSIAN_PARAMETERS("noise-gaussian-parameters", "gaussian noise needs a finite mean a and a standard"
            + " deviation b > 0, got a = %s, b = %s"),
    NOISE_BERNOULLI_P("noise-bernoulli-p", "bernoulli noise needs a probability a in [0, 1], got a = %s"),
    INPUT_SIZE("input-size", "discriminator inputSize must be at least 1, was %d; set it to the number of values per"
            + " sample, or declare an image input with channels, height and width"),
    INPUT_SIZE_AND_SHAPE("input-size-and-shape", "the discriminator declares both inputSize = %d and an image input %s;"
            + " keep one: inputSize for flat samples, or channels, height and width for images"),
    INPUT_SHAPE("input-shape", "the discriminator's image input %s must have channels, height and width each at least 1"
            + " (and fewer than 2^31 values); set all three, e.g. channels = 1, height = 28, width = 28"),
    DISCRIMINATOR_OUTPUT("discriminator-output", "the discriminator must end in one unit (the probability that its"
            + " input is real), but its last layer %s gives %d values per sample; end it with e.g."
            + " @Dense(units = 1) and @Sigmoid"),
    BATCH_IN_GENERATOR("batch-in-generator", "layer %s changes the number of samples (its emitter has an"
            + " outputBatch), which only a discriminator may do: the generator must make one sample per noise sample;"
            + " move it to the discriminator"),
    SIZE_MISMATCH("size-mismatch", "the discriminator reads samples of shape %s (%d values) but the generator makes %s"
            + " (%d values); make them equal (the discriminator reads the generator's samples)"),
    SHAPE_MISMATCH("shape-mismatch", "the generator makes samples of shape %s but the discriminator reads %s; end the"
            + " generator with a layer that gives the discriminator's shape (e.g. a reshape), or declare the"
            + " discriminator's input as the generator's output"),
    CONDITION_ONE_NETWORK("condition-one-network", "only the %s has a @Condition; give the %s the same"
            + " @Condition(classes = %d): a conditional GAN's discriminator judges a sample with its label, and its"
            + " generator makes one for a label"),
    CONDITION_CLASSES("condition-classes", "@Condition classes must be at least 2, was %d; set it to the number of"
            + " classes of the labels (10 for digits)"),
    CONDITION_CLASSES_DIFFER("condition-classes-differ", "the generator's @Condition has %d classes but the"
            + " discriminator's %d; both take the same labels, make them equal"),
    CONDITION_UNUSED("condition-unused", "%s %s has a @Condition but no layer reads the label; add one, e.g."
            + " @Embedding(classes = %d, size = 10) void label(); after the %s"),
    COULD_NOT_WRITE("could-not-write", "could not write %s: %s; check that the build's generated-sources directory"
            + " is writable and has space"),
    INTERNAL("internal", "internal jgan error, please report it with this trace: %s");

    private final String tag;
    private final String format;

    Message(String tag, String format) {
        this.tag = tag;
        this.format = format;
    }

    /** The stable tag, e.g. {@code jgan.no-layers}. */
    public String tag() {
        return "jgan." + tag;
    }

    /** The diagnostic text: {@code [jgan.tag] message}. */
    public String format(Object... args) {
        return "[" + tag() + "] " + String.format(Locale.ROOT, format, args);
    }
}

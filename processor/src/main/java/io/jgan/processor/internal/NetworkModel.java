package io.jgan.processor.internal;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
import io.jgan.processor.spi.LayerEmitter;
import io.jgan.processor.spi.LayerSpec;
import io.jgan.processor.spi.Layout;
import io.jgan.processor.spi.ParameterShape;
import io.jgan.processor.spi.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated network, everything computed (shapes, parameter offsets and their constants, buffer
 * names and layout, the batch chain): the writer only turns it into code.
 *
 * @param specName the spec type's qualified name
 * @param specType the spec type
 * @param site the spec type: the originating element of the generated file
 * @param packageName the package of the generated class
 * @param className the simple name of the generated class, e.g. {@code EvenNumbers_Generator}
 * @param generator whether this is the generator
 * @param inputShape the shape of one input sample
 * @param layers the layers in order
 * @param noise the generator's noise, null for a discriminator
 * @param layout the activation buffers' layout
 * @param rows in {@link Layout#FEATURES}, the network's flat buffers seen as rows; else empty
 * @param passBatches the samples entering each layer during a pass, from the method's {@code batch}
 * @param maxBatches the same from the constructor's {@code maxBatch}, to size the buffers
 * @param classes the class count of its {@code @Condition} labels, 0 for an unconditional network
 */
public record NetworkModel(String specName, ClassName specType, Site site, String packageName, String className, boolean generator,
        Shape inputShape, List<LayerModel> layers, NoiseModel noise, Layout layout, List<Rows> rows,
        BatchChain passBatches, BatchChain maxBatches, int classes) {

    /** Copies the lists. */
    public NetworkModel {
        layers = List.copyOf(layers);
        rows = List.copyOf(rows);
    }

    /**
     * The network's noise.
     *
     * @param distribution UNIFORM, GAUSSIAN or BERNOULLI
     * @param size values per sample
     * @param a first parameter, defaults applied
     * @param b second parameter, defaults applied
     */
    public record NoiseModel(String distribution, int size, float a, float b) {}

    /**
     * One of Network's flat buffers seen as [1][batch], the row of its only feature.
     *
     * @param name the field, e.g. {@code inputRows}
     * @param flat Network's buffer, e.g. {@code input}
     * @param batchWord how its comment names the number of samples
     */
    public record Rows(String name, String flat, String batchWord) {}

    /**
     * How many samples enter each layer: {@code entering.get(k)} names the int holding layer k's,
     * the last element the network's output; {@code declarations} declare the locals a layer that
     * changes the batch needs, in order.
     *
     * @param entering per layer, then the output
     * @param declarations the locals to declare
     */
    public record BatchChain(List<String> entering, List<Declaration> declarations) {
        /** Copies the lists. */
        public BatchChain {
            entering = List.copyOf(entering);
            declarations = List.copyOf(declarations);
        }

        /** Whether any layer changes the batch. */
        public boolean changes() {
            return !declarations.isEmpty();
        }
    }

    /**
     * {@code final int name = value;}
     *
     * @param name the local
     * @param value its expression
     */
    public record Declaration(String name, CodeBlock value) {}

    /**
     * A layer as validation leaves it, before the network places it.
     *
     * @param spec its values and input shape
     * @param emitter its code writer
     * @param site its annotation, for errors
     * @param outputShape its output's shape
     * @param parameterOffset where its parameters start
     * @param parameters its tensors
     * @param stateOffset where its state starts in the state array
     * @param state its state tensors ({@link LayerEmitter#state})
     * @param scratchPerSample its scratch floats per sample
     * @param description e.g. {@code Dense(units = 7)}
     */
    public record ValidatedLayer(LayerSpec spec, LayerEmitter emitter, Site site, Shape outputShape, int parameterOffset,
            List<ParameterShape> parameters, int stateOffset, List<ParameterShape> state, int scratchPerSample,
            String description) {}

    /** Values per input sample. */
    public int inputSize() {
        return inputShape.size();
    }

    /** The shape of one output sample. */
    public Shape outputShape() {
        return layers.get(layers.size() - 1).outputShape();
    }

    /** Values per output sample. */
    public int outputSize() {
        return outputShape().size();
    }

    /** Total parameters. */
    public int parameterCount() {
        return layers.stream().mapToInt(LayerModel::parameterCount).sum();
    }

    /** Whether the network computes gradients with respect to its input (a discriminator does). */
    public boolean hasInputGradient() {
        return !generator;
    }

    /** The names Network and the generated class already use: no buffer or constant may take them. */
    private static final List<String> INHERITED = List.of("params", "grads", "state", "input", "output", "outputGrad",
            "inputGrad", "random", "training", "parallel", "INFO", "INPUT_SIZE", "OUTPUT_SIZE", "PARAMETER_COUNT");

    /** Places validated layers in a network: layout, names, batch chain. */
    static NetworkModel of(SpecDeclaration spec, String className, boolean generator, Shape inputShape,
            List<ValidatedLayer> validated, NoiseModel noise, int classes) {
        int n = validated.size();
        Layout layout = layout(inputShape, validated);
        NameAllocator names = new NameAllocator();
        INHERITED.forEach(name -> names.newName(name, name));
        boolean features = layout == Layout.FEATURES;
        if (features) {
            for (String rows : List.of("inputRows", "outputRows", "outputGradRows", "inputGradRows")) {
                names.newName(rows, rows);
            }
        }
        for (int k = 0; k < n; k++) {
            String name = validated.get(k).spec().name();
            if (k < n - 1) {
                names.newName(name + "Out", "out" + k);
                names.newName(name + "Grad", "grad" + k);
            }
            if (validated.get(k).scratchPerSample() > 0) {
                names.newName(name + "Scratch", "scratch" + k);
            }
        }
        for (int k = 0; k < n; k++) {
            names.newName(validated.get(k).spec().name() + "Kernel", "kernel" + k);
        }
        NameAllocator constants = new NameAllocator();
        INHERITED.forEach(name -> constants.newName(name, name));

        BatchChain passBatches = batches("batch", validated);
        BatchChain maxBatches = batches("maxBatch", validated);
        List<String> batchWords = new ArrayList<>();
        String word = "batch";
        for (ValidatedLayer layer : validated) {
            batchWords.add(word);
            if (layer.emitter().outputBatch(layer.spec(), "batch") != null) {
                word = "batch after " + layer.spec().name();
            }
        }
        batchWords.add(word);

        List<LayerModel> layers = new ArrayList<>();
        boolean learns = false;
        for (int k = 0; k < n; k++) {
            ValidatedLayer v = validated.get(k);
            String output = k == n - 1 ? (features ? names.get("outputRows") : "output") : names.get("out" + k);
            String outputGradient = k == n - 1 ? (features ? names.get("outputGradRows") : "outputGrad")
                    : names.get("grad" + k);
            String input = k == 0 ? (features ? names.get("inputRows") : "input") : layers.get(k - 1).buffers().output();
            String inputGradient = k == 0 ? (features ? names.get("inputGradRows") : "inputGrad")
                    : layers.get(k - 1).buffers().outputGradient();
            LayerModel.Buffers buffers = new LayerModel.Buffers(input, output, inputGradient, outputGradient,
                    v.scratchPerSample() > 0 ? names.get("scratch" + k) : null, names.get("kernel" + k));
            Map<String, String> offsetNames = new LinkedHashMap<>();
            for (ParameterShape tensor : v.parameters()) {
                offsetNames.put(tensor.name(), constants.newName(constantName(v.spec().name() + "_" + tensor.name()),
                        k + "." + tensor.name()));
            }
            for (ParameterShape tensor : v.state()) {
                offsetNames.put("state." + tensor.name(), constants.newName(
                        constantName(v.spec().name() + "_" + tensor.name()), k + ".state." + tensor.name()));
            }
            layers.add(new LayerModel(k, v.spec(), v.emitter(), v.outputShape(), v.parameterOffset(), v.parameters(),
                    v.stateOffset(), v.state(), offsetNames, v.scratchPerSample(), v.description(), buffers,
                    batchWords.get(k),
                    v.emitter().outputBatch(v.spec(), "batch") != null, learns));
            learns |= !v.parameters().isEmpty() && v.parameters().stream().mapToInt(ParameterShape::size).sum() > 0;
        }
        List<Rows> rows = new ArrayList<>();
        if (features) {
            rows.add(new Rows(names.get("inputRows"), "input", "batch"));
            if (!generator) {
                rows.add(new Rows(names.get("inputGradRows"), "inputGrad", "batch"));
            }
            rows.add(new Rows(names.get("outputRows"), "output", batchWords.get(n)));
            rows.add(new Rows(names.get("outputGradRows"), "outputGrad", batchWords.get(n)));
        }
        return new NetworkModel(spec.qualifiedName(), spec.type(), spec.site(), spec.packageName(), className, generator, inputShape,
                layers, noise, layout, rows, passBatches, maxBatches, classes);
    }

    /**
     * The layout of the activation buffers: {@link Layout#FEATURES} when the network's input and
     * output have one value per sample, every layer's code can be written for it, and at least one
     * layer prefers it (narrow layers, whose loops then run over the batch); else {@link Layout#SAMPLES}.
     * With one value per sample, Network's flat input and output arrays are already the single row
     * of their feature. Wider ends would need transposing copies on every pass: on the even-numbers
     * GAN (7 values a sample, batch 16) those made a training step 25% slower.
     */
    private static Layout layout(Shape inputShape, List<ValidatedLayer> layers) {
        if (inputShape.size() != 1 || layers.get(layers.size() - 1).outputShape().size() != 1) {
            return Layout.SAMPLES;
        }
        boolean preferred = false;
        for (ValidatedLayer layer : layers) {
            List<Layout> layouts = layer.emitter().layouts(layer.spec());
            if (!layouts.contains(Layout.FEATURES)) {
                return Layout.SAMPLES;
            }
            preferred |= layouts.get(0) == Layout.FEATURES;
        }
        return preferred ? Layout.FEATURES : Layout.SAMPLES;
    }

    /**
     * The ints holding how many samples enter each layer, given {@code first} entering the network.
     * A layer that changes the batch gets a local; the others share the variable before them, so a
     * network without such layers declares nothing.
     */
    private static BatchChain batches(String first, List<ValidatedLayer> layers) {
        NameAllocator names = new NameAllocator();
        names.newName("batch");
        names.newName("maxBatch");
        List<String> entering = new ArrayList<>();
        List<Declaration> declarations = new ArrayList<>();
        String current = first;
        entering.add(current);
        for (ValidatedLayer layer : layers) {
            CodeBlock next = layer.emitter().outputBatch(layer.spec(), current);
            if (next != null) {
                current = names.newName(layer.spec().name() + "Batch");
                declarations.add(new Declaration(current, next));
            }
            entering.add(current);
        }
        return new BatchChain(entering, declarations);
    }

    /** {@code hidden2_weight} -> {@code HIDDEN2_WEIGHT}, {@code outLayer_bias} -> {@code OUT_LAYER_BIAS}. */
    static String constantName(String name) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < name.length(); k++) {
            char c = name.charAt(k);
            if (Character.isUpperCase(c) && k > 0 && Character.isLowerCase(name.charAt(k - 1))) {
                s.append('_');
            }
            s.append(Character.toUpperCase(c));
        }
        return s.toString();
    }
}

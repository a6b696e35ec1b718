package io.jgan.runtime;

import io.jgan.runtime.generated.Parallel;
import java.util.Arrays;

/**
 * The base of every generated network: the flat parameter and gradient arrays, the boundary
 * buffers, and the checks that keep a caller from feeding it the wrong thing.
 *
 * <p>The generated subclass does the math, specialised to its spec; this class only validates and
 * copies at the boundary, so a wrong array size or a batch larger than the network was built for is
 * an exception that names the problem, never a silent truncation.
 *
 * <p>Usage: {@link #forward(float[], int)}, then fill {@link #outputGradient()} (or pass it to
 * {@link #backward(float[])}) and call {@link #backward()} to <em>accumulate</em> parameter gradients
 * into {@link #gradients()}, or {@link #backwardToInput()} to get the gradient with respect to the
 * input without touching parameter gradients (how a generator is trained through a discriminator).
 * Buffers returned by these methods belong to the network and are overwritten by the next call.
 */
public abstract class Network {
    private final NetworkInfo info;
    private final int maxBatch;
    /** All parameters, layer after layer, in the layout {@link NetworkInfo#layers()} describes. */
    protected final float[] params;
    /** Gradients, with the same layout as {@link #params}. */
    protected final float[] grads;
    /**
     * State the layers update themselves, not the optimizer (a batch norm's running statistics), in
     * the layout of the layers' {@link io.jgan.runtime.generated.LayerInfo#buffers()}; empty for most networks.
     */
    protected final float[] state;
    /** The network's input, copied in by {@link #forward(float[], int)}: [maxBatch, inputSize]. */
    protected final float[] input;
    /** What the last layer writes: [outputBatch(maxBatch), outputSize]. */
    protected final float[] output;
    /** The gradient of the loss with respect to {@link #output}. */
    protected final float[] outputGrad;
    /** The gradient with respect to {@link #input}, written by input-gradient backward passes. */
    protected final float[] inputGrad;
    /**
     * The label of each sample of the last forward pass, [maxBatch], each in [0, classes); empty for
     * an unconditional network. Read by the layers that join the label to the values.
     */
    protected final int[] labels;
    /** Where dropout and other stochastic layers draw from while training. */
    protected Rng random = new Rng(0);
    /** Training mode: dropout active. */
    protected boolean training = true;
    /** The threads large layers split their products over; see {@link #setThreads(int)}. */
    protected Parallel parallel = Parallel.defaultPool();
    private int batch = -1;
    private boolean forwardWasTraining;

    /**
     * Allocates the boundary buffers for batches of up to {@code maxBatch} samples.
     *
     * @param info the network's shape
     * @param maxBatch the largest batch {@link #forward(float[], int)} will accept
     * @param hasInputGradient whether this network can compute input gradients (a discriminator)
     */
    protected Network(NetworkInfo info, int maxBatch, boolean hasInputGradient) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException(info.displayName() + ": maxBatch must be at least 1, was " + maxBatch);
        }
        this.info = info;
        this.maxBatch = maxBatch;
        this.params = new float[info.parameterCount()];
        this.grads = new float[info.parameterCount()];
        this.state = new float[info.stateCount()];
        this.input = new float[Math.multiplyExact(maxBatch, info.inputSize())];
        int outputs = Math.multiplyExact(outputBatch(maxBatch), info.outputSize());
        this.output = new float[outputs];
        this.outputGrad = new float[outputs];
        this.inputGrad = hasInputGradient ? new float[input.length] : null;
        this.labels = new int[info.conditional() ? maxBatch : 0];
    }

    /** {@return the network's shape and layer list} */
    public final NetworkInfo info() {
        return info;
    }

    /** {@return the largest batch this instance accepts} */
    public final int maxBatch() {
        return maxBatch;
    }

    /** {@return the flat parameter array (live: optimizers and checkpoints work on it in place)} */
    public final float[] parameters() {
        return params;
    }

    /**
     * {@return the flat state array (live): what layers such as batch norm update during training
     * passes and use at inference; checkpoints and exports hold it next to the parameters}
     */
    public final float[] state() {
        return state;
    }

    /** {@return the flat gradient array, same layout as {@link #parameters()} (live)} */
    public final float[] gradients() {
        return grads;
    }

    /**
     * How many output samples a batch of {@code batch} input samples gives. The identity, except for
     * networks with a layer that summarises the batch (which override this).
     *
     * @param batch input samples
     * @return output samples
     */
    public int outputBatch(int batch) {
        return batch;
    }

    /**
     * Draws fresh initial parameters (PyTorch's defaults for built-in layers), resets the layers'
     * state and zeroes gradients.
     *
     * @param rng where the initial values come from
     */
    public final void initialize(Rng rng) {
        initializeLayers(rng);
        zeroGradients();
    }

    /** Sets all gradients to zero; {@link #backward()} accumulates into them. */
    public final void zeroGradients() {
        Arrays.fill(grads, 0f);
    }

    /**
     * Training mode (dropout active, batch norm on the batch's statistics) or inference mode (dropout
     * is the identity, batch norm uses its running statistics).
     *
     * @param training true for training mode
     */
    public final void setTraining(boolean training) {
        this.training = training;
    }

    /** {@return whether the network is in training mode} */
    public final boolean isTraining() {
        return training;
    }

    /**
     * Runs the products of large layers on {@code threads} threads (a shared {@link Parallel} pool);
     * the default is {@link Parallel#defaultThreads()}: the available processors, at most 2. Work is
     * split over outputs, so results are bit for bit the same for every thread count.
     *
     * @param threads at least 1
     */
    public final void setThreads(int threads) {
        this.parallel = Parallel.withThreads(threads);
    }

    /** {@return how many threads large layers use} */
    public final int threads() {
        return parallel.threads();
    }

    /** {@return the pool large layers split their products over (optimizers may share it)} */
    public final Parallel parallel() {
        return parallel;
    }

    /**
     * The generator that stochastic layers (dropout) draw from.
     *
     * @param random the generator, usually the run's
     */
    public final void setRandom(Rng random) {
        this.random = java.util.Objects.requireNonNull(random, "random");
    }

    /**
     * Runs the network on {@code batch} samples laid out one after another in {@code input}, which
     * must hold exactly {@code batch * inputSize} floats.
     *
     * @param input {@code batch * inputSize} floats
     * @param batch how many samples, at most {@link #maxBatch()}
     * @return the output buffer; its first {@code outputBatch(batch) * outputSize} floats are the result
     */
    public final float[] forward(float[] input, int batch) {
        if (info.conditional()) {
            throw new IllegalStateException(info.displayName() + " is conditional: pass each sample's label, with"
                    + " forward(input, labels, batch)");
        }
        return run(input, batch);
    }

    /**
     * Runs a conditional network (one whose spec has a {@code @Condition}) on {@code batch} samples
     * and their labels.
     *
     * @param input {@code batch * inputSize} floats
     * @param labels at least {@code batch} ints, the first {@code batch} each in [0, classes): sample
     *     {@code b}'s class
     * @param batch how many samples, at most {@link #maxBatch()}
     * @return the output buffer; its first {@code outputBatch(batch) * outputSize} floats are the result
     */
    public final float[] forward(float[] input, int[] labels, int batch) {
        if (!info.conditional()) {
            throw new IllegalStateException(info.displayName() + " has no @Condition, so it takes no labels; call"
                    + " forward(input, batch)");
        }
        checkBatch(batch);
        if (labels.length < batch) {
            throw new IllegalArgumentException(info.displayName() + ": " + labels.length + " labels for a batch of "
                    + batch);
        }
        for (int b = 0; b < batch; b++) {
            if (labels[b] < 0 || labels[b] >= info.classes()) {
                throw new IllegalArgumentException(info.displayName() + ": label " + labels[b] + " of sample " + b
                        + " is outside [0, " + info.classes() + ")");
            }
        }
        System.arraycopy(labels, 0, this.labels, 0, batch);
        return run(input, batch);
    }

    private float[] run(float[] input, int batch) {
        checkBatch(batch);
        requireLength("input", input, batch, info.inputSize());
        System.arraycopy(input, 0, this.input, 0, batch * info.inputSize());
        forwardLayers(batch);
        this.batch = batch;
        this.forwardWasTraining = training;
        return output;
    }

    /** {@return the buffer to write the loss gradient into before {@link #backward()}: [outputBatch, outputSize]} */
    public final float[] outputGradient() {
        return outputGrad;
    }

    /**
     * Copies {@code gradient} (exactly outputBatch * outputSize floats) in, then {@link #backward()}.
     *
     * @param gradient the loss gradient with respect to the last output
     */
    public final void backward(float[] gradient) {
        requireForward();
        int n = outputBatch(batch) * info.outputSize();
        requireLength("output gradient", gradient, outputBatch(batch), info.outputSize());
        System.arraycopy(gradient, 0, outputGrad, 0, n);
        backward();
    }

    /**
     * Accumulates the gradient of the loss with respect to every parameter into {@link #gradients()},
     * from the loss gradient in {@link #outputGradient()} and the activations of the last forward pass.
     */
    public final void backward() {
        requireForward();
        backwardParameterLayers(batch);
    }

    /**
     * Computes the gradient of the loss with respect to the input of the last forward pass, leaving
     * parameter gradients untouched.
     *
     * @return the input-gradient buffer; its first {@code batch * inputSize} floats are the result
     */
    public final float[] backwardToInput() {
        requireForward();
        if (inputGrad == null) {
            throw new UnsupportedOperationException(info.displayName()
                    + " does not compute input gradients: its input is noise, nothing upstream learns from it");
        }
        backwardInputLayers(batch);
        return inputGrad;
    }

    private void checkBatch(int batch) {
        if (batch < 1 || batch > maxBatch) {
            throw new IllegalArgumentException(info.displayName() + ": batch " + batch + " is outside 1.." + maxBatch
                    + "; this instance was built for batches of at most " + maxBatch
                    + " (construct it with a larger maxBatch)");
        }
    }

    /** Checks that {@code array} holds {@code samples * size} floats; the message is built only on failure (no allocation per step). */
    private void requireLength(String what, float[] array, int samples, int size) {
        if (array == null) {
            throw new NullPointerException(info.displayName() + ": " + what + " is null");
        }
        int expected = samples * size;
        if (array.length != expected) {
            throw new IllegalArgumentException(info.displayName() + ": " + what + " has " + array.length
                    + " floats, expected " + expected + " (" + samples + " samples of " + size + ")");
        }
    }

    private void requireForward() {
        if (batch < 0) {
            throw new IllegalStateException(info.displayName() + ": backward called before any forward pass");
        }
        if (!forwardWasTraining) {
            throw new IllegalStateException(info.displayName() + ": backward after a forward pass in inference mode;"
                    + " call setTraining(true) before the forward pass you want to train on");
        }
    }

    /**
     * Generated: the layers' forward passes, in spec order.
     *
     * @param batch samples in {@link #input}
     */
    protected abstract void forwardLayers(int batch);

    /**
     * Generated: the layers' backward passes in reverse order, accumulating parameter gradients.
     *
     * @param batch samples of the last forward pass
     */
    protected abstract void backwardParameterLayers(int batch);

    /**
     * Generated for networks with input gradients: backward to {@link #inputGrad} only.
     *
     * @param batch samples of the last forward pass
     */
    protected void backwardInputLayers(int batch) {
        throw new UnsupportedOperationException(info.displayName() + " has no input-gradient pass");
    }

    /**
     * Generated: draws each layer's initial parameters.
     *
     * @param rng where the initial values come from
     */
    protected abstract void initializeLayers(Rng rng);

    @Override
    public String toString() {
        return info.displayName() + " [" + info.architecture() + ", " + info.parameterCount() + " parameters]";
    }
}

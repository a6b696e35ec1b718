package io.jgan.runtime.kernel;

import io.jgan.runtime.generated.Parallel;

/**
 * The passes of one {@code @BatchNorm} layer with PyTorch's semantics: {@code nn.BatchNorm1d} on
 * flat features ([batch][channels], {@code size} 1) and {@code nn.BatchNorm2d} on images
 * ([batch][channels][size], size = height * width), normalising each channel over the batch (and
 * the pixels).
 *
 * <ul>
 * <li>Training: {@code y = weight (x - mean) / sqrt(var + eps) + bias} with the batch's mean and
 *     biased variance; the running estimates move towards the batch's mean and <em>unbiased</em>
 *     variance, {@code r = (1 - momentum) r + momentum v}, and {@code num_batches_tracked} counts
 *     the batches.
 * <li>Inference: the same with the running estimates instead of the batch's statistics.
 * </ul>
 * Parameters: weight [channels] and bias [channels] in the flat parameter array. State (not
 * trained): running_mean [channels], running_var [channels] and num_batches_tracked [1], one after
 * the other in a state array. Sums are taken in double, as PyTorch's CPU kernels do, channel by
 * channel in a fixed order: the same bits for any thread count. The forward pass keeps each
 * channel's mean and 1/sqrt(var + eps) for the backward pass, which therefore must follow the
 * training-mode forward pass of the same batch. A call allocates nothing.
 */
public final class BatchNormKernel {
    /** Channels per item of work. */
    private static final int CHANNELS_PER_ITEM = 8;

    private final int channels;
    private final int size;
    private final double momentum;
    private final double eps;
    private final int weight;
    private final int bias;
    private final int maxBatch;
    /** [channels]: the last training-mode forward pass's batch means. */
    private final float[] mean;
    /** [channels]: its 1 / sqrt(biased variance + eps). */
    private final float[] invStd;
    private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

    private float[] x;
    private float[] y;
    private float[] dy;
    private float[] dx;
    private float[] params;
    private float[] grads;
    private float[] state;
    private int stateAt;
    private int batch;
    private final Parallel.Task trainingTask = this::trainingPart;
    private final Parallel.Task inferenceTask = this::inferencePart;
    private final Parallel.Task backwardTask = this::backwardPart;

    /**
     * A kernel for one layer.
     *
     * @param channels features (1d) or channels (2d)
     * @param size values per channel per sample: 1, or height * width
     * @param momentum weight of the new batch in the running estimates, in [0, 1]
     * @param eps added to the variance, above 0
     * @param weight offset of the weight in the parameter array (the bias follows it)
     * @param maxBatch the largest batch
     */
    public BatchNormKernel(int channels, int size, double momentum, double eps, int weight, int maxBatch) {
        if (channels < 1 || size < 1 || !(momentum >= 0 && momentum <= 1) || !(eps > 0) || weight < 0
                || maxBatch < 1) {
            throw new IllegalArgumentException("bad batch norm: " + channels + " channels of " + size
                    + ", momentum " + momentum + ", eps " + eps + ", maxBatch " + maxBatch);
        }
        this.channels = channels;
        this.size = size;
        this.momentum = momentum;
        this.eps = eps;
        this.weight = weight;
        this.bias = weight + channels;
        this.maxBatch = maxBatch;
        this.mean = new float[channels];
        this.invStd = new float[channels];
    }

    /**
     * {@return floats of state: running_mean, running_var and num_batches_tracked}
     *
     * @param channels features or channels
     */
    public static int stateSize(int channels) {
        return 2 * channels + 1;
    }

    /**
     * Sets the state to PyTorch's initial values: running_mean 0, running_var 1, no batches tracked.
     *
     * @param channels features or channels
     * @param state the state array
     * @param at offset of running_mean in it
     */
    public static void resetState(int channels, float[] state, int at) {
        java.util.Arrays.fill(state, at, at + channels, 0f);
        java.util.Arrays.fill(state, at + channels, at + 2 * channels, 1f);
        state[at + 2 * channels] = 0f;
    }

    /**
     * The forward pass of {@code batch} samples: in training mode with the batch's statistics
     * (updating the running estimates), otherwise with the running estimates.
     *
     * @param parallel the threads to split the channels over
     * @param x the input, [batch][channels][size]
     * @param params the network's parameters
     * @param state the state array
     * @param stateAt offset of running_mean in it
     * @param y the output, shaped as x
     * @param batch samples
     * @param training training mode
     * @throws IllegalArgumentException in training mode with one value per channel (no variance)
     */
    public void forward(Parallel parallel, float[] x, float[] params, float[] state, int stateAt, float[] y,
            int batch, boolean training) {
        if (batch < 1 || batch > maxBatch) {
            throw new IllegalArgumentException("batch " + batch + " is outside 1.." + maxBatch);
        }
        if (training && batch * size < 2) {
            throw new IllegalArgumentException("BatchNorm needs more than one value per channel in training mode,"
                    + " got a batch of " + batch + "; train on batches of 2 or more");
        }
        this.x = x;
        this.y = y;
        this.params = params;
        this.state = state;
        this.stateAt = stateAt;
        this.batch = batch;
        run(parallel, training ? trainingTask : inferenceTask);
        if (training) {
            state[stateAt + 2 * channels] += 1f;
        }
        x = y = params = state = null;
    }

    /**
     * The backward pass of the last training-mode forward pass: with {@code grads} non-null,
     * accumulates the weight's and bias's gradients; with {@code dx} non-null, writes the input
     * gradient.
     *
     * @param parallel the threads to split the channels over
     * @param x the forward pass's input
     * @param dy the output gradient
     * @param params the network's parameters
     * @param grads the network's gradients, or null
     * @param dx the input gradient, or null
     * @param batch samples, as in the forward pass
     */
    public void backward(Parallel parallel, float[] x, float[] dy, float[] params, float[] grads, float[] dx,
            int batch) {
        this.x = x;
        this.dy = dy;
        this.params = params;
        this.grads = grads;
        this.dx = dx;
        this.batch = batch;
        run(parallel, backwardTask);
        this.x = this.dy = this.params = this.grads = this.dx = null;
    }

    private void run(Parallel parallel, Parallel.Task task) {
        next.set(0);
        if ((long) batch * channels * size < (1 << 16)) {
            task.run(0, 1);
        } else {
            parallel.share(task);
        }
    }

    /** {@return the first channel of the next item, or -1} */
    private int claim() {
        int c = next.getAndIncrement() * CHANNELS_PER_ITEM;
        return c < channels ? c : -1;
    }

    private void trainingPart(int part, int parts) {
        final int n = batch * size;
        final int stride = channels * size;
        for (int c0; (c0 = claim()) >= 0; ) {
            for (int c = c0; c < Math.min(channels, c0 + CHANNELS_PER_ITEM); c++) {
                double sum = 0;
                for (int b = 0; b < batch; b++) {
                    for (int k = b * stride + c * size, end = k + size; k < end; k++) {
                        sum += x[k];
                    }
                }
                final double m = sum / n;
                double squares = 0;
                for (int b = 0; b < batch; b++) {
                    for (int k = b * stride + c * size, end = k + size; k < end; k++) {
                        final double d = x[k] - m;
                        squares += d * d;
                    }
                }
                final float is = (float) (1.0 / Math.sqrt(squares / n + eps));
                mean[c] = (float) m;
                invStd[c] = is;
                final int rm = stateAt + c;
                final int rv = stateAt + channels + c;
                state[rm] = (float) (momentum * m + (1 - momentum) * (double) state[rm]);
                state[rv] = (float) (momentum * squares / (n - 1) + (1 - momentum) * (double) state[rv]);
                normalise(c, (float) m, is);
            }
        }
    }

    private void inferencePart(int part, int parts) {
        for (int c0; (c0 = claim()) >= 0; ) {
            for (int c = c0; c < Math.min(channels, c0 + CHANNELS_PER_ITEM); c++) {
                final float is = (float) (1.0 / Math.sqrt((double) state[stateAt + channels + c] + eps));
                normalise(c, state[stateAt + c], is);
            }
        }
    }

    /** {@code y = weight (x - m) is + bias} on channel c of every sample. */
    private void normalise(int c, float m, float is) {
        final int stride = channels * size;
        final float scale = params[weight + c] * is;
        final float shift = params[bias + c];
        for (int b = 0; b < batch; b++) {
            for (int k = b * stride + c * size, end = k + size; k < end; k++) {
                y[k] = (x[k] - m) * scale + shift;
            }
        }
    }

    /**
     * With {@code xhat = (x - mean) is}: {@code gWeight += sum dy xhat}, {@code gBias += sum dy},
     * {@code dx = weight is (dy - mean(dy) - xhat mean(dy xhat))}.
     */
    private void backwardPart(int part, int parts) {
        final int n = batch * size;
        final int stride = channels * size;
        for (int c0; (c0 = claim()) >= 0; ) {
            for (int c = c0; c < Math.min(channels, c0 + CHANNELS_PER_ITEM); c++) {
                final float m = mean[c];
                final float is = invStd[c];
                double sumDy = 0;
                double sumDyXhat = 0;
                for (int b = 0; b < batch; b++) {
                    for (int k = b * stride + c * size, end = k + size; k < end; k++) {
                        sumDy += dy[k];
                        sumDyXhat += (double) dy[k] * ((x[k] - m) * is);
                    }
                }
                if (grads != null) {
                    grads[weight + c] += (float) sumDyXhat;
                    grads[bias + c] += (float) sumDy;
                }
                if (dx != null) {
                    final float meanDy = (float) (sumDy / n);
                    final float meanDyXhat = (float) (sumDyXhat / n);
                    final float scale = params[weight + c] * is;
                    for (int b = 0; b < batch; b++) {
                        for (int k = b * stride + c * size, end = k + size; k < end; k++) {
                            dx[k] = scale * (dy[k] - meanDy - (x[k] - m) * is * meanDyXhat);
                        }
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return "BatchNormKernel(" + channels + " channels of " + size + ", momentum " + momentum + ", eps " + eps + ")";
    }
}

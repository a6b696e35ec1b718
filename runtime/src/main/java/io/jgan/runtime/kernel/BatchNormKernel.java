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
    /** Features per item of BatchNorm1d (one value per channel): a multiple of eight. */
    private static final int FEATURES_PER_ITEM = 512;

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
    /** Channels per item of work. */
    private final int itemChannels;
    /** [channels], BatchNorm1d only: each feature's two sums, side by side over the features. */
    private final double[] firstSums;
    private final double[] secondSums;
    /** [channels], BatchNorm1d's backward pass: each feature's mean(dy) and mean(dy xhat). */
    private final float[] meanDys;
    private final float[] meanDyXhats;
    /** [channels]: 1 / sqrt(running_var + eps) of the inference pass in progress. */
    private final float[] runningInvStd;
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
        this.runningInvStd = new float[channels];
        this.itemChannels = size == 1 ? FEATURES_PER_ITEM : CHANNELS_PER_ITEM;
        int flat = size == 1 ? channels : 0;
        this.firstSums = new double[flat];
        this.secondSums = new double[flat];
        this.meanDys = new float[flat];
        this.meanDyXhats = new float[flat];
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
        int c = next.getAndIncrement() * itemChannels;
        return c < channels ? c : -1;
    }

    private void trainingPart(int part, int parts) {
        for (int c0; (c0 = claim()) >= 0; ) {
            if (size == 1) {
                trainFeatures(c0, Math.min(channels, c0 + itemChannels));
                continue;
            }
            if (c0 + CHANNELS_PER_ITEM <= channels) {
                trainEight(c0);
                continue;
            }
            for (int c = c0; c < channels; c++) {
                final int n = batch * size;
                final int stride = channels * size;
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
                statistics(c, m, squares);
                normalise(c, mean[c], invStd[c]);
            }
        }
    }

    /**
     * The training pass of channels c..c+7: each channel's sums in the order of {@link #trainingPart}'s
     * loop for one channel, eight of them side by side. One channel's sum is a chain of dependent
     * additions (four cycles each); eight independent chains keep the adder busy, and with one
     * value per channel (BatchNorm1d) the eight values of a sample are next to each other.
     */
    private void trainEight(int c) {
        final float[] x = this.x;
        final int z = size;
        final int n = batch * z;
        final int stride = channels * z;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        for (int b = 0; b < batch; b++) {
            for (int k = b * stride + c * z, end = k + z; k < end; k++) {
                s0 += x[k];
                s1 += x[k + z];
                s2 += x[k + 2 * z];
                s3 += x[k + 3 * z];
                s4 += x[k + 4 * z];
                s5 += x[k + 5 * z];
                s6 += x[k + 6 * z];
                s7 += x[k + 7 * z];
            }
        }
        final double m0 = s0 / n, m1 = s1 / n, m2 = s2 / n, m3 = s3 / n, m4 = s4 / n, m5 = s5 / n, m6 = s6 / n,
                m7 = s7 / n;
        s0 = s1 = s2 = s3 = s4 = s5 = s6 = s7 = 0;
        for (int b = 0; b < batch; b++) {
            for (int k = b * stride + c * z, end = k + z; k < end; k++) {
                double d = x[k] - m0;
                s0 += d * d;
                d = x[k + z] - m1;
                s1 += d * d;
                d = x[k + 2 * z] - m2;
                s2 += d * d;
                d = x[k + 3 * z] - m3;
                s3 += d * d;
                d = x[k + 4 * z] - m4;
                s4 += d * d;
                d = x[k + 5 * z] - m5;
                s5 += d * d;
                d = x[k + 6 * z] - m6;
                s6 += d * d;
                d = x[k + 7 * z] - m7;
                s7 += d * d;
            }
        }
        statistics(c, m0, s0);
        statistics(c + 1, m1, s1);
        statistics(c + 2, m2, s2);
        statistics(c + 3, m3, s3);
        statistics(c + 4, m4, s4);
        statistics(c + 5, m5, s5);
        statistics(c + 6, m6, s6);
        statistics(c + 7, m7, s7);
        normaliseEight(c, mean, 0, invStd);
    }

    /**
     * The training pass of BatchNorm1d's features [c0, c1): every feature's sums in the order of the
     * one-channel loop (over the batch), all of the item's features side by side, sample by sample,
     * so that every pass reads the samples' contiguous rows.
     */
    private void trainFeatures(int c0, int c1) {
        final float[] x = this.x;
        final double[] sums = firstSums;
        final double[] squares = secondSums;
        final int n = batch;
        java.util.Arrays.fill(sums, c0, c1, 0.0);
        java.util.Arrays.fill(squares, c0, c1, 0.0);
        for (int b = 0; b < batch; b++) {
            final int at = b * channels;
            for (int c = c0; c < c1; c++) {
                sums[c] += x[at + c];
            }
        }
        for (int c = c0; c < c1; c++) {
            sums[c] /= n; // the mean, in double
        }
        for (int b = 0; b < batch; b++) {
            final int at = b * channels;
            for (int c = c0; c < c1; c++) {
                final double d = x[at + c] - sums[c];
                squares[c] += d * d;
            }
        }
        for (int c = c0; c < c1; c++) {
            statistics(c, sums[c], squares[c]);
        }
        normaliseFeatures(c0, c1, mean, 0, invStd);
    }

    /** {@link #normalise} on BatchNorm1d's features [c0, c1), sample by sample. */
    private void normaliseFeatures(int c0, int c1, float[] means, int meansAt, float[] is) {
        for (int b = 0; b < batch; b++) {
            final int at = b * channels;
            for (int j = c0; j < c1; j++) {
                y[at + j] = (x[at + j] - means[meansAt + j]) * (params[weight + j] * is[j]) + params[bias + j];
            }
        }
    }

    /** Keeps channel c's mean and 1/sqrt(var + eps) and moves its running estimates. */
    private void statistics(int c, double m, double squares) {
        final int n = batch * size;
        mean[c] = (float) m;
        invStd[c] = (float) (1.0 / Math.sqrt(squares / n + eps));
        final int rm = stateAt + c;
        final int rv = stateAt + channels + c;
        state[rm] = (float) (momentum * m + (1 - momentum) * (double) state[rm]);
        state[rv] = (float) (momentum * squares / (n - 1) + (1 - momentum) * (double) state[rv]);
    }

    private void inferencePart(int part, int parts) {
        for (int c0; (c0 = claim()) >= 0; ) {
            final int c1 = Math.min(channels, c0 + itemChannels);
            for (int c = c0; c < c1; c++) {
                runningInvStd[c] = (float) (1.0 / Math.sqrt((double) state[stateAt + channels + c] + eps));
            }
            if (size == 1) {
                normaliseFeatures(c0, c1, state, stateAt, runningInvStd);
            } else if (c1 - c0 == CHANNELS_PER_ITEM) {
                normaliseEight(c0, state, stateAt, runningInvStd);
            } else {
                for (int c = c0; c < c1; c++) {
                    normalise(c, state[stateAt + c], runningInvStd[c]);
                }
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
     * {@link #normalise} on channels c..c+7 with the means {@code means[meansAt + c..]} and the
     * 1/sqrt(var + eps) {@code is[c..]}.
     */
    private void normaliseEight(int c, float[] means, int meansAt, float[] is) {
        for (int j = c; j < c + CHANNELS_PER_ITEM; j++) {
            normalise(j, means[meansAt + j], is[j]);
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
            if (size == 1) {
                backwardFeatures(c0, Math.min(channels, c0 + itemChannels));
                continue;
            }
            if (c0 + CHANNELS_PER_ITEM <= channels) {
                backwardEight(c0);
                continue;
            }
            for (int c = c0; c < channels; c++) {
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
                backwardChannel(c, sumDy, sumDyXhat);
            }
        }
    }

    /** {@link #backwardPart} on BatchNorm1d's features [c0, c1), side by side as in {@link #trainFeatures}. */
    private void backwardFeatures(int c0, int c1) {
        final float[] x = this.x;
        final float[] dy = this.dy;
        final double[] sumDy = firstSums;
        final double[] sumDyXhat = secondSums;
        java.util.Arrays.fill(sumDy, c0, c1, 0.0);
        java.util.Arrays.fill(sumDyXhat, c0, c1, 0.0);
        for (int b = 0; b < batch; b++) {
            final int at = b * channels;
            for (int c = c0; c < c1; c++) {
                final float d = dy[at + c];
                sumDy[c] += d;
                sumDyXhat[c] += (double) d * ((x[at + c] - mean[c]) * invStd[c]);
            }
        }
        for (int c = c0; c < c1 && grads != null; c++) {
            grads[weight + c] += (float) sumDyXhat[c];
            grads[bias + c] += (float) sumDy[c];
        }
        if (dx == null) {
            return;
        }
        final int n = batch;
        for (int c = c0; c < c1; c++) {
            meanDys[c] = (float) (sumDy[c] / n);
            meanDyXhats[c] = (float) (sumDyXhat[c] / n);
        }
        for (int b = 0; b < batch; b++) {
            final int at = b * channels;
            for (int c = c0; c < c1; c++) {
                final float is = invStd[c];
                dx[at + c] = params[weight + c] * is
                        * (dy[at + c] - meanDys[c] - (x[at + c] - mean[c]) * is * meanDyXhats[c]);
            }
        }
    }

    /** {@link #backwardPart} on channels c..c+7, their sums side by side as in {@link #trainEight}. */
    private void backwardEight(int c) {
        final float[] x = this.x;
        final float[] dy = this.dy;
        final int z = size;
        final int stride = channels * z;
        final float m0 = mean[c], m1 = mean[c + 1], m2 = mean[c + 2], m3 = mean[c + 3], m4 = mean[c + 4],
                m5 = mean[c + 5], m6 = mean[c + 6], m7 = mean[c + 7];
        final float i0 = invStd[c], i1 = invStd[c + 1], i2 = invStd[c + 2], i3 = invStd[c + 3], i4 = invStd[c + 4],
                i5 = invStd[c + 5], i6 = invStd[c + 6], i7 = invStd[c + 7];
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        double t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5 = 0, t6 = 0, t7 = 0;
        for (int b = 0; b < batch; b++) {
            for (int k = b * stride + c * z, end = k + z; k < end; k++) {
                float d = dy[k];
                s0 += d;
                t0 += (double) d * ((x[k] - m0) * i0);
                d = dy[k + z];
                s1 += d;
                t1 += (double) d * ((x[k + z] - m1) * i1);
                d = dy[k + 2 * z];
                s2 += d;
                t2 += (double) d * ((x[k + 2 * z] - m2) * i2);
                d = dy[k + 3 * z];
                s3 += d;
                t3 += (double) d * ((x[k + 3 * z] - m3) * i3);
                d = dy[k + 4 * z];
                s4 += d;
                t4 += (double) d * ((x[k + 4 * z] - m4) * i4);
                d = dy[k + 5 * z];
                s5 += d;
                t5 += (double) d * ((x[k + 5 * z] - m5) * i5);
                d = dy[k + 6 * z];
                s6 += d;
                t6 += (double) d * ((x[k + 6 * z] - m6) * i6);
                d = dy[k + 7 * z];
                s7 += d;
                t7 += (double) d * ((x[k + 7 * z] - m7) * i7);
            }
        }
        backwardChannel(c, s0, t0);
        backwardChannel(c + 1, s1, t1);
        backwardChannel(c + 2, s2, t2);
        backwardChannel(c + 3, s3, t3);
        backwardChannel(c + 4, s4, t4);
        backwardChannel(c + 5, s5, t5);
        backwardChannel(c + 6, s6, t6);
        backwardChannel(c + 7, s7, t7);
    }

    /** Channel c's parameter gradients from its sums, and its input gradient. */
    private void backwardChannel(int c, double sumDy, double sumDyXhat) {
        if (grads != null) {
            grads[weight + c] += (float) sumDyXhat;
            grads[bias + c] += (float) sumDy;
        }
        if (dx != null) {
            final int n = batch * size;
            final int stride = channels * size;
            final float m = mean[c];
            final float is = invStd[c];
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

    @Override
    public String toString() {
        return "BatchNormKernel(" + channels + " channels of " + size + ", momentum " + momentum + ", eps " + eps + ")";
    }
}

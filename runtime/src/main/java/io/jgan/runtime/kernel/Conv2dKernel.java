package io.jgan.runtime.kernel;

import io.jgan.runtime.generated.Parallel;

/**
 * The passes of one {@code @Conv2d} layer, PyTorch's {@code nn.Conv2d} with a square kernel: input
 * [batch][channels][height][width] (NCHW), weight [outChannels][channels][kernel][kernel] and bias
 * [outChannels] in the flat parameter array, output [batch][outChannels][outHeight][outWidth] with
 * {@code out = (size + 2 padding - kernel) / stride + 1}.
 *
 * <p>The matrix products of {@link Patches} read the patches from a zero-padded copy of the input
 * (implicit im2col): on the Vector API's register-blocked kernels when the JVM has them, on plain
 * loops otherwise. The forward pass keeps that copy for the backward pass's weight gradient, so
 * {@link #backward} must follow the forward pass of the same batch, as a network's backward pass
 * does. Work is split over samples (copies, input gradient), blocks of rows of the whole batch's
 * product (forward) and blocks of the weight gradient's entries, never over a sum: the same bits
 * for any number of threads. All memory is allocated in
 * the constructor (per-thread scratch when the thread count first grows); a call allocates nothing.
 * One instance serves one layer and is not thread-safe.
 */
public final class Conv2dKernel {
    /** Images of this many channels or more get their input gradient from {@link PixelClasses}: a vector's width. */
    static final int PIXEL_CLASSES_MIN = 16;
    private final Patches patches;
    /** The input gradient pixel by pixel, or null for images of fewer than {@link #PIXEL_CLASSES_MIN} channels. */
    private final PixelClasses pixelClasses;
    private final int bias;
    private final int maxBatch;
    private final Work work = new Work();

    // The arguments of the call in progress, read by the parts (published by Parallel.share).
    private float[] x;
    private float[] y;
    private float[] dy;
    private float[] dx;
    private float[] params;
    private float[] grads;

    private final Parallel.Task padTask = this::padPart;
    private final Parallel.Task sampleTask = this::samplePart;
    private final Parallel.Task copyTask = this::copyPart;
    private final Parallel.Task mapsGradientTask = this::mapsGradientPart;
    private final Parallel.Task forwardTask = this::forwardPart;
    private final Parallel.Task transposeTask = this::transposePart;
    private final Parallel.Task padGridTask = this::padGridPart;
    private final Parallel.Task pixelTask = this::pixelPart;
    private final Parallel.Task weightGradientTask = this::weightGradientPart;
    private final Parallel.Task inputGradientTask = this::inputGradientPart;
    private final Parallel.Task biasGradientTask = this::biasGradientPart;
    private int batch;

    /**
     * A kernel for one layer.
     *
     * @param channels input channels
     * @param height input height
     * @param width input width
     * @param outChannels output channels
     * @param kernel the kernel's side
     * @param stride the stride
     * @param padding zeros added on every side
     * @param weight offset of the weight in the parameter array
     * @param bias offset of the bias, or -1 for none
     * @param maxBatch the largest batch
     */
    public Conv2dKernel(int channels, int height, int width, int outChannels, int kernel, int stride, int padding,
            int weight, int bias, int maxBatch) {
        int outHeight = outputSize(height, kernel, stride, padding);
        int outWidth = outputSize(width, kernel, stride, padding);
        if (channels < 1 || outChannels < 1 || kernel < 1 || stride < 1 || padding < 0 || outHeight < 1
                || outWidth < 1 || maxBatch < 1 || weight < 0) {
            throw new IllegalArgumentException("bad convolution: " + channels + "x" + height + "x" + width + " -> "
                    + outChannels + " channels, kernel " + kernel + ", stride " + stride + ", padding " + padding
                    + ", maxBatch " + maxBatch);
        }
        this.patches = new Patches(channels, height, width, outChannels, outHeight, outWidth, kernel, stride, padding,
                weight, maxBatch);
        this.pixelClasses = channels >= PIXEL_CLASSES_MIN ? new PixelClasses(patches, maxBatch) : null;
        this.bias = bias;
        this.maxBatch = maxBatch;
        patches.ensureParts(Parallel.defaultThreads());
    }

    /**
     * {@return the output side of a convolution: {@code (size + 2 padding - kernel) / stride + 1},
     * rounded down as PyTorch does}
     *
     * @param size the input side
     * @param kernel the kernel's side
     * @param stride the stride
     * @param padding zeros on each side
     */
    public static int outputSize(int size, int kernel, int stride, int padding) {
        return Math.floorDiv(size + 2 * padding - kernel, stride) + 1;
    }

    /**
     * The forward pass of {@code batch} samples.
     *
     * @param parallel the threads to split the samples over
     * @param x the input, [batch][channels][height][width]
     * @param params the network's parameters
     * @param y the output, [batch][outChannels][outHeight][outWidth]
     * @param batch samples
     */
    public void forward(Parallel parallel, float[] x, float[] params, float[] y, int batch) {
        checkBatch(batch);
        this.x = x;
        this.params = params;
        this.y = y;
        this.batch = batch;
        if (patches.copied) {
            work.run(parallel, sampleTask, batch, patches.macs(batch), patches);
        } else {
            patches.transposeWeight(params);
            work.run(parallel, padTask, batch, patches.macs(batch), patches);
            work.run(parallel, forwardTask, patches.rowItems(batch), patches.macs(batch), patches);
        }
        clear();
    }

    /**
     * The backward pass of the last forward pass: with {@code grads} non-null, accumulates the
     * weight's and the bias's gradients; with {@code dx} non-null, writes the input gradient.
     *
     * @param parallel the threads to split the work over
     * @param dy the output gradient, [batch][outChannels][outHeight][outWidth]
     * @param params the network's parameters
     * @param grads the network's gradients, or null
     * @param dx the input gradient, [batch][channels][height][width], or null
     * @param batch samples, as in the forward pass
     */
    public void backward(Parallel parallel, float[] dy, float[] params, float[] grads, float[] dx, int batch) {
        checkBatch(batch);
        this.dy = dy;
        this.params = params;
        this.grads = grads;
        this.dx = dx;
        this.batch = batch;
        if (grads != null && patches.copied) {
            work.run(parallel, copyTask, batch, patches.macs(batch), patches);
            work.run(parallel, mapsGradientTask, patches.mapItems(), patches.macs(batch), patches);
        } else if (grads != null) {
            work.run(parallel, transposeTask, batch, patches.macs(batch), patches);
            work.run(parallel, weightGradientTask, patches.entryItems(), patches.macs(batch), patches);
        }
        if (grads != null && bias >= 0) {
            work.run(parallel, biasGradientTask, Patches.planeItems(patches.maps), patches.gridSize * (long) batch,
                    patches);
        }
        if (dx != null && pixelClasses != null) {
            pixelClasses.arrangeWeight(params);
            work.run(parallel, padGridTask, batch, patches.macs(batch), patches);
            work.run(parallel, pixelTask, pixelClasses.items(batch), patches.macs(batch), patches);
        } else if (dx != null) {
            work.run(parallel, inputGradientTask, batch, patches.macs(batch), patches);
        }
        clear();
    }

    private void padPart(int part, int parts) {
        for (int b; (b = work.claim(part)) >= 0; ) {
            patches.pad(x, b);
        }
    }

    private void samplePart(int part, int parts) {
        for (int b; (b = work.claim(part)) >= 0; ) {
            patches.pad(x, b);
            patches.convolveSample(b, y, params, bias, part);
        }
    }

    private void copyPart(int part, int parts) {
        for (int b; (b = work.claim(part)) >= 0; ) {
            patches.copyPatches(b);
        }
    }

    private void mapsGradientPart(int part, int parts) {
        for (int item; (item = work.claim(part)) >= 0; ) {
            patches.weightGradientMaps(item, batch, dy, grads);
        }
    }

    private void forwardPart(int part, int parts) {
        for (int item; (item = work.claim(part)) >= 0; ) {
            patches.convolveRows(item, batch, y, params, bias, part);
        }
    }

    private void transposePart(int part, int parts) {
        for (int b; (b = work.claim(part)) >= 0; ) {
            patches.transposeGrid(dy, b);
        }
    }

    private void weightGradientPart(int part, int parts) {
        for (int item; (item = work.claim(part)) >= 0; ) {
            patches.weightGradientRows(item, batch, grads);
        }
    }

    private void biasGradientPart(int part, int parts) {
        for (int item; (item = work.claim(part)) >= 0; ) {
            Patches.addPlaneSums(dy, patches.maps, patches.positions, batch, item, grads, bias);
        }
    }

    private void padGridPart(int part, int parts) {
        for (int b; (b = work.claim(part)) >= 0; ) {
            pixelClasses.pad(dy, b);
        }
    }

    private void pixelPart(int part, int parts) {
        for (int item; (item = work.claim(part)) >= 0; ) {
            pixelClasses.spread(item, batch, dx, params, -1, patches.productRows(part));
        }
    }

    private void inputGradientPart(int part, int parts) {
        for (int b; (b = work.claim(part)) >= 0; ) {
            patches.fillImage(dx, params, -1, b);
            patches.spread(params, dy, b, dx, part);
        }
    }

    private void checkBatch(int batch) {
        if (batch < 1 || batch > maxBatch) {
            throw new IllegalArgumentException("batch " + batch + " is outside 1.." + maxBatch);
        }
    }

    private void clear() {
        x = y = dy = dx = params = grads = null;
    }

    @Override
    public String toString() {
        return "Conv2dKernel(" + patches.channels + "x" + patches.height + "x" + patches.width + " -> " + patches.maps
                + "x" + patches.gridHeight + "x" + patches.gridWidth + ", kernel " + patches.kernel + ", stride "
                + patches.stride + ", padding " + patches.padding + ")";
    }
}

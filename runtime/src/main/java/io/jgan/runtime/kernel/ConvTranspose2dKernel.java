package io.jgan.runtime.kernel;

import io.jgan.runtime.generated.Parallel;

/**
 * The passes of one {@code @ConvTranspose2d} layer, PyTorch's {@code nn.ConvTranspose2d} with a
 * square kernel: input [batch][channels][height][width], weight
 * [channels][outChannels][kernel][kernel] and bias [outChannels] in the flat parameter array,
 * output [batch][outChannels][outHeight][outWidth] with
 * {@code out = (size - 1) stride - 2 padding + kernel + outputPadding}.
 *
 * <p>A transposed convolution is a convolution run backwards: the convolution from its output
 * (the image) to its input (the grid) with the same weight. Its forward pass is that convolution's
 * input gradient, its input gradient that convolution's forward pass, and its weight gradient the
 * same product as the convolution's; all three run on {@link Patches}. The guarantees are those of
 * {@link Conv2dKernel}: the same bits for any thread count, no allocation per call, one instance
 * per layer, not thread-safe.
 */
public final class ConvTranspose2dKernel {
    private final Patches patches;
    /** The forward pass pixel by pixel, or null for outputs of fewer than {@link Conv2dKernel#PIXEL_CLASSES_MIN} channels. */
    private final PixelClasses pixelClasses;
    private final int bias;
    private final int maxBatch;
    private final Work work = new Work();

    private float[] x;
    private float[] y;
    private float[] dy;
    private float[] dx;
    private float[] params;
    private float[] grads;

    private final Parallel.Task forwardTask = this::forwardPart;
    private final Parallel.Task padGridTask = this::padGridPart;
    private final Parallel.Task pixelTask = this::pixelPart;
    private final Parallel.Task patchTask = this::patchPart;
    private final Parallel.Task inputGradientTask = this::inputGradientPart;
    private final Parallel.Task weightGradientTask = this::weightGradientPart;
    private final Parallel.Task sampleTask = this::samplePart;
    private final Parallel.Task mapsGradientTask = this::mapsGradientPart;
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
     * @param padding PyTorch's padding: the output loses {@code padding} pixels on every side
     * @param outputPadding pixels added to the output's bottom and right, below {@code stride}
     * @param weight offset of the weight in the parameter array
     * @param bias offset of the bias, or -1 for none
     * @param maxBatch the largest batch
     */
    public ConvTranspose2dKernel(int channels, int height, int width, int outChannels, int kernel, int stride,
            int padding, int outputPadding, int weight, int bias, int maxBatch) {
        int outHeight = outputSize(height, kernel, stride, padding, outputPadding);
        int outWidth = outputSize(width, kernel, stride, padding, outputPadding);
        if (channels < 1 || height < 1 || width < 1 || outChannels < 1 || kernel < 1 || stride < 1 || padding < 0
                || outputPadding < 0 || outputPadding >= stride || outHeight < 1 || outWidth < 1 || maxBatch < 1
                || weight < 0) {
            throw new IllegalArgumentException("bad transposed convolution: " + channels + "x" + height + "x" + width
                    + " -> " + outChannels + " channels, kernel " + kernel + ", stride " + stride + ", padding "
                    + padding + ", output padding " + outputPadding + ", maxBatch " + maxBatch);
        }
        // The image is this layer's output, the grid its input.
        this.patches = new Patches(outChannels, outHeight, outWidth, channels, height, width, kernel, stride, padding,
                weight, maxBatch);
        this.pixelClasses = outChannels >= Conv2dKernel.PIXEL_CLASSES_MIN ? new PixelClasses(patches, maxBatch) : null;
        this.bias = bias;
        this.maxBatch = maxBatch;
        patches.ensureParts(Parallel.defaultThreads());
    }

    /**
     * {@return the output side of a transposed convolution:
     * {@code (size - 1) stride - 2 padding + kernel + outputPadding}}
     *
     * @param size the input side
     * @param kernel the kernel's side
     * @param stride the stride
     * @param padding PyTorch's padding
     * @param outputPadding extra pixels at the bottom and right
     */
    public static int outputSize(int size, int kernel, int stride, int padding, int outputPadding) {
        return (size - 1) * stride - 2 * padding + kernel + outputPadding;
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
        if (pixelClasses != null) {
            pixelClasses.arrangeWeight(params);
            work.run(parallel, padGridTask, batch, patches.macs(batch), patches);
            work.run(parallel, pixelTask, pixelClasses.items(batch), patches.macs(batch), patches);
        } else {
            work.run(parallel, forwardTask, batch, patches.macs(batch), patches);
        }
        clear();
    }

    /**
     * The backward pass: with {@code grads} non-null, accumulates the weight's and the bias's
     * gradients; with {@code dx} non-null, writes the input gradient.
     *
     * @param parallel the threads to split the work over
     * @param x the forward pass's input, [batch][channels][height][width]
     * @param dy the output gradient, [batch][outChannels][outHeight][outWidth]
     * @param params the network's parameters
     * @param grads the network's gradients, or null
     * @param dx the input gradient, [batch][channels][height][width], or null
     * @param batch samples, as in the forward pass
     */
    public void backward(Parallel parallel, float[] x, float[] dy, float[] params, float[] grads, float[] dx,
            int batch) {
        checkBatch(batch);
        this.x = x;
        this.dy = dy;
        this.params = params;
        this.grads = grads;
        this.dx = dx;
        this.batch = batch;
        // dy padded (its patches); with grads, x transposed for the weight gradient (or, for small
        // patches, dy's patches copied out).
        work.run(parallel, patchTask, batch, patches.macs(batch), patches);
        if (dx != null && patches.copied) {
            work.run(parallel, sampleTask, batch, patches.macs(batch), patches);
        } else if (dx != null) {
            patches.transposeWeight(params);
            work.run(parallel, inputGradientTask, patches.rowItems(batch), patches.macs(batch), patches);
        }
        if (grads != null && patches.copied) {
            work.run(parallel, mapsGradientTask, patches.mapItems(), patches.macs(batch), patches);
        } else if (grads != null) {
            work.run(parallel, weightGradientTask, patches.entryItems(), patches.macs(batch), patches);
        }
        if (grads != null && bias >= 0) {
            work.run(parallel, biasGradientTask, Patches.planeItems(patches.channels), patches.imageSize * (long) batch,
                    patches);
        }
        clear();
    }

    private void forwardPart(int part, int parts) {
        for (int b; (b = work.claim(part)) >= 0; ) {
            patches.fillImage(y, params, bias, b);
            patches.spread(params, x, b, y, part);
        }
    }

    private void padGridPart(int part, int parts) {
        for (int b; (b = work.claim(part)) >= 0; ) {
            pixelClasses.pad(x, b);
        }
    }

    private void pixelPart(int part, int parts) {
        for (int item; (item = work.claim(part)) >= 0; ) {
            pixelClasses.spread(item, batch, y, params, bias, patches.productRows(part));
        }
    }

    private void patchPart(int part, int parts) {
        for (int b; (b = work.claim(part)) >= 0; ) {
            patches.pad(dy, b);
            if (grads != null && patches.copied) {
                patches.copyPatches(b);
            } else if (grads != null) {
                patches.transposeGrid(x, b);
            }
        }
    }

    private void samplePart(int part, int parts) {
        for (int b; (b = work.claim(part)) >= 0; ) {
            patches.convolveSample(b, dx, params, -1, part);
        }
    }

    private void mapsGradientPart(int part, int parts) {
        for (int item; (item = work.claim(part)) >= 0; ) {
            patches.weightGradientMaps(item, batch, x, grads);
        }
    }

    private void inputGradientPart(int part, int parts) {
        for (int item; (item = work.claim(part)) >= 0; ) {
            patches.convolveRows(item, batch, dx, params, -1, part);
        }
    }

    private void weightGradientPart(int part, int parts) {
        for (int item; (item = work.claim(part)) >= 0; ) {
            patches.weightGradientRows(item, batch, grads);
        }
    }

    private void biasGradientPart(int part, int parts) {
        for (int item; (item = work.claim(part)) >= 0; ) {
            Patches.addPlaneSums(dy, patches.channels, patches.height * patches.width, batch, item, grads, bias);
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
        return "ConvTranspose2dKernel(" + patches.maps + "x" + patches.gridHeight + "x" + patches.gridWidth + " -> "
                + patches.channels + "x" + patches.height + "x" + patches.width + ", kernel " + patches.kernel
                + ", stride " + patches.stride + ", padding " + patches.padding + ")";
    }
}

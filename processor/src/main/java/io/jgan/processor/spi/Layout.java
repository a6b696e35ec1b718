package io.jgan.processor.spi;

/**
 * How a network's activation buffers hold a batch. The processor picks one layout per network
 * ({@link LayerEmitter#layouts}); every layer's code is then written for it. The network's own
 * {@code input} and {@code output} arrays are always [batch, width]; a network is written in
 * {@link #FEATURES} only when both have width 1, so that each is also the one row of its feature.
 */
public enum Layout {
    /**
     * {@code float[]} of shape [batch, width]: value {@code j} of sample {@code b} at
     * {@code buffer[b * width + j]}. One sample's values are together, so a layer's code loops over
     * the batch and, inside, over the values; the layout of large products and of the network's own
     * {@code input} and {@code output}.
     */
    SAMPLES,
    /**
     * {@code float[][]} of shape [width][batch]: value {@code j} of sample {@code b} at
     * {@code buffer[j][b]}, one array per feature. The batch is the inner, contiguous dimension, so
     * the code of a narrow layer (a few values per sample) is loops over the batch that read and
     * write whole arrays from index 0, which C2 vectorises; with [batch, width] the same layer is a
     * loop of a few scalar statements per sample.
     */
    FEATURES
}

package io.jgan.runtime.data;

import io.jgan.runtime.BatchSource;

/** Where a GAN's real samples come from: {@link #sampleSize()} is the discriminator's input size. */
public interface RealData extends BatchSource {}

/**
 * What generated networks run on: the network base class, noise, losses, optimizers, real data and
 * the GAN training loop with its checkpoints. No dependencies.
 *
 * <p>The user's API is {@code io.jgan.runtime} (networks, noise, random numbers),
 * {@code io.jgan.runtime.train}, {@code io.jgan.runtime.loss}, {@code io.jgan.runtime.optim},
 * {@code io.jgan.runtime.data} and {@code io.jgan.runtime.io} (file formats). Generated code also
 * uses {@code io.jgan.runtime.generated} and {@code io.jgan.runtime.kernel}; a user's code need not.
 *
 * <p>The Vector API is optional: the fast dense kernels are used only when the JVM is started with
 * {@code --add-modules jdk.incubator.vector}, and the module then reads it (see
 * {@link io.jgan.runtime.kernel.Simd}); it is not required here, not even statically.
 *
 * <p>{@link io.jgan.runtime.Networks} creates a spec's generated networks by reflection, so a spec in
 * a named module exports its package to this one.
 */
@SuppressWarnings("module") // io.jgan.data.idx is built after this module
module io.jgan.runtime {
    exports io.jgan.runtime;
    exports io.jgan.runtime.data;
    exports io.jgan.runtime.io;
    exports io.jgan.runtime.loss;
    exports io.jgan.runtime.optim;
    exports io.jgan.runtime.train;
    exports io.jgan.runtime.sweep;
    exports io.jgan.runtime.generated;
    exports io.jgan.runtime.kernel;
    // File-error messages and bounded stream reading, shared with the IDX reader; no one else's API.
    exports io.jgan.runtime.internal to io.jgan.data.idx;
}

/**
 * Dependency-free file formats and output helpers: atomic file replacement, NumPy
 * {@code .npy}/{@code .npz} float32 arrays, PyTorch export and checksums. Checkpoints live with
 * training ({@link io.jgan.runtime.train.Checkpoint}); pictures in the separate
 * {@code jgan-pictures} module; MNIST-format files in {@code jgan-data-idx}.
 *
 * <p>Everything here uses only the JDK. Readers treat their input as untrusted: sizes claimed by a
 * header are checked against what the file actually holds before anything is allocated.
 *
 * <p>File safety for commands that write: {@link io.jgan.runtime.io.RunLock} (one writer per run
 * directory), {@link io.jgan.runtime.io.OutputFiles} (no existing file replaced without force, never
 * an input, distinct outputs, a writable directory with room, checked up front) and
 * {@link io.jgan.runtime.train.CheckpointFiles} (latest and a distinct previous checkpoint, rotated
 * by renames). Every failure names the file and the reason.
 */
package io.jgan.runtime.io;

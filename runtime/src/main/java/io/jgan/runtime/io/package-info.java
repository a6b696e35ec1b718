/**
 * Dependency-free file formats and output helpers: atomic file replacement, checkpoints, NumPy
 * {@code .npy}/{@code .npz} float32 arrays, PyTorch export and checksums. Pictures (charts, image
 * grids) live in the separate {@code jgan-pictures} module.
 *
 * <p>Everything here uses only the JDK. Readers treat their input as untrusted: sizes claimed by a
 * header are checked against what the file actually holds before anything is allocated.
 */
package io.jgan.runtime.io;

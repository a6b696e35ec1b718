/**
 * Dependency-free file formats and output helpers: atomic file replacement, PNG encoding,
 * image grids, small charts with a built-in bitmap font, NumPy {@code .npy}/{@code .npz}
 * float32 arrays and checksums.
 *
 * <p>Everything here uses only the JDK and avoids AWT/ImageIO so it runs headless and fast.
 * Readers treat their input as untrusted: sizes claimed by a header are checked against what
 * the file actually holds before anything is allocated.
 */
package io.jgan.runtime.io;

/**
 * Pictures of a training run, drawn from plain arrays and written as PNG files: {@link
 * io.jgan.pictures.LineChart} (losses and scores against training steps or epochs), {@link
 * io.jgan.pictures.Histogram} (generated values against a target density) and {@link
 * io.jgan.pictures.ImageGrid} (generated images, scaled up). Charts are drawn by JFreeChart; all
 * drawing runs headless ({@code java.awt.headless=true} is set unless the caller chose otherwise), and
 * every file is replaced atomically.
 */
package io.jgan.pictures;

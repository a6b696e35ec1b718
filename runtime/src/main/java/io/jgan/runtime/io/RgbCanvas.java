package io.jgan.runtime.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A small RGB raster with just the drawing operations charts need: rectangles, lines and text in
 * the built-in 5x7 bitmap font. Drawing outside the canvas (or outside the clip rectangle) is
 * silently ignored.
 */
public final class RgbCanvas {

    private final int width;
    private final int height;
    private final int[] pixels;
    private int clipX0;
    private int clipY0;
    private int clipX1;
    private int clipY1;

    /**
     * Creates a canvas filled with one colour.
     *
     * @param width      width in pixels, at least 1
     * @param height     height in pixels, at least 1
     * @param background fill colour as {@code 0xRRGGBB}
     */
    public RgbCanvas(int width, int height, int background) {
        if (width < 1 || height < 1 || (long) width * height > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("bad canvas size " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.pixels = new int[width * height];
        Arrays.fill(pixels, background & 0xFFFFFF);
        clearClip();
    }

    /** {@return width in pixels} */
    public int width() {
        return width;
    }

    /** {@return height in pixels} */
    public int height() {
        return height;
    }

    /**
     * Returns one pixel's colour.
     *
     * @param x column
     * @param y row
     * @return the colour as {@code 0xRRGGBB}
     */
    public int rgb(int x, int y) {
        return pixels[y * width + x];
    }

    /**
     * Restricts later drawing to a rectangle (intersected with the canvas).
     *
     * @param x      left edge
     * @param y      top edge
     * @param w      width
     * @param h      height
     */
    public void clip(int x, int y, int w, int h) {
        clipX0 = Math.max(0, x);
        clipY0 = Math.max(0, y);
        clipX1 = Math.min(width, x + w);
        clipY1 = Math.min(height, y + h);
    }

    /** Allows drawing on the whole canvas again. */
    public void clearClip() {
        clipX0 = 0;
        clipY0 = 0;
        clipX1 = width;
        clipY1 = height;
    }

    /**
     * Sets one pixel if it is inside the clip rectangle.
     *
     * @param x   column
     * @param y   row
     * @param rgb colour as {@code 0xRRGGBB}
     */
    public void set(int x, int y, int rgb) {
        if (x >= clipX0 && x < clipX1 && y >= clipY0 && y < clipY1) {
            pixels[y * width + x] = rgb & 0xFFFFFF;
        }
    }

    /**
     * Fills a rectangle.
     *
     * @param x   left edge
     * @param y   top edge
     * @param w   width
     * @param h   height
     * @param rgb colour as {@code 0xRRGGBB}
     */
    public void fillRect(int x, int y, int w, int h, int rgb) {
        int x0 = Math.max(x, clipX0);
        int x1 = Math.min(x + w, clipX1);
        int y0 = Math.max(y, clipY0);
        int y1 = Math.min(y + h, clipY1);
        for (int yy = y0; yy < y1; yy++) {
            if (x0 < x1) {
                Arrays.fill(pixels, yy * width + x0, yy * width + x1, rgb & 0xFFFFFF);
            }
        }
    }

    /**
     * Draws the outline of a rectangle, one pixel wide.
     *
     * @param x   left edge
     * @param y   top edge
     * @param w   width
     * @param h   height
     * @param rgb colour as {@code 0xRRGGBB}
     */
    public void strokeRect(int x, int y, int w, int h, int rgb) {
        fillRect(x, y, w, 1, rgb);
        fillRect(x, y + h - 1, w, 1, rgb);
        fillRect(x, y, 1, h, rgb);
        fillRect(x + w - 1, y, 1, h, rgb);
    }

    /**
     * Draws a straight line with a square pen (Bresenham's algorithm).
     *
     * @param x0        start column
     * @param y0        start row
     * @param x1        end column
     * @param y1        end row
     * @param thickness pen size in pixels, at least 1
     * @param rgb       colour as {@code 0xRRGGBB}
     */
    public void line(int x0, int y0, int x1, int y1, int thickness, int rgb) {
        int dx = Math.abs(x1 - x0);
        int dy = -Math.abs(y1 - y0);
        int sx = x0 < x1 ? 1 : -1;
        int sy = y0 < y1 ? 1 : -1;
        int err = dx + dy;
        int offset = (thickness - 1) / 2;
        int x = x0;
        int y = y0;
        while (true) {
            fillRect(x - offset, y - offset, thickness, thickness, rgb);
            if (x == x1 && y == y1) {
                break;
            }
            int e2 = 2 * err;
            if (e2 >= dy) {
                err += dy;
                x += sx;
            }
            if (e2 <= dx) {
                err += dx;
                y += sy;
            }
        }
    }

    /**
     * Draws text in the built-in 5x7 font.
     *
     * @param text  the text; characters without a glyph are drawn as a hollow box
     * @param x     left edge of the first character
     * @param y     top edge of the characters
     * @param scale size of one font pixel in image pixels, at least 1
     * @param rgb   colour as {@code 0xRRGGBB}
     */
    public void text(String text, int x, int y, int scale, int rgb) {
        for (int i = 0; i < text.length(); i++) {
            int[] rows = BitmapFont.glyph(text.charAt(i));
            int left = x + i * BitmapFont.ADVANCE * scale;
            for (int row = 0; row < BitmapFont.HEIGHT; row++) {
                for (int col = 0; col < BitmapFont.WIDTH; col++) {
                    if ((rows[row] & (1 << (BitmapFont.WIDTH - 1 - col))) != 0) {
                        fillRect(left + col * scale, y + row * scale, scale, scale, rgb);
                    }
                }
            }
        }
    }

    /**
     * Returns the width in pixels that {@link #text} would use.
     *
     * @param text  the text
     * @param scale font scale
     * @return the width in pixels
     */
    public static int textWidth(String text, int scale) {
        return BitmapFont.textWidth(text, scale);
    }

    /**
     * Returns the height in pixels of one line of text.
     *
     * @param scale font scale
     * @return the height in pixels
     */
    public static int textHeight(int scale) {
        return BitmapFont.HEIGHT * scale;
    }

    /**
     * Encodes the canvas as an RGB PNG.
     *
     * @return the PNG file content
     */
    public byte[] toPng() {
        return Png.encodeRgb(width, height, pixels);
    }

    /**
     * Atomically writes the canvas as an RGB PNG file.
     *
     * @param file the file to create or replace
     * @throws IOException if the file cannot be written
     */
    public void writePng(Path file) throws IOException {
        AtomicFile.write(file, toPng());
    }
}

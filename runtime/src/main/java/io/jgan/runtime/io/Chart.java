package io.jgan.runtime.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Renders two kinds of small charts to RGB PNG without AWT: a histogram with a density curve over
 * it, and line plots of one or more series (for example losses over training steps).
 *
 * <p>Charts are {@value #WIDTH}x{@value #HEIGHT} pixels with axes, tick marks, tick labels, light
 * grid lines, a title and a legend, all text drawn with a built-in 5x7 bitmap font. Non-finite
 * values (NaN, infinities) are skipped rather than breaking the scale.
 */
public final class Chart {

    /** Chart width in pixels. */
    public static final int WIDTH = 800;
    /** Chart height in pixels. */
    public static final int HEIGHT = 500;

    static final int BACKGROUND = 0xFFFFFF;
    static final int AXIS = 0x000000;
    static final int GRID = 0xE6E6E6;
    static final int BAR = 0x4C78A8;
    static final int CURVE = 0xD62728;

    /** Distinct, colour-blind-friendly-ish series colours (matplotlib's "tab10"). */
    private static final int[] PALETTE = {
        0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD,
        0x8C564B, 0xE377C2, 0x7F7F7F, 0xBCBD22, 0x17BECF,
    };

    private Chart() {
    }

    /**
     * Returns the colour used for series number {@code i} in {@link #lines}; colours repeat after ten.
     *
     * @param i series index, from 0
     * @return the colour as {@code 0xRRGGBB}
     */
    public static int seriesColor(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /**
     * Atomically writes a histogram PNG of the first {@code n} values, with an optional density
     * curve drawn over the bars.
     *
     * @param file    the PNG file to create or replace
     * @param values  the samples; only the first {@code n} are used and non-finite ones are skipped
     * @param n       number of values to use, 0 to {@code values.length}
     * @param bins    number of equal-width bins over the range of the values, at least 1
     * @param density a probability density function, scaled to the histogram's counts
     *                (count per bin = samples * bin width * pdf); {@code null} for no curve
     * @param title   the chart title
     * @throws IOException if the file cannot be written
     */
    public static void histogram(Path file, float[] values, int n, int bins, DoubleUnaryOperator density,
                                 String title) throws IOException {
        renderHistogram(values, n, bins, density, title).writePng(file);
    }

    /**
     * Renders the histogram described in {@link #histogram} without writing it.
     *
     * @param values  the samples
     * @param n       number of values to use
     * @param bins    number of bins
     * @param density a pdf to draw over the bars, or {@code null}
     * @param title   the chart title
     * @return the rendered chart
     */
    public static RgbCanvas renderHistogram(float[] values, int n, int bins, DoubleUnaryOperator density,
                                            String title) {
        if (n < 0 || n > values.length) {
            throw new IllegalArgumentException("n must be in [0, " + values.length + "], got " + n);
        }
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be positive, got " + bins);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int used = 0;
        for (int i = 0; i < n; i++) {
            if (Float.isFinite(values[i])) {
                lo = Math.min(lo, values[i]);
                hi = Math.max(hi, values[i]);
                used++;
            }
        }
        if (used == 0) {
            lo = 0;
            hi = 1;
        } else if (lo == hi) {
            // A single value still deserves a visible bar, so widen the range around it.
            lo -= 0.5;
            hi += 0.5;
        }
        double binWidth = (hi - lo) / bins;
        int[] counts = new int[bins];
        for (int i = 0; i < n; i++) {
            if (Float.isFinite(values[i])) {
                counts[Math.min(bins - 1, (int) ((values[i] - lo) / binWidth))]++;
            }
        }

        int maxCount = 0;
        for (int c : counts) {
            maxCount = Math.max(maxCount, c);
        }
        double scale = used * binWidth; // turns a pdf value into an expected count per bin
        double top = maxCount;
        if (density != null) {
            for (int i = 0; i <= 200; i++) {
                double y = scale * density.applyAsDouble(lo + (hi - lo) * i / 200);
                if (Double.isFinite(y)) {
                    top = Math.max(top, y);
                }
            }
        }
        top = top > 0 ? top * 1.08 : 1;

        Legend legend = new Legend();
        legend.add("samples (n=" + used + ")", BAR, true);
        if (density != null) {
            legend.add("density", CURVE, false);
        }
        RgbCanvas canvas = new RgbCanvas(WIDTH, HEIGHT, BACKGROUND);
        Frame frame = new Frame(canvas, title, legend, lo, hi, 0, top);
        frame.drawGrid();
        frame.clipToPlot();
        for (int b = 0; b < bins; b++) {
            if (counts[b] == 0) {
                continue;
            }
            int x0 = frame.px(lo + b * binWidth);
            int x1 = frame.px(lo + (b + 1) * binWidth);
            int gap = x1 - x0 >= 4 ? 1 : 0; // separate bars when there is room
            int y0 = frame.py(counts[b]);
            canvas.fillRect(x0 + gap, y0, Math.max(1, x1 - x0 - gap), frame.plotBottom() - y0 + 1, BAR);
        }
        if (density != null) {
            drawCurve(canvas, frame, x -> scale * density.applyAsDouble(x), CURVE);
        }
        canvas.clearClip();
        frame.drawAxes(null);
        return canvas;
    }

    /**
     * Atomically writes a line chart PNG: series {@code i} is drawn as points
     * {@code (step j, series[i][j])} joined by lines, each in its own colour, with a legend.
     *
     * @param file        the PNG file to create or replace
     * @param title       the chart title
     * @param seriesNames one legend label per series
     * @param series      the values; series may differ in length; non-finite values leave a gap
     * @throws IOException if the file cannot be written
     */
    public static void lines(Path file, String title, String[] seriesNames, double[][] series)
            throws IOException {
        renderLines(title, seriesNames, series).writePng(file);
    }

    /**
     * Renders the line chart described in {@link #lines} without writing it.
     *
     * @param title       the chart title
     * @param seriesNames one legend label per series
     * @param series      the values
     * @return the rendered chart
     */
    public static RgbCanvas renderLines(String title, String[] seriesNames, double[][] series) {
        if (seriesNames.length != series.length) {
            throw new IllegalArgumentException(seriesNames.length + " names for " + series.length + " series");
        }
        int maxLength = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] s : series) {
            maxLength = Math.max(maxLength, s.length);
            for (double v : s) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        } else if (lo == hi) {
            lo -= 1;
            hi += 1;
        } else {
            double pad = (hi - lo) * 0.05; // keep extreme points off the frame
            lo -= pad;
            hi += pad;
        }
        double xhi = Math.max(1, maxLength - 1);

        Legend legend = new Legend();
        for (int i = 0; i < series.length; i++) {
            legend.add(seriesNames[i], seriesColor(i), false);
        }
        RgbCanvas canvas = new RgbCanvas(WIDTH, HEIGHT, BACKGROUND);
        Frame frame = new Frame(canvas, title, legend, 0, xhi, lo, hi);
        frame.drawGrid();
        frame.clipToPlot();
        for (int i = 0; i < series.length; i++) {
            drawSeries(canvas, frame, series[i], seriesColor(i));
        }
        canvas.clearClip();
        frame.drawAxes("step");
        return canvas;
    }

    private static void drawSeries(RgbCanvas canvas, Frame frame, double[] values, int color) {
        boolean havePrevious = false;
        int px = 0;
        int py = 0;
        for (int j = 0; j < values.length; j++) {
            if (!Double.isFinite(values[j])) {
                havePrevious = false;
                continue;
            }
            int x = frame.px(j);
            int y = frame.py(values[j]);
            if (havePrevious) {
                canvas.line(px, py, x, y, 2, color);
            } else {
                canvas.fillRect(x - 1, y - 1, 2, 2, color); // visible even if isolated
            }
            px = x;
            py = y;
            havePrevious = true;
        }
    }

    private static void drawCurve(RgbCanvas canvas, Frame frame, DoubleUnaryOperator f, int color) {
        boolean havePrevious = false;
        int py = 0;
        for (int x = frame.plotLeft(); x <= frame.plotRight(); x++) {
            double y = f.applyAsDouble(frame.dataX(x));
            if (!Double.isFinite(y)) {
                havePrevious = false;
                continue;
            }
            int yPixel = frame.py(y);
            if (havePrevious) {
                canvas.line(x - 1, py, x, yPixel, 2, color);
            }
            py = yPixel;
            havePrevious = true;
        }
    }

    /** The plot area, the data-to-pixel mapping, axes, ticks, grid, title and legend band. */
    private static final class Frame {
        private static final int TEXT = 2;   // font scale for all chart text
        private static final int TICK = 5;   // tick mark length in pixels
        private static final int MAX_TICKS = 8;
        private static final int TITLE_Y = 16;

        private final RgbCanvas canvas;
        private final String title;
        private final Legend legend;
        private final double xlo;
        private final double xhi;
        private final double ylo;
        private final double yhi;
        private final double[] xTicks;
        private final double[] yTicks;
        private final double xStep;
        private final double yStep;
        private final int left;
        private final int right;
        private final int top;
        private final int bottom;

        Frame(RgbCanvas canvas, String title, Legend legend, double xlo, double xhi, double ylo, double yhi) {
            this.canvas = canvas;
            this.title = title;
            this.legend = legend;
            this.xlo = xlo;
            this.xhi = xhi;
            this.ylo = ylo;
            this.yhi = yhi;
            xStep = Ticks.step(xlo, xhi, MAX_TICKS);
            yStep = Ticks.step(ylo, yhi, MAX_TICKS);
            xTicks = Ticks.values(xlo, xhi, xStep);
            yTicks = Ticks.values(ylo, yhi, yStep);
            int labelWidth = 0;
            for (double y : yTicks) {
                labelWidth = Math.max(labelWidth, RgbCanvas.textWidth(Ticks.format(y, yStep), TEXT));
            }
            // Room for the widest y label on the left and half an x label on the right.
            left = 16 + labelWidth + TICK + 4;
            right = canvas.width() - 30;
            // Title, then the legend band, then the plot, so the legend never hides data.
            top = TITLE_Y + RgbCanvas.textHeight(TEXT) + 10 + legend.height(right - left) + 12;
            bottom = canvas.height() - 52;
        }

        int plotLeft() {
            return left;
        }

        int plotRight() {
            return right;
        }

        int plotBottom() {
            return bottom;
        }

        int px(double x) {
            return (int) Math.round(left + (x - xlo) / (xhi - xlo) * (right - left));
        }

        int py(double y) {
            double p = bottom - (y - ylo) / (yhi - ylo) * (bottom - top);
            // Clamp far-off values so that int conversion cannot wrap around.
            return (int) Math.round(Math.max(-10_000, Math.min(10_000, p)));
        }

        double dataX(int px) {
            return xlo + (px - left) * (xhi - xlo) / (right - left);
        }

        void clipToPlot() {
            canvas.clip(left, top, right - left + 1, bottom - top + 1);
        }

        void drawGrid() {
            for (double x : xTicks) {
                canvas.fillRect(px(x), top, 1, bottom - top, GRID);
            }
            for (double y : yTicks) {
                canvas.fillRect(left, py(y), right - left, 1, GRID);
            }
        }

        void drawAxes(String xLabel) {
            int textH = RgbCanvas.textHeight(TEXT);
            canvas.fillRect(left, bottom, right - left + 1, 1, AXIS);
            canvas.fillRect(left, top, 1, bottom - top + 1, AXIS);
            for (double x : xTicks) {
                int p = px(x);
                String label = Ticks.format(x, xStep);
                canvas.fillRect(p, bottom + 1, 1, TICK, AXIS);
                canvas.text(label, p - RgbCanvas.textWidth(label, TEXT) / 2, bottom + TICK + 4, TEXT, AXIS);
            }
            for (double y : yTicks) {
                int p = py(y);
                String label = Ticks.format(y, yStep);
                canvas.fillRect(left - TICK, p, TICK, 1, AXIS);
                canvas.text(label, left - TICK - 4 - RgbCanvas.textWidth(label, TEXT), p - textH / 2, TEXT, AXIS);
            }
            if (xLabel != null) {
                canvas.text(xLabel, right - RgbCanvas.textWidth(xLabel, TEXT), bottom + TICK + 8 + textH, TEXT, AXIS);
            }
            canvas.text(title, (canvas.width() - RgbCanvas.textWidth(title, TEXT)) / 2, TITLE_Y, TEXT, AXIS);
            legend.draw(canvas, left, right, TITLE_Y + textH + 10);
        }
    }

    /**
     * Colour swatches with labels, laid out left to right in a band above the plot and wrapped
     * into more rows when they do not fit.
     */
    private static final class Legend {
        private static final int TEXT = 2;
        private static final int SWATCH = 22;
        private static final int SPACING = 24;
        private static final int ROW = RgbCanvas.textHeight(TEXT) + 6;
        private final List<Entry> entries = new ArrayList<>();

        private record Entry(String label, int color, boolean filled) {
            int width() {
                return SWATCH + 6 + RgbCanvas.textWidth(label, TEXT);
            }
        }

        void add(String label, int color, boolean filled) {
            entries.add(new Entry(label, color, filled));
        }

        /** Splits the entries into rows no wider than {@code width}. */
        private List<List<Entry>> rows(int width) {
            List<List<Entry>> rows = new ArrayList<>();
            List<Entry> row = null;
            int used = 0;
            for (Entry e : entries) {
                if (row == null || used + SPACING + e.width() > width) {
                    row = new ArrayList<>();
                    rows.add(row);
                    used = e.width();
                } else {
                    used += SPACING + e.width();
                }
                row.add(e);
            }
            return rows;
        }

        int height(int width) {
            return rows(width).size() * ROW;
        }

        /** Draws the rows centred between {@code left} and {@code right}, starting at {@code top}. */
        void draw(RgbCanvas canvas, int left, int right, int top) {
            int y = top;
            for (List<Entry> row : rows(right - left)) {
                int rowWidth = -SPACING;
                for (Entry e : row) {
                    rowWidth += SPACING + e.width();
                }
                int x = left + (right - left - rowWidth) / 2;
                for (Entry e : row) {
                    int textH = RgbCanvas.textHeight(TEXT);
                    if (e.filled()) {
                        canvas.fillRect(x, y, SWATCH, textH, e.color());
                    } else {
                        canvas.fillRect(x, y + textH / 2 - 1, SWATCH, 3, e.color());
                    }
                    canvas.text(e.label(), x + SWATCH + 6, y, TEXT, AXIS);
                    x += e.width() + SPACING;
                }
                y += ROW;
            }
        }
    }
}

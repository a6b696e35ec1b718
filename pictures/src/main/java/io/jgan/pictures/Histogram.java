package io.jgan.pictures;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.statistics.HistogramType;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A histogram of generated values with the target density drawn over it, scaled to counts per bin,
 * written as a {@value #WIDTH}x{@value #HEIGHT} PNG. Non-finite values are left out (and out of the
 * count in the legend) rather than breaking the scale.
 */
public final class Histogram {
    /** Chart width in pixels. */
    public static final int WIDTH = 800;
    /** Chart height in pixels. */
    public static final int HEIGHT = 500;

    private static final Color BAR = new Color(0x4C78A8);
    private static final Color CURVE = new Color(0xD62728);
    private static final int CURVE_POINTS = 400;

    static {
        PngFile.init();
    }

    private Histogram() {
    }

    /**
     * Draws the histogram of the first {@code n} values and atomically writes it as a PNG.
     *
     * @param file    the PNG file to create or replace; missing parent directories are created
     * @param values  the samples; only the first {@code n} are used and non-finite ones are skipped
     * @param n       number of values to use, 0 to {@code values.length}
     * @param bins    number of equal-width bins over the range of the values, at least 1
     * @param density a probability density function, scaled to the histogram's counts
     *                (count per bin = samples * bin width * pdf); {@code null} for no curve
     * @param title   the chart title
     * @throws IOException if the file cannot be written; an old file is then left as it was
     */
    public static void write(Path file, float[] values, int n, int bins, DoubleUnaryOperator density, String title)
            throws IOException {
        PngFile.write(file, render(values, n, bins, density, title));
    }

    /**
     * Draws the histogram described in {@link #write} without writing it.
     *
     * @param values  the samples
     * @param n       number of values to use
     * @param bins    number of bins
     * @param density a pdf to draw over the bars, or {@code null}
     * @param title   the chart title
     * @return the picture, {@value #WIDTH}x{@value #HEIGHT}
     * @throws IllegalArgumentException if {@code n} is out of range or {@code bins < 1}
     */
    public static BufferedImage render(float[] values, int n, int bins, DoubleUnaryOperator density, String title) {
        return chart(values, n, bins, density, title).createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB,
                null);
    }

    /** The chart before drawing: dataset 0 holds the bars, dataset 1 (if any) the density curve. */
    static JFreeChart chart(float[] values, int n, int bins, DoubleUnaryOperator density, String title) {
        if (n < 0 || n > values.length) {
            throw new IllegalArgumentException("n must be in [0, " + values.length + "], got " + n);
        }
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be positive, got " + bins);
        }
        double[] finite = new double[n];
        int used = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (Float.isFinite(values[i])) {
                finite[used++] = values[i];
                lo = Math.min(lo, values[i]);
                hi = Math.max(hi, values[i]);
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
        HistogramDataset bars = new HistogramDataset();
        bars.setType(HistogramType.FREQUENCY);
        bars.addSeries("samples (n=" + used + ")", Arrays.copyOf(finite, used), bins, lo, hi);

        JFreeChart chart = ChartFactory.createHistogram(title, "value", "count per bin", bars,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYBarRenderer barRenderer = (XYBarRenderer) plot.getRenderer();
        barRenderer.setBarPainter(new StandardXYBarPainter());
        barRenderer.setShadowVisible(false);
        barRenderer.setSeriesPaint(0, BAR);
        barRenderer.setMargin(bins <= 100 ? 0.1 : 0); // separate bars when there is room
        if (density != null) {
            double scale = used * (hi - lo) / bins; // turns a pdf value into an expected count per bin
            XYSeries curve = new XYSeries("density", false, true);
            for (int i = 0; i <= CURVE_POINTS; i++) {
                double x = lo + (hi - lo) * i / CURVE_POINTS;
                double y = scale * density.applyAsDouble(x);
                curve.add(x, Double.isFinite(y) ? Double.valueOf(y) : null, false);
            }
            plot.setDataset(1, new XYSeriesCollection(curve));
            XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
            line.setSeriesPaint(0, CURVE);
            line.setSeriesStroke(0, ChartStyle.LINE);
            plot.setRenderer(1, line);
        }
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setAutoRangeIncludesZero(false);
        ChartStyle.apply(chart);
        return chart;
    }
}

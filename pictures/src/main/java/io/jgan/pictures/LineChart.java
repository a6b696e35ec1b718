package io.jgan.pictures;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A line chart of one or more series against training progress, for example the discriminator's and
 * the generator's loss against the epoch, written as a {@value #WIDTH}x{@value #HEIGHT} PNG.
 *
 * <pre>{@code
 * new LineChart("D and G loss", "epoch", "loss")
 *         .add("D loss", epochs, dLoss)
 *         .add("G loss", epochs, gLoss)
 *         .write(out.resolve("losses.png"));
 * }</pre>
 *
 * <p>The x values are what the run counts (steps, or epochs with fractions for points logged within an
 * epoch), never the index of a logged point. A non-finite y leaves a gap in its line instead of breaking
 * the scale; a single point is drawn as a dot.
 */
public final class LineChart {
    /** Chart width in pixels. */
    public static final int WIDTH = 800;
    /** Chart height in pixels. */
    public static final int HEIGHT = 500;

    static {
        PngFile.init();
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<XYSeries> series = new ArrayList<>();

    /**
     * An empty chart.
     *
     * @param title the title above the plot
     * @param xLabel the x axis label, for example {@code "epoch"} or {@code "step"}
     * @param yLabel the y axis label, for example {@code "loss"}
     */
    public LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /**
     * Adds a series, drawn in the next colour and named in the legend.
     *
     * @param name the legend label; unique within the chart
     * @param x the x values, as many as {@code y}, finite
     * @param y the y values; NaN and infinities leave a gap
     * @return this chart
     * @throws IllegalArgumentException if the lengths differ, an x is not finite, or the name is taken
     */
    public LineChart add(String name, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': " + x.length + " x values for " + y.length
                    + " y values");
        }
        for (XYSeries s : series) {
            if (s.getKey().equals(name)) {
                throw new IllegalArgumentException("two series named '" + name + "'");
            }
        }
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("series '" + name + "': x[" + i + "] is " + x[i]);
            }
            s.add(x[i], Double.isFinite(y[i]) ? Double.valueOf(y[i]) : null, false);
        }
        series.add(s);
        return this;
    }

    /**
     * Draws the chart.
     *
     * @return the picture, {@value #WIDTH}x{@value #HEIGHT}
     */
    public BufferedImage render() {
        return chart().createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB, null);
    }

    /** The chart before drawing, one dataset series per added series. */
    JFreeChart chart() {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, ChartStyle.color(i));
            renderer.setSeriesStroke(i, ChartStyle.LINE);
            // A lone point between gaps has no line to show it: give such series dots.
            renderer.setSeriesShapesVisible(i, hasIsolatedPoint(series.get(i)));
        }
        renderer.setDrawSeriesLineAsPath(false);
        plot.setRenderer(renderer);
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setAutoRangeIncludesZero(false);
        ChartStyle.apply(chart);
        return chart;
    }

    private static boolean hasIsolatedPoint(XYSeries s) {
        int n = s.getItemCount();
        for (int i = 0; i < n; i++) {
            boolean here = s.getY(i) != null;
            boolean before = i > 0 && s.getY(i - 1) != null;
            boolean after = i + 1 < n && s.getY(i + 1) != null;
            if (here && !before && !after) {
                return true;
            }
        }
        return false;
    }

    /**
     * Draws the chart and atomically writes it as a PNG.
     *
     * @param file the PNG file to create or replace; missing parent directories are created
     * @throws IOException if the file cannot be written; an old file is then left as it was
     */
    public void write(Path file) throws IOException {
        PngFile.write(file, render());
    }
}

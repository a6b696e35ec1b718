package io.jgan.pictures;

import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Points in the plane, one colour per series, on square axes with a fixed range (so that two plots
 * of the same range compare at a glance): e.g. real and generated samples of a 2-D GAN.
 *
 * <pre>{@code
 * new ScatterPlot("after 4000 steps", -2.6, 2.6).add("real", real).add("generated", fake).write(path);
 * }</pre>
 */
public final class ScatterPlot {
    /** Image width and height in pixels. */
    public static final int SIZE = 600;

    static {
        PngFile.init();
    }

    private final String title;
    private final double min;
    private final double max;
    private final List<XYSeries> series = new ArrayList<>();

    /**
     * An empty plot over [min, max] on both axes.
     *
     * @param title the title
     * @param min the axes' lower end
     * @param max the axes' upper end
     */
    public ScatterPlot(String title, double min, double max) {
        if (!(min < max)) {
            throw new IllegalArgumentException("the range must be non-empty, was " + min + ".." + max);
        }
        this.title = title;
        this.min = min;
        this.max = max;
    }

    /**
     * Adds a series of points; non-finite ones are left out.
     *
     * @param name its legend
     * @param xy x, y, x, y, ...
     * @return this
     */
    public ScatterPlot add(String name, float[] xy) {
        if (xy.length % 2 != 0) {
            throw new IllegalArgumentException("series '" + name + "': " + xy.length + " values are not (x, y) pairs");
        }
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i + 1 < xy.length; i += 2) {
            if (Float.isFinite(xy[i]) && Float.isFinite(xy[i + 1])) {
                s.add(xy[i], xy[i + 1], false);
            }
        }
        series.add(s);
        return this;
    }

    /** {@return the plot as an image} */
    public BufferedImage render() {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createScatterPlot(title, "x", "y", data, PlotOrientation.VERTICAL, true,
                false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, ChartStyle.color(i));
            renderer.setSeriesShape(i, new Ellipse2D.Double(-1.5, -1.5, 3, 3));
        }
        plot.setRenderer(renderer);
        plot.getDomainAxis().setRange(min, max);
        plot.getRangeAxis().setRange(min, max);
        ChartStyle.apply(chart);
        return chart.createBufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB, null);
    }

    /**
     * Writes the plot as a PNG file (atomically).
     *
     * @param file the file
     * @throws IOException if it cannot be written
     */
    public void write(Path file) throws IOException {
        PngFile.write(file, render());
    }
}

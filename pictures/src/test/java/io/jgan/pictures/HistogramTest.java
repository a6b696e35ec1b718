package io.jgan.pictures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistogramTest {
    private static final int BAR = 0x4C78A8;
    private static final int CURVE = 0xD62728;
    private static final DoubleUnaryOperator STANDARD_NORMAL = x -> Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);

    @TempDir
    Path dir;

    private static float[] gaussian(int n, long seed) {
        Random random = new Random(seed);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    @Test
    void theDensityCurveIsScaledToCountsPerBin() {
        JFreeChart chart = Histogram.chart(gaussian(20_000, 1), 20_000, 40, STANDARD_NORMAL, "N(0,1)");
        IntervalXYDataset bars = (IntervalXYDataset) chart.getXYPlot().getDataset(0);
        XYDataset curve = chart.getXYPlot().getDataset(1);

        double tallestBar = 0;
        for (int b = 0; b < bars.getItemCount(0); b++) {
            tallestBar = Math.max(tallestBar, bars.getYValue(0, b));
        }
        double curveTop = 0;
        for (int i = 0; i < curve.getItemCount(0); i++) {
            curveTop = Math.max(curveTop, curve.getYValue(0, i));
        }
        assertEquals(40, bars.getItemCount(0));
        assertEquals(tallestBar, curveTop, 0.1 * tallestBar);
    }

    @Test
    void barsAndCurveAreDrawnInTheirColours() {
        BufferedImage image = Histogram.render(gaussian(20_000, 1), 20_000, 40, STANDARD_NORMAL, "N(0,1)");

        assertEquals(Histogram.WIDTH, image.getWidth());
        assertEquals(Histogram.HEIGHT, image.getHeight());
        assertTrue(Pixels.count(image, BAR) > 20_000, "bars");
        assertTrue(Pixels.count(image, CURVE) > 500, "curve");
        assertEquals(0, Pixels.count(Histogram.render(gaussian(1000, 2), 1000, 20, null, "no curve"), CURVE));
    }

    @Test
    void onlyTheFirstNFiniteValuesAreCounted() {
        float[] values = {1, 2, Float.NaN, Float.POSITIVE_INFINITY, 3, 1000};
        JFreeChart chart = Histogram.chart(values, 5, 3, null, "x");
        IntervalXYDataset bars = (IntervalXYDataset) chart.getXYPlot().getDataset(0);

        assertEquals("samples (n=3)", bars.getSeriesKey(0));
        for (int b = 0; b < 3; b++) {
            assertEquals(1.0, bars.getYValue(0, b), "bin " + b);
        }
        assertNull(chart.getXYPlot().getDataset(1));
    }

    @Test
    void constantAndEmptyInputStillRender() {
        IntervalXYDataset constant = (IntervalXYDataset) Histogram.chart(new float[] {2, 2, 2}, 3, 10, null, "c")
                .getXYPlot().getDataset(0);
        double total = 0;
        for (int b = 0; b < constant.getItemCount(0); b++) {
            total += constant.getYValue(0, b);
        }
        assertEquals(3.0, total);
        assertEquals(Histogram.WIDTH, Histogram.render(new float[0], 0, 10, STANDARD_NORMAL, "empty").getWidth());
    }

    @Test
    void badArgumentsAreRefusedWithAMessage() {
        assertEquals("n must be in [0, 2], got 3", assertThrows(IllegalArgumentException.class,
                () -> Histogram.render(new float[2], 3, 10, null, "")).getMessage());
        assertEquals("bins must be positive, got 0", assertThrows(IllegalArgumentException.class,
                () -> Histogram.render(new float[2], 2, 0, null, "")).getMessage());
    }

    @Test
    void writeProducesAPng() throws IOException {
        Path file = dir.resolve("h.png");
        Histogram.write(file, gaussian(100, 3), 100, 10, STANDARD_NORMAL, "t");
        assertEquals(Histogram.HEIGHT, ImageIO.read(file.toFile()).getHeight());
    }
}

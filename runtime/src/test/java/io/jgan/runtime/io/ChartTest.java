package io.jgan.runtime.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartTest {

    private static final DoubleUnaryOperator STANDARD_NORMAL =
            x -> Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);

    /** Below the title and a one-row legend band. */
    private static final int PLOT_TOP = 70;

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

    /** Pixels of colour {@code rgb} in the plot, i.e. below the title and legend band. */
    private static int count(RgbCanvas canvas, int rgb) {
        int n = 0;
        for (int y = PLOT_TOP; y < canvas.height(); y++) {
            for (int x = 0; x < canvas.width(); x++) {
                if (canvas.rgb(x, y) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Topmost row of the plot having {@code rgb} within columns [x0, x1), or -1. */
    private static int topmost(RgbCanvas canvas, int rgb, int x0, int x1) {
        for (int y = PLOT_TOP; y < canvas.height(); y++) {
            for (int x = x0; x < x1; x++) {
                if (canvas.rgb(x, y) == rgb) {
                    return y;
                }
            }
        }
        return -1;
    }

    @Test
    void histogramDensityCurveIsScaledToTheBars() {
        RgbCanvas chart = Chart.renderHistogram(gaussian(20_000, 1), 20_000, 40, STANDARD_NORMAL, "N(0,1)");
        assertEquals(Chart.WIDTH, chart.width());
        assertEquals(Chart.HEIGHT, chart.height());
        assertTrue(count(chart, Chart.BAR) > 20_000, "bars are drawn");
        assertTrue(count(chart, Chart.CURVE) > 500, "the density curve is drawn");
        // Near the mode the scaled pdf should sit at the top of the tallest bars.
        int barTop = topmost(chart, Chart.BAR, Chart.WIDTH / 3, 2 * Chart.WIDTH / 3);
        int curveTop = topmost(chart, Chart.CURVE, Chart.WIDTH / 3, 2 * Chart.WIDTH / 3);
        assertTrue(Math.abs(barTop - curveTop) < 20, "curve top " + curveTop + " vs bar top " + barTop);
    }

    @Test
    void histogramWithoutDensityHasNoCurve() {
        RgbCanvas chart = Chart.renderHistogram(gaussian(1000, 2), 1000, 20, null, "samples only");
        assertEquals(0, count(chart, Chart.CURVE));
        assertTrue(count(chart, Chart.BAR) > 0);
    }

    @Test
    void histogramUsesOnlyFirstNAndSkipsNonFiniteValues() {
        float[] values = {1, 2, Float.NaN, Float.POSITIVE_INFINITY, 3, 1000};
        RgbCanvas chart = Chart.renderHistogram(values, 5, 3, null, "x");
        // Three finite values over [1, 3] in three bins: three separate bars of equal height.
        int row = Chart.HEIGHT - 60; // just above the x axis
        java.util.List<int[]> runs = new java.util.ArrayList<>();
        for (int x = 0; x < Chart.WIDTH; x++) {
            if (chart.rgb(x, row) == Chart.BAR) {
                if (runs.isEmpty() || runs.get(runs.size() - 1)[1] != x - 1) {
                    runs.add(new int[] {x, x});
                }
                runs.get(runs.size() - 1)[1] = x;
            }
        }
        assertEquals(3, runs.size(), "bar count");
        int top = topmost(chart, Chart.BAR, runs.get(0)[0], runs.get(0)[1] + 1);
        for (int[] run : runs) {
            assertEquals(top, topmost(chart, Chart.BAR, run[0], run[1] + 1));
        }
    }

    @Test
    void histogramOfConstantOrEmptyInputStillRenders() {
        assertTrue(count(Chart.renderHistogram(new float[] {2, 2, 2}, 3, 10, null, "const"), Chart.BAR) > 0);
        assertEquals(0, count(Chart.renderHistogram(new float[0], 0, 10, null, "empty"), Chart.BAR));
    }

    @Test
    void titleIsDrawnInTheTopBand() {
        RgbCanvas withTitle = Chart.renderHistogram(new float[] {1, 2}, 2, 2, null, "TITLE");
        RgbCanvas without = Chart.renderHistogram(new float[] {1, 2}, 2, 2, null, "");
        int withInk = 0;
        int withoutInk = 0;
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < Chart.WIDTH; x++) {
                withInk += withTitle.rgb(x, y) == Chart.AXIS ? 1 : 0;
                withoutInk += without.rgb(x, y) == Chart.AXIS ? 1 : 0;
            }
        }
        assertEquals(0, withoutInk);
        assertTrue(withInk > 50, "title pixels: " + withInk);
    }

    @Test
    void legendWrapsManySeriesAndPushesThePlotDown() {
        String[] names = new String[8];
        double[][] series = new double[8][];
        for (int i = 0; i < 8; i++) {
            names[i] = "series number " + i;
            series[i] = new double[] {i, i + 1};
        }
        RgbCanvas many = Chart.renderLines("many", names, series);
        RgbCanvas one = Chart.renderLines("one", new String[] {"a"}, new double[][] {{0, 1}});
        int manyTop = yAxisTop(many);
        int oneTop = yAxisTop(one);
        assertTrue(oneTop > 0 && manyTop > oneTop, "y axis starts at " + manyTop + " vs " + oneTop);
        // each series' swatch is in the legend band above the plot
        for (int i = 0; i < 8; i++) {
            int colour = Chart.seriesColor(i);
            boolean found = false;
            for (int y = 0; y < manyTop && !found; y++) {
                for (int x = 0; x < Chart.WIDTH && !found; x++) {
                    found = many.rgb(x, y) == colour;
                }
            }
            assertTrue(found, "legend swatch of series " + i);
        }
    }

    /** Top row of the y axis: the start of the longest vertical black run in the left part. */
    private static int yAxisTop(RgbCanvas canvas) {
        int bestLength = 0;
        int bestStart = -1;
        for (int x = 0; x < 200; x++) {
            int run = 0;
            for (int y = 0; y < canvas.height(); y++) {
                run = canvas.rgb(x, y) == Chart.AXIS ? run + 1 : 0;
                if (run > bestLength) {
                    bestLength = run;
                    bestStart = y - run + 1;
                }
            }
        }
        return bestStart;
    }

    @Test
    void linesDrawEachSeriesInItsOwnColourWithTheRightTrend() {
        int n = 500;
        double[] falling = new double[n];
        double[] rising = new double[n];
        for (int i = 0; i < n; i++) {
            falling[i] = 2.0 * Math.exp(-i / 100.0);
            rising[i] = 0.1 + i / 500.0;
        }
        RgbCanvas chart = Chart.renderLines("losses", new String[] {"d_loss", "g_loss"}, new double[][] {falling, rising});
        int c0 = Chart.seriesColor(0);
        int c1 = Chart.seriesColor(1);
        assertTrue(c0 != c1);
        assertTrue(count(chart, c0) > 300);
        assertTrue(count(chart, c1) > 300);
        // falling starts high on the left; rising ends high on the right
        int leftTop = topmost(chart, c0, 90, 140);
        int rightTop = topmost(chart, c0, 650, 750);
        assertTrue(leftTop < rightTop, "falling series: left " + leftTop + " right " + rightTop);
        int risingLeft = topmost(chart, c1, 90, 140);
        int risingRight = topmost(chart, c1, 650, 750);
        assertTrue(risingRight < risingLeft, "rising series: left " + risingLeft + " right " + risingRight);
    }

    @Test
    void linesTolerateGapsConstantsAndEmptySeries() {
        double[] withGaps = {1, Double.NaN, 3, Double.POSITIVE_INFINITY, 2};
        RgbCanvas chart = Chart.renderLines("t", new String[] {"a", "b", "c"},
                new double[][] {withGaps, {5, 5, 5}, {}});
        assertTrue(count(chart, Chart.seriesColor(0)) > 0);
        assertTrue(count(chart, Chart.seriesColor(1)) > 0);
        assertThrows(IllegalArgumentException.class,
                () -> Chart.renderLines("t", new String[] {"a"}, new double[][] {{1}, {2}}));
    }

    @Test
    void seriesColoursAreDistinctForTenSeries() {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int i = 0; i < 10; i++) {
            colours.add(Chart.seriesColor(i));
        }
        assertEquals(10, colours.size());
        assertEquals(Chart.seriesColor(0), Chart.seriesColor(10));
    }

    @Test
    void writtenFilesAreDecodablePngs() throws IOException {
        Path hist = dir.resolve("hist.png");
        Path lines = dir.resolve("lines.png");
        Chart.histogram(hist, gaussian(500, 3), 500, 25, STANDARD_NORMAL, "hist");
        Chart.lines(lines, "lines", new String[] {"x"}, new double[][] {{1, 2, 3}});
        for (Path file : new Path[] {hist, lines}) {
            BufferedImage image = ImageIO.read(file.toFile());
            assertNotNull(image);
            assertEquals(Chart.WIDTH, image.getWidth());
            assertEquals(Chart.HEIGHT, image.getHeight());
        }
    }

    @Test
    void rejectsBadHistogramArguments() {
        assertThrows(IllegalArgumentException.class, () -> Chart.renderHistogram(new float[2], 3, 10, null, "t"));
        assertThrows(IllegalArgumentException.class, () -> Chart.renderHistogram(new float[2], 2, 0, null, "t"));
    }
}

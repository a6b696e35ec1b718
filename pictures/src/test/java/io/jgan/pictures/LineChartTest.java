package io.jgan.pictures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.data.Range;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineChartTest {
    private static final int FIRST = 0x1F77B4;
    private static final int SECOND = 0xFF7F0E;

    @TempDir
    Path dir;

    /** A falling and a rising series logged every 50 steps from step 50 to step 25000. */
    private static LineChart losses() {
        int n = 500;
        double[] steps = new double[n];
        double[] falling = new double[n];
        double[] rising = new double[n];
        for (int i = 0; i < n; i++) {
            steps[i] = 50.0 * (i + 1);
            falling[i] = 2.0 * Math.exp(-i / 100.0);
            rising[i] = 0.1 + i / 500.0;
        }
        return new LineChart("losses", "step", "loss").add("D loss", steps, falling).add("G loss", steps, rising);
    }

    @Test
    void theXAxisShowsTheStepsNotTheIndexOfALoggedPoint() {
        JFreeChart chart = losses().chart();
        Range x = chart.getXYPlot().getDomainAxis().getRange();

        assertTrue(x.getLowerBound() >= 0 && x.getLowerBound() <= 50, x::toString);
        assertTrue(x.getUpperBound() >= 25_000 && x.getUpperBound() < 26_500, x::toString);
        assertEquals("step", chart.getXYPlot().getDomainAxis().getLabel());
        assertEquals("loss", chart.getXYPlot().getRangeAxis().getLabel());
        assertEquals("losses", chart.getTitle().getText());
        assertEquals(2, chart.getLegend().getSources()[0].getLegendItems().getItemCount());
    }

    @Test
    void eachSeriesIsDrawnInItsOwnColourWithTheRightTrend() {
        BufferedImage image = losses().render();

        assertEquals(LineChart.WIDTH, image.getWidth());
        assertEquals(LineChart.HEIGHT, image.getHeight());
        assertTrue(Pixels.count(image, FIRST) > 300);
        assertTrue(Pixels.count(image, SECOND) > 300);
        // Rows grow downwards: the falling series sits higher (smaller row) on the left than on the right.
        double fallingLeft = Pixels.meanRow(image, FIRST, 100, 200);
        double fallingRight = Pixels.meanRow(image, FIRST, 650, 750);
        assertTrue(fallingLeft < fallingRight - 100, fallingLeft + " vs " + fallingRight);
        double risingLeft = Pixels.meanRow(image, SECOND, 100, 200);
        double risingRight = Pixels.meanRow(image, SECOND, 650, 750);
        assertTrue(risingRight < risingLeft - 100, risingLeft + " vs " + risingRight);
    }

    @Test
    void nonFiniteValuesLeaveGapsAndConstantOrEmptySeriesStillRender() {
        LineChart chart = new LineChart("t", "epoch", "v")
                .add("a", new double[] {1, 2, 3, 4, 5}, new double[] {1, Double.NaN, 3, Double.POSITIVE_INFINITY, 2})
                .add("b", new double[] {1, 2, 3}, new double[] {5, 5, 5})
                .add("c", new double[0], new double[0]);
        XYDataset data = chart.chart().getXYPlot().getDataset();

        assertNull(data.getY(0, 1));
        assertNull(data.getY(0, 3));
        assertEquals(3.0, data.getYValue(0, 2));
        BufferedImage image = chart.render();
        assertTrue(Pixels.count(image, FIRST) > 0);
        assertTrue(Pixels.count(image, SECOND) > 0);
    }

    @Test
    void badSeriesAreRefusedWithAMessage() {
        LineChart chart = new LineChart("t", "step", "v").add("a", new double[] {1}, new double[] {1});

        assertEquals("series 'b': 2 x values for 1 y values", assertThrows(IllegalArgumentException.class,
                () -> chart.add("b", new double[] {1, 2}, new double[] {1})).getMessage());
        assertEquals("two series named 'a'", assertThrows(IllegalArgumentException.class,
                () -> chart.add("a", new double[] {1}, new double[] {1})).getMessage());
        assertEquals("series 'c': x[0] is NaN", assertThrows(IllegalArgumentException.class,
                () -> chart.add("c", new double[] {Double.NaN}, new double[] {1})).getMessage());
    }

    @Test
    void writeReplacesTheFileAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("sub/losses.png");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "old");

        losses().write(file);

        BufferedImage decoded = ImageIO.read(file.toFile());
        assertEquals(LineChart.WIDTH, decoded.getWidth());
        assertEquals(LineChart.HEIGHT, decoded.getHeight());
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(1, files.count());
        }
    }

    /** The picture gets the permissions of any new file, not the owner-only ones of a JDK temp file. */
    @Test
    void theFileHasDefaultPermissions() throws IOException {
        Path plain = Files.createFile(dir.resolve("plain"));
        Path file = dir.resolve("losses.png");

        losses().write(file);

        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file));
        }
    }

    @Test
    void anUnwritableTargetFailsWithIoExceptionAndKeepsNothingBehind() throws IOException {
        Path notADirectory = dir.resolve("file");
        Files.writeString(notADirectory, "x");

        assertThrows(IOException.class, () -> losses().write(notADirectory.resolve("losses.png")));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }
}

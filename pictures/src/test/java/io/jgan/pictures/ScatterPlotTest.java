package io.jgan.pictures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScatterPlotTest {
    private static final int FIRST = 0x1F77B4;
    private static final int SECOND = 0xFF7F0E;

    @TempDir
    Path dir;

    private static int count(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += (image.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void drawsEachSeriesInItsColourInsideTheFixedRange() throws Exception {
        float[] left = new float[200];
        float[] right = new float[200];
        for (int i = 0; i < 100; i++) {
            left[2 * i] = -1.5f + i * 0.001f;
            left[2 * i + 1] = (i % 10) * 0.1f;
            right[2 * i] = 1.5f;
            right[2 * i + 1] = -1f + (i % 20) * 0.1f;
        }
        Path file = dir.resolve("scatter.png");
        new ScatterPlot("points", -2, 2).add("left", left).add("right", right).add("none", new float[] {Float.NaN, 0})
                .write(file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(ScatterPlot.SIZE, image.getWidth());
        assertTrue(count(image, FIRST) > 50, "first series drawn");
        assertTrue(count(image, SECOND) > 50, "second series drawn");
        // The left series is drawn left of the centre, the right one right of it.
        int mid = image.getWidth() / 2;
        int firstRight = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = mid; x < image.getWidth(); x++) {
                firstRight += (image.getRGB(x, y) & 0xFFFFFF) == FIRST ? 1 : 0;
            }
        }
        assertTrue(firstRight < 20, "the left series stays left: " + firstRight);
        assertThrows(IllegalArgumentException.class, () -> new ScatterPlot("x", 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new ScatterPlot("x", 0, 1).add("odd", new float[3]));
    }
}

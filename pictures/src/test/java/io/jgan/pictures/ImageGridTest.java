package io.jgan.pictures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageGridTest {

    @TempDir
    Path dir;

    /** Five 3x4 images; image i has value (i - 2) / 2 everywhere, except pixel (0,0) = -1 and (2,3) = 1. */
    private static float[] fiveImages() {
        float[] images = new float[5 * 12];
        for (int i = 0; i < 5; i++) {
            for (int p = 0; p < 12; p++) {
                images[i * 12 + p] = (i - 2) / 2f;
            }
            images[i * 12] = -1;
            images[i * 12 + 11] = 1;
        }
        return images;
    }

    @Test
    void layoutHasGapsAndScaledTiles() {
        BufferedImage grid = ImageGrid.render(fiveImages(), 5, 3, 4, 3, -1, 1, 2);
        // 3 columns of 8 px + 2 gaps, 2 rows of 6 px + 1 gap
        assertEquals(3 * 8 + 2 * ImageGrid.GAP, grid.getWidth());
        assertEquals(2 * 6 + ImageGrid.GAP, grid.getHeight());

        int tileStepX = 8 + ImageGrid.GAP;
        int tileStepY = 6 + ImageGrid.GAP;
        for (int i = 0; i < 5; i++) {
            int left = (i % 3) * tileStepX;
            int top = (i / 3) * tileStepY;
            int expected = Math.round(((i - 2) / 2f + 1) * 127.5f);
            // interior pixel (row 1, col 1) scaled 2x covers a 2x2 block
            for (int dy = 0; dy < 2; dy++) {
                for (int dx = 0; dx < 2; dx++) {
                    assertEquals(expected, grid.getRaster().getSample(left + 2 + dx, top + 2 + dy, 0), "image " + i);
                }
            }
            assertEquals(0, grid.getRaster().getSample(left, top, 0), "min maps to black");
            assertEquals(255, grid.getRaster().getSample(left + 7, top + 5, 0), "max maps to white");
        }
        // gap columns between tiles and the unused sixth cell use the gap colour
        assertEquals(ImageGrid.GAP_GRAY, grid.getRaster().getSample(8, 0, 0));
        assertEquals(ImageGrid.GAP_GRAY, grid.getRaster().getSample(9, 5, 0));
        assertEquals(ImageGrid.GAP_GRAY, grid.getRaster().getSample(0, 6, 0));
        assertEquals(ImageGrid.GAP_GRAY, grid.getRaster().getSample(2 * tileStepX + 3, tileStepY + 3, 0));
    }

    @Test
    void clampsOutOfRangeValuesAndDrawsNanBlack() {
        float[] image = {-5, 5, Float.NaN, 0};
        BufferedImage grid = ImageGrid.render(image, 1, 2, 2, 1, -1, 1, 1);
        assertEquals(0, grid.getRaster().getSample(0, 0, 0));
        assertEquals(255, grid.getRaster().getSample(1, 0, 0));
        assertEquals(0, grid.getRaster().getSample(0, 1, 0));
        assertEquals(128, grid.getRaster().getSample(1, 1, 0));
    }

    @Test
    void honoursCustomRange() {
        BufferedImage grid = ImageGrid.render(new float[] {0, 0.5f, 1}, 1, 1, 3, 1, 0, 1, 1);
        assertEquals(0, grid.getRaster().getSample(0, 0, 0));
        assertEquals(128, grid.getRaster().getSample(1, 0, 0));
        assertEquals(255, grid.getRaster().getSample(2, 0, 0));
    }

    @Test
    void columnsAreCappedByCount() {
        BufferedImage grid = ImageGrid.render(new float[8], 2, 2, 2, 10, -1, 1, 1);
        assertEquals(2 * 2 + ImageGrid.GAP, grid.getWidth());
        assertEquals(2, grid.getHeight());
    }

    @Test
    void writtenPngDecodesToTheRenderedPixels() throws IOException {
        Path file = dir.resolve("grid.png");
        ImageGrid.write(file, fiveImages(), 5, 3, 4, 2, -1, 1);
        BufferedImage expected = ImageGrid.render(fiveImages(), 5, 3, 4, 2, -1, 1, ImageGrid.DEFAULT_SCALE);
        BufferedImage decoded = ImageIO.read(file.toFile());
        assertEquals(expected.getWidth(), decoded.getWidth());
        assertEquals(expected.getHeight(), decoded.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertEquals(expected.getRaster().getSample(x, y, 0), decoded.getRaster().getSample(x, y, 0));
            }
        }
    }

    /** The default makes a 28x28 sample at least 56 pixels wide. */
    @Test
    void theDefaultScaleIsAtLeastTwo() throws IOException {
        Path file = dir.resolve("fashion.png");
        ImageGrid.write(file, new float[2 * 28 * 28], 2, 28, 28, 2, -1, 1);
        BufferedImage decoded = ImageIO.read(file.toFile());
        assertTrue(ImageGrid.DEFAULT_SCALE >= 2);
        assertEquals(2 * 28 * ImageGrid.DEFAULT_SCALE + ImageGrid.GAP, decoded.getWidth());
        assertEquals(28 * ImageGrid.DEFAULT_SCALE, decoded.getHeight());
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.render(new float[11], 1, 3, 4, 1, -1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.render(new float[12], 1, 3, 4, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.render(new float[12], 1, 3, 4, 0, -1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.render(new float[12], 1, 3, 4, 1, -1, 1, 0));
    }
}

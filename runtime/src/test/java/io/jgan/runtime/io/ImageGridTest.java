package io.jgan.runtime.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        GrayImage grid = ImageGrid.render(fiveImages(), 5, 3, 4, 3, -1, 1, 2);
        // 3 columns of 8 px + 2 gaps, 2 rows of 6 px + 1 gap
        assertEquals(3 * 8 + 2 * ImageGrid.GAP, grid.width());
        assertEquals(2 * 6 + ImageGrid.GAP, grid.height());

        int tileStepX = 8 + ImageGrid.GAP;
        int tileStepY = 6 + ImageGrid.GAP;
        for (int i = 0; i < 5; i++) {
            int left = (i % 3) * tileStepX;
            int top = (i / 3) * tileStepY;
            int expected = Math.round(((i - 2) / 2f + 1) * 127.5f);
            // interior pixel (row 1, col 1) scaled 2x covers a 2x2 block
            for (int dy = 0; dy < 2; dy++) {
                for (int dx = 0; dx < 2; dx++) {
                    assertEquals(expected, grid.gray(left + 2 + dx, top + 2 + dy), "image " + i);
                }
            }
            assertEquals(0, grid.gray(left, top), "min maps to black");
            assertEquals(255, grid.gray(left + 7, top + 5), "max maps to white");
        }
        // gap columns between tiles and the unused sixth cell use the gap colour
        assertEquals(ImageGrid.GAP_GRAY, grid.gray(8, 0));
        assertEquals(ImageGrid.GAP_GRAY, grid.gray(9, 5));
        assertEquals(ImageGrid.GAP_GRAY, grid.gray(0, 6));
        assertEquals(ImageGrid.GAP_GRAY, grid.gray(2 * tileStepX + 3, tileStepY + 3));
    }

    @Test
    void clampsOutOfRangeValuesAndDrawsNanBlack() {
        float[] image = {-5, 5, Float.NaN, 0};
        GrayImage grid = ImageGrid.render(image, 1, 2, 2, 1, -1, 1, 1);
        assertEquals(0, grid.gray(0, 0));
        assertEquals(255, grid.gray(1, 0));
        assertEquals(0, grid.gray(0, 1));
        assertEquals(128, grid.gray(1, 1));
    }

    @Test
    void honoursCustomRange() {
        GrayImage grid = ImageGrid.render(new float[] {0, 0.5f, 1}, 1, 1, 3, 1, 0, 1, 1);
        assertEquals(0, grid.gray(0, 0));
        assertEquals(128, grid.gray(1, 0));
        assertEquals(255, grid.gray(2, 0));
    }

    @Test
    void columnsAreCappedByCount() {
        GrayImage grid = ImageGrid.render(new float[8], 2, 2, 2, 10, -1, 1, 1);
        assertEquals(2 * 2 + ImageGrid.GAP, grid.width());
        assertEquals(2, grid.height());
    }

    @Test
    void writtenPngDecodesToTheRenderedPixels() throws IOException {
        Path file = dir.resolve("grid.png");
        ImageGrid.write(file, fiveImages(), 5, 3, 4, 2, -1, 1);
        GrayImage expected = ImageGrid.render(fiveImages(), 5, 3, 4, 2, -1, 1, 1);
        BufferedImage decoded = ImageIO.read(file.toFile());
        assertEquals(expected.width(), decoded.getWidth());
        assertEquals(expected.height(), decoded.getHeight());
        for (int y = 0; y < expected.height(); y++) {
            for (int x = 0; x < expected.width(); x++) {
                assertEquals(expected.gray(x, y), decoded.getRaster().getSample(x, y, 0));
            }
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.render(new float[11], 1, 3, 4, 1, -1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.render(new float[12], 1, 3, 4, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.render(new float[12], 1, 3, 4, 0, -1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.render(new float[12], 1, 3, 4, 1, -1, 1, 0));
    }
}

package io.jgan.pictures;

import java.awt.image.BufferedImage;

/** Pixel counts in rendered pictures; anti-aliased edges blend, so colours match within a distance. */
final class Pixels {
    private Pixels() {
    }

    static boolean near(int rgb, int color) {
        int dr = ((rgb >> 16) & 0xFF) - ((color >> 16) & 0xFF);
        int dg = ((rgb >> 8) & 0xFF) - ((color >> 8) & 0xFF);
        int db = (rgb & 0xFF) - (color & 0xFF);
        return dr * dr + dg * dg + db * db < 20 * 20;
    }

    /** Pixels near {@code color} in columns [x0, x1). */
    static int count(BufferedImage image, int color, int x0, int x1) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = x0; x < x1; x++) {
                n += near(image.getRGB(x, y), color) ? 1 : 0;
            }
        }
        return n;
    }

    static int count(BufferedImage image, int color) {
        return count(image, color, 0, image.getWidth());
    }

    /** Mean row of the pixels near {@code color} in columns [x0, x1), or NaN if none. */
    static double meanRow(BufferedImage image, int color, int x0, int x1) {
        long sum = 0;
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = x0; x < x1; x++) {
                if (near(image.getRGB(x, y), color)) {
                    sum += y;
                    n++;
                }
            }
        }
        return n == 0 ? Double.NaN : (double) sum / n;
    }
}

package io.jgan.runtime;

/**
 * Moves a batch between the two layouts of generated networks: a {@link Network}'s own
 * {@code input} and {@code output} hold one sample's values together ([batch, width]), while a
 * network of narrow layers keeps its activations one array per feature ([width][batch]) so that its
 * loops run over the batch. A network with one value per sample needs neither: its single feature
 * array is the flat array itself.
 */
public final class Transpose {
    private Transpose() {}

    /**
     * Copies [batch, width] into [width][batch]: {@code features[j][b] = samples[b * width + j]}.
     *
     * @param samples the batch, one sample's values together
     * @param features one array per feature, each at least {@code batch} long; width is its length
     * @param batch how many samples
     */
    public static void toFeatures(float[] samples, float[][] features, int batch) {
        final int width = features.length;
        for (int j = 0; j < width; j++) {
            final float[] row = features[j];
            for (int b = 0; b < batch; b++) {
                row[b] = samples[b * width + j];
            }
        }
    }

    /**
     * Copies [width][batch] into [batch, width]: {@code samples[b * width + j] = features[j][b]}.
     *
     * @param features one array per feature; width is its length
     * @param samples where the batch goes, one sample's values together
     * @param batch how many samples
     */
    public static void toSamples(float[][] features, float[] samples, int batch) {
        final int width = features.length;
        for (int j = 0; j < width; j++) {
            final float[] row = features[j];
            for (int b = 0; b < batch; b++) {
                samples[b * width + j] = row[b];
            }
        }
    }
}

package io.jgan.samples.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.Network;
import io.jgan.runtime.Rng;
import io.jgan.runtime.data.RealData;
import io.jgan.runtime.io.NpyArray;
import io.jgan.runtime.io.TorchExport;
import io.jgan.runtime.optim.Adam;
import io.jgan.runtime.train.GanTrainer;
import io.jgan.runtime.train.TrainingConfig;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The images sample's DCGAN: three iterations replayed against PyTorch (recorded by
 * {@code src/test/python/dcgan_reference.py} from parameters, noise and data given by a formula both
 * sides evaluate), and a short run on generated images that resumes bit for bit.
 */
class DcganTest {
    private static final int BATCH = 128;

    @TempDir
    Path dir;

    /** As the script: ((k * 7919 + seed * 104729) % 2001 - 1000) / 1000, rounded to float. */
    static float[] value(int n, long seed, float scale, float shift) {
        float[] v = new float[n];
        for (long k = 0; k < n; k++) {
            v[(int) k] = (float) (((k * 7919 + seed * 104729L) % 2001 - 1000) / 1000.0) * scale + shift;
        }
        return v;
    }

    /** The script's initial parameters: weights 0.05 value, batch-norm weights 1 + 0.1 value, biases 0.1 value. */
    static void initialise(Network network, int seed) {
        Map<String, NpyArray> sd = new LinkedHashMap<>();
        int k = 0;
        for (Map.Entry<String, NpyArray> e : TorchExport.stateDict(network).entrySet()) {
            String key = e.getKey();
            int[] shape = e.getValue().shape();
            int n = e.getValue().data().length;
            float[] v;
            if (key.endsWith(".bias")) {
                v = value(n, seed + k++, 0.1f, 0f);
            } else if (key.endsWith(".weight")) {
                v = shape.length == 1 ? value(n, seed + k++, 0.1f, 1f) : value(n, seed + k++, 0.05f, 0f);
            } else {
                v = e.getValue().data(); // running statistics as initialize() left them
            }
            sd.put(key, NpyArray.of(v, shape));
        }
        TorchExport.load(network, sd);
    }

    static RealData replay(List<float[]> batches, int size) {
        return new RealData() {
            private int next;

            @Override
            public int sampleSize() {
                return size;
            }

            @Override
            public void next(float[] dst, int n, Rng rng) {
                float[] b = batches.get(next++);
                assertEquals(b.length, n * size);
                System.arraycopy(b, 0, dst, 0, b.length);
            }
        };
    }

    /**
     * A recorded PyTorch run: each iteration's D and G loss, and each tensor's line (name, size, sum,
     * sum of |values|, 16 entries).
     */
    record Reference(List<float[]> losses, Map<String, String[]> tensors) {
        static Reference read(String resource) throws IOException {
            List<float[]> losses = new ArrayList<>();
            Map<String, String[]> tensors = new LinkedHashMap<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    DcganTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    String[] parts = line.trim().split(" ");
                    if (parts[0].equals("losses")) {
                        losses.add(new float[] {Float.parseFloat(parts[1]), Float.parseFloat(parts[2])});
                    } else {
                        tensors.put(parts[0], parts);
                    }
                }
            }
            return new Reference(losses, tensors);
        }
    }

    @Test
    void matchesPyTorchIterationForIteration() throws IOException {
        Reference reference = Reference.read("/dcgan_reference.txt");
        List<float[]> losses = reference.losses();
        Map<String, String[]> tensors = reference.tensors();
        Network g = new Dcgan_Generator(BATCH);
        Network d = new Dcgan_Discriminator(BATCH);
        g.initialize(new Rng(1));
        d.initialize(new Rng(2));
        initialise(g, 10);
        initialise(d, 50);
        List<float[]> real = new ArrayList<>();
        List<float[]> noise = new ArrayList<>();
        for (int i = 0; i < losses.size(); i++) {
            real.add(value(BATCH * 784, 1000 + i, 1f, 0f));
            noise.add(value(BATCH * 100, 2000 + 2 * i, 1.5f, 0f));
            noise.add(value(BATCH * 100, 2001 + 2 * i, 1.5f, 0f));
        }
        GanTrainer trainer = new GanTrainer(g, d, new Adam(g, 2e-4, 0.5, 0.999), new Adam(d, 2e-4, 0.5, 0.999),
                replay(real, 784), TrainingConfig.defaults(BATCH), new Rng(0));
        trainer.replaceNoise(replay(noise, 100));
        for (float[] expected : losses) {
            trainer.iterate();
            assertEquals(expected[0], trainer.stats().discriminatorLoss, 2e-5, "D loss");
            assertEquals(expected[1], trainer.stats().generatorLoss, 2e-5, "G loss");
        }
        compare("g.", g, tensors);
        compare("d.", d, tensors);
    }

    /** Each tensor's sum, sum of |values| and 16 entries against PyTorch's. */
    static void compare(String prefix, Network network, Map<String, String[]> torch) {
        for (Map.Entry<String, NpyArray> e : TorchExport.stateDict(network).entrySet()) {
            String[] t = torch.get(prefix + e.getKey());
            assertTrue(t != null, "PyTorch has no " + prefix + e.getKey());
            float[] v = e.getValue().data();
            assertEquals(Integer.parseInt(t[1]), v.length, e.getKey());
            double sum = 0;
            double abs = 0;
            for (float x : v) {
                sum += x;
                abs += Math.abs(x);
            }
            double scale = Double.parseDouble(t[3]);
            assertEquals(Double.parseDouble(t[2]), sum, 1e-5 * scale + 1e-6, e.getKey() + " sum");
            assertEquals(scale, abs, 1e-5 * scale + 1e-6, e.getKey() + " sum of |values|");
            int picks = Math.min(16, v.length);
            for (int j = 0; j < picks; j++) {
                float expected = Float.parseFloat(t[4 + j]);
                float actual = v.length >= 16 ? v[(int) ((long) j * v.length / 16)] : v[j];
                assertEquals(expected, actual, 1e-5f * Math.max(1f, Math.abs(expected)), e.getKey() + " entry " + j);
            }
        }
    }

    /** 128 generated 28 x 28 images: a bright square at a random place on noise (one batch per epoch). */
    private static float[] images() {
        Rng rng = new Rng(9);
        float[] x = new float[128 * 784];
        for (int n = 0; n < 128; n++) {
            int r = rng.nextInt(20);
            int c = rng.nextInt(20);
            for (int p = 0; p < 784; p++) {
                int y = p / 28;
                int z = p % 28;
                x[n * 784 + p] = y >= r && y < r + 8 && z >= c && z < c + 8 ? 1f : -1f + 0.3f * rng.nextFloat();
            }
        }
        return x;
    }

    private ImageGan gan(Path out, int epochs, boolean resume) throws IOException {
        ImageGan.Settings s = new ImageGan.Settings(ImageModel.DCGAN, 5, false, epochs, 1, out, resume);
        return new ImageGan(s, images(), 28, 28, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
    }

    @Test
    void aShortRunWritesItsFilesAndResumesBitForBit() throws Exception {
        Path straight = dir.resolve("straight");
        List<ImageGan.EpochSummary> epochs = gan(straight, 2, false).run();
        for (ImageGan.EpochSummary e : epochs) {
            assertTrue(Double.isFinite(e.dLoss()) && Double.isFinite(e.gLoss()), e.toString());
        }
        Path resumed = dir.resolve("resumed");
        gan(resumed, 1, false).run();
        gan(resumed, 2, true).run();
        for (String f : List.of("checkpoint.jgan", "log.csv", "samples_epoch_002.png")) {
            assertArrayEquals(Files.readAllBytes(straight.resolve(f)), Files.readAllBytes(resumed.resolve(f)), f);
        }
    }
}

package io.jgan.samples.ring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.Rng;
import io.jgan.runtime.io.Npy;
import io.jgan.runtime.train.TrainingRun;
import io.jgan.samples.Jgan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The eight Gaussians on a ring (radius 2, std 0.02), a spec that is not a sample's, trained with
 * the settings docs/making-a-gan-train.md recommends, through the API and through {@code jgan train}
 * from a CSV file. The quality measure: modes covered (at least 2% of the points within 0.2 of the
 * mode's centre) and the share of all points within 0.2 of some centre.
 */
class RingTest {
    static final int STEPS = 3000;

    @TempDir
    Path dir;

    @Test
    void recommendedSettingsCoverTheModesWhereTheDefaultsCollapse() throws Exception {
        List<RingData.Quality> recommended = new ArrayList<>();
        for (long seed = 1; seed <= 2; seed++) {
            TrainingRun run = RingGan.run(RingGan.Settings.RECOMMENDED, seed, STEPS);
            run.run();
            recommended.add(RingData.quality(RingGan.samples(run)));
        }
        // Measured: seeds 1, 2 give 6/8 and 6/8 modes, near 0.78 and 0.85 on the Vector API kernels, 4/8 and
        // 6/8, near 0.77 and 0.85 on the plain ones (they round differently): the bound holds on both.
        for (RingData.Quality q : recommended) {
            assertTrue(q.modesCovered() >= 4 && q.nearShare() >= 0.7, recommended.toString());
        }
        TrainingRun defaults = RingGan.run(RingGan.Settings.DEFAULTS, 1, STEPS);
        defaults.run();
        RingData.Quality q = RingData.quality(RingGan.samples(defaults));
        assertTrue(q.modesCovered() <= 1 && q.nearShare() < 0.1, q.toString()); // 0/8 and 0.000 on both paths
    }

    @Test
    void theCommandLineFromACsvFileTrainsExactlyAsTheApi() throws Exception {
        long seed = 1;
        int steps = 600;
        float[] rows = RingData.sample(RingGan.ROWS, new Rng(1000 + seed));
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < RingGan.ROWS; i++) {
            csv.append(rows[2 * i]).append(',').append(rows[2 * i + 1]).append('\n');
        }
        Path data = Files.writeString(dir.resolve("ring.csv"), csv);
        Path out = dir.resolve("run");
        Path samples = dir.resolve("samples.npy");
        PrintStream old = System.out;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(said, true, StandardCharsets.UTF_8));
            assertEquals(0, Jgan.commandLine().execute("train", "--spec", RingSpec.class.getName(), "--data",
                    data.toString(), "--steps", Integer.toString(steps), "--d-steps", "3", "--g-lr", "1e-3", "--d-lr",
                    "5e-4", "--real-label", "0.9", "--ema", "0.995", "--threads", "1", "--out", out.toString()));
            assertEquals(0, Jgan.commandLine().execute("sample", "--checkpoint", out.resolve("generator.jgan")
                    .toString(), "--n", Integer.toString(RingGan.SAMPLES), "--seed", "77", "--out", samples.toString()));
        } finally {
            System.setOut(old);
        }
        TrainingRun api = RingGan.run(RingGan.Settings.RECOMMENDED, seed, steps);
        api.run();
        assertArrayEquals(RingGan.samples(api), Npy.read(samples).data(), said.toString(StandardCharsets.UTF_8));
    }
}

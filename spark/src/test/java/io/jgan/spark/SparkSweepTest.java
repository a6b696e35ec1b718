package io.jgan.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.Network;
import io.jgan.runtime.Rng;
import io.jgan.runtime.train.Checkpoint;
import io.jgan.runtime.sweep.GanNetworks;
import io.jgan.runtime.sweep.LocalSweep;
import io.jgan.runtime.sweep.Score;
import io.jgan.runtime.sweep.SettingsGrid;
import io.jgan.runtime.sweep.ShardedSampler;
import io.jgan.runtime.sweep.SweepPlan;
import io.jgan.runtime.sweep.SweepResults;
import io.jgan.runtime.sweep.TrialResult;
import io.jgan.runtime.sweep.TrialSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same plan on Spark as on {@link LocalSweep}: the same bytes, the same table, retries included. */
class SparkSweepTest {

    /** Four short trials on the ring: two settings (one with an averaged generator) times two seeds. */
    static SweepPlan plan(Score score) {
        List<TrialSettings> settings = SettingsGrid.from(TrialSettings.defaults().withSteps(200))
                .averageDecays(List.of(0.0, 0.99))
                .settings();
        return new SweepPlan(GanNetworks.ofSpec(Ring.class.getName()), Ring.data(1024), List.of(3L, 4L), settings,
                score);
    }

    private static Path dir;
    private static SweepResults local;
    private static SparkSession spark;

    @BeforeAll
    static void localSweepAndSpark(@TempDir Path tmp) throws Exception {
        dir = tmp;
        local = LocalSweep.run(plan(Ring.score()), dir.resolve("local"), 2, r -> { });
        // local[2, 2]: two task slots, and two attempts per task (a retry after one failure).
        spark = SparkSession.builder().master("local[2,2]").appName("jgan-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void sparkGivesTheLocalSweepsCheckpointsAndTable() throws Exception {
        Dataset<Row> rows = SparkSweep.sweep(spark, plan(Ring.score()), dir.resolve("spark").toUri().toString());
        assertEquals(Files.readString(dir.resolve("local/results.csv")), Files.readString(dir.resolve("spark/results.csv")));
        for (TrialResult r : local.rows()) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("local").resolve(r.checkpoint())),
                    Files.readAllBytes(dir.resolve("spark").resolve(r.checkpoint())), "trial " + r.trialId());
        }
        List<Row> collected = rows.orderBy("trial").collectAsList();
        assertEquals(4, collected.size());
        for (int k = 0; k < 4; k++) {
            assertEquals(local.rows().get(k).sha256(), collected.get(k).getAs("sha256"));
            assertEquals(local.rows().get(k).score(), (double) collected.get(k).getAs("modes_covered"));
        }
    }

    @Test
    void generateOnSparkEqualsTheLocalSampler() throws Exception {
        TrialResult averaged = local.rows().get(2);
        Path checkpoint = dir.resolve("local").resolve(averaged.checkpoint());
        Network g = ShardedSampler.generator(Checkpoint.read(checkpoint));
        float[] expected = ShardedSampler.generate(g, 5000, 7, 3);
        List<Row> samples = SparkSamples.generate(spark, checkpoint.toUri().toString(), 5000, 7, 3).collectAsList();
        assertEquals(5000, samples.size());
        for (int s = 0; s < 5000; s++) {
            assertEquals(expected[2 * s], (float) samples.get(s).getAs("x0"), "sample " + s);
            assertEquals(expected[2 * s + 1], (float) samples.get(s).getAs("x1"), "sample " + s);
        }
        // The averaged generator, not the last parameters, is sampled.
        Network last = GanNetworks.ofSpec(Ring.class.getName()).generator(ShardedSampler.BATCH);
        Checkpoint.read(checkpoint).restoreGenerator(last);
        assertFalse(Arrays.equals(expected, ShardedSampler.generate(last, 5000, 7, 3)));

        // Parquet holds the same values (in the files' order, so compared sorted).
        String parquet = dir.resolve("samples.parquet").toUri().toString();
        SparkSamples.writeParquet(spark, checkpoint.toUri().toString(), 5000, 7, 3, parquet);
        List<Row> read = spark.read().parquet(parquet).collectAsList();
        float[] x0 = new float[read.size()];
        for (int s = 0; s < x0.length; s++) {
            x0[s] = read.get(s).getAs("x0");
        }
        float[] want = new float[5000];
        for (int s = 0; s < 5000; s++) {
            want[s] = expected[2 * s];
        }
        Arrays.sort(x0);
        Arrays.sort(want);
        assertArrayEquals(want, x0);
    }

    /** A score that fails a task's first attempt, after its checkpoint is written. */
    record FailsFirstAttempt(Score score) implements Score {
        @Override
        public double score(Network generator, Rng rng) {
            TaskContext task = TaskContext.get();
            if (task != null && task.attemptNumber() == 0) {
                throw new IllegalStateException("injected failure of the first attempt");
            }
            return score.score(generator, rng);
        }

        @Override
        public String name() {
            return score.name();
        }
    }

    @Test
    void aRetriedTrialWritesTheSameBytes() throws Exception {
        // Each first attempt fails after writing its checkpoint; the retry writes it again.
        SweepResults retried = SparkSweep.run(spark, plan(new FailsFirstAttempt(Ring.score())),
                dir.resolve("retried").toUri().toString());
        assertEquals(local.toCsv(), retried.toCsv());
        for (TrialResult r : local.rows()) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("local").resolve(r.checkpoint())),
                    Files.readAllBytes(dir.resolve("retried").resolve(r.checkpoint())));
        }
        // No temporary file is left: each was renamed into place.
        try (var files = Files.walk(dir.resolve("retried"))) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")));
        }
    }
}

package io.jgan.runtime.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.Network;
import io.jgan.runtime.train.Checkpoint;
import io.jgan.runtime.io.Checksums;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSweepTest {
    private static final float[] DATA = LineGan.data(512);

    private static SweepPlan plan() {
        List<TrialSettings> settings = SettingsGrid.from(TrialSettings.defaults().withBatchSize(32).withSteps(400))
                .learningRates(List.of(2e-2, 2e-4), List.of(2e-2))
                .averageDecays(List.of(0.0, 0.99))
                .settings();
        return new SweepPlan(new LineGan(), DataSource.rows(DATA, 1), List.of(5L, 6L), settings,
                new MarginalKs(DATA, 1, 500));
    }

    @Test
    void aTrialsSeedAndSettingsFollowFromItsIdAlone() {
        SweepPlan plan = plan();
        assertEquals(8, plan.size());
        Trial t = plan.trial(3); // settings 3 / 2 seeds = 1, seed 3 % 2 = 1
        assertEquals(6L, t.seed());
        assertEquals(2e-2, t.settings().generatorLearningRate()); // grid: lr_g slowest, then decay
        assertEquals(0.99, t.settings().averageDecay());
        assertEquals(plan.trials().get(3), t);
        assertThrows(IllegalArgumentException.class, () -> plan.trial(8));
    }

    @Test
    void aSeedListedTwiceOrAnUnknownLossIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> new SweepPlan(new LineGan(),
                DataSource.rows(DATA, 1), List.of(1L, 1L), List.of(TrialSettings.defaults()), new MarginalKs(DATA, 1, 10)));
        assertTrue(e.getMessage().contains("listed twice"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrialSettings.defaults().withLoss("nonsense"));
        assertTrue(e.getMessage().contains("unknown loss 'nonsense'"), e.getMessage());
    }

    @Test
    void threadsAndOrderDoNotChangeAnyBit(@TempDir Path dir) throws Exception {
        SweepPlan plan = plan();
        List<TrialResult> seen = Collections.synchronizedList(new ArrayList<>());
        SweepResults one = LocalSweep.run(plan, dir.resolve("one"), 1, r -> { });
        SweepResults two = LocalSweep.run(plan, dir.resolve("two"), 2, seen::add);
        assertEquals(one.toCsv(), two.toCsv());
        assertEquals(8, seen.size());
        assertEquals(Files.readString(dir.resolve("one/results.csv")), Files.readString(dir.resolve("two/results.csv")));
        for (TrialResult r : two.rows()) {
            Path file = dir.resolve("two").resolve(r.checkpoint());
            assertEquals(r.sha256(), Checksums.sha256Hex(file));
            assertArrayEquals(Files.readAllBytes(dir.resolve("one").resolve(r.checkpoint())), Files.readAllBytes(file));
        }
        // Different seeds and settings train different networks.
        assertNotEquals(two.rows().get(0).sha256(), two.rows().get(1).sha256());
        assertNotEquals(two.rows().get(0).sha256(), two.rows().get(2).sha256());
    }

    @Test
    void resultsAreSortedBestFirstAndTheCheckpointHoldsTheScoredGenerator(@TempDir Path dir) throws Exception {
        SweepResults results = LocalSweep.run(plan(), dir, 2, r -> { });
        List<TrialResult> sorted = results.sorted();
        for (int k = 1; k < sorted.size(); k++) {
            assertTrue(sorted.get(k - 1).score() <= sorted.get(k).score()); // a distance: lower first
        }
        TrialResult best = results.best();
        assertTrue(best.score() < sorted.get(sorted.size() - 1).score() - 0.1, results.table());
        String table = results.table();
        assertTrue(table.lines().skip(1).findFirst().orElseThrow().contains(best.settings().describe()), table);
        // The checkpoint holds the scored generator: sampling it again gives the same score.
        Checkpoint c = Checkpoint.read(dir.resolve(best.checkpoint()));
        Network g = new LineGan().generator(ShardedSampler.BATCH);
        c.restoreGenerator(g);
        if (best.settings().averageDecay() > 0) {
            System.arraycopy(c.getFloats(TrialTrainer.AVERAGE_ENTRY), 0, g.parameters(), 0, 2);
        }
        assertEquals(best.score(), plan().score().score(g, new io.jgan.runtime.Rng(TrialTrainer.scoreSeed(best.seed()))));
    }

    @Test
    void csvQuotesFieldsWithCommasAndKeepsExactNumbers() {
        TrialResult r = new TrialResult(0, 1, TrialSettings.defaults(), 0.1 + 0.2, 0.5, 0.25, "trial-0/checkpoint.jgan",
                "ab", "auto-vectorised", "development", "diverged: at 3, \"loss\"");
        String csv = new SweepResults("ks", false, List.of(r)).toCsv();
        String row = csv.lines().skip(1).findFirst().orElseThrow();
        assertTrue(row.contains(",0.30000000000000004,"), row);
        assertTrue(row.endsWith(",\"diverged: at 3, \"\"loss\"\"\""), row);
        assertEquals(SweepResults.COLUMNS.size(), csv.lines().findFirst().orElseThrow().split(",").length);
    }

    @Test
    void resultsFromTwoKernelPathsAreRefused() {
        TrialResult vector = new TrialResult(0, 1, TrialSettings.defaults(), 1, 0.5, 0.25, "trial-0/checkpoint.jgan",
                "ab", "vector-api", "development", "");
        TrialResult plain = new TrialResult(1, 2, TrialSettings.defaults(), 1, 0.5, 0.25, "trial-1/checkpoint.jgan",
                "cd", "auto-vectorised", "development", "");
        new SweepResults("ks", false, List.of(vector, vector)).requireOneKernelPath();
        var e = assertThrows(IllegalStateException.class,
                () -> new SweepResults("ks", false, List.of(vector, plain)).requireOneKernelPath());
        assertTrue(e.getMessage().contains("[auto-vectorised, vector-api]"), e.getMessage());
    }

    @Test
    void partitionsDependOnTheSeedAndTheirNumberOnly() {
        Network g = new LineGan().generator(ShardedSampler.BATCH);
        g.initialize(new io.jgan.runtime.Rng(1));
        long total = 0;
        for (int p = 0; p < 3; p++) {
            total += ShardedSampler.count(10, 3, p);
        }
        assertEquals(10, total);
        assertEquals(4, ShardedSampler.count(10, 3, 0));
        float[] all = ShardedSampler.generate(g, 2500, 9, 3);
        float[] p1 = ShardedSampler.partition(g, 2500, 9, 3, 1);
        assertArrayEquals(p1, java.util.Arrays.copyOfRange(all, 834, 834 + 833));
        assertArrayEquals(all, ShardedSampler.generate(g, 2500, 9, 3));
        assertNotEquals(all[0], ShardedSampler.generate(g, 2500, 10, 3)[0]);
    }

    @Test
    void settingsDescribeEveryDigitOfALearningRate() {
        assertEquals("lr_g=2e-04 lr_d=1.5E-4 betas=0.5,0.999 bce d1g1 b64 2000 steps avg=0.998",
                TrialSettings.defaults().withLearningRates(2e-4, 1.5e-4).withBetas(0.5, 0.999).withAverageDecay(0.998)
                        .describe());
    }

    @Test
    void ksDistanceOfSamplesIsZeroForEqualAndOneForDisjoint() {
        assertEquals(0, MarginalKs.distance(new float[] {1, 2, 3}, new float[] {1, 2, 3}));
        assertEquals(1, MarginalKs.distance(new float[] {1, 2}, new float[] {5, 6}));
        assertEquals(0.5, MarginalKs.distance(new float[] {1, 2}, new float[] {2, 3}), 1e-12);
    }
}

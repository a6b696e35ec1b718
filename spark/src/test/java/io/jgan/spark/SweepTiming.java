package io.jgan.spark;

import io.jgan.runtime.sweep.GanNetworks;
import io.jgan.runtime.sweep.LocalSweep;
import io.jgan.runtime.sweep.SettingsGrid;
import io.jgan.runtime.sweep.SweepPlan;
import io.jgan.runtime.sweep.SweepResults;
import io.jgan.runtime.sweep.TrialSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * The figures of docs/sweeps.md (not a test): {@code local OUT}, {@code spark OUT} (a 16-trial ring
 * sweep, on this machine's cores or on Spark local[2] including its start-up) and
 * {@code parquet CHECKPOINT OUT} (one million samples to Parquet on local[2]).
 */
public final class SweepTiming {
    private SweepTiming() {}

    static SweepPlan plan() {
        List<TrialSettings> grid = SettingsGrid.from(TrialSettings.defaults().withSteps(3000))
                .learningRates(List.of(2e-4, 1e-3))
                .beta1(List.of(0.9, 0.5))
                .averageDecays(List.of(0.0, 0.999))
                .settings();
        return new SweepPlan(GanNetworks.ofSpec(Ring.class.getName()), Ring.data(4096), List.of(1L, 2L), grid,
                Ring.score());
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        if (args[0].equals("local")) {
            SweepResults r = LocalSweep.run(plan(), Path.of(args[1]), 2, t -> { });
            System.out.print(r.table());
            System.out.printf(Locale.ROOT, "local: 16 trials in %.1f s%n", (System.nanoTime() - start) / 1e9);
            return;
        }
        SparkSession spark = SparkSession.builder().master("local[2]").appName("timing")
                .config("spark.ui.enabled", "false").getOrCreate();
        double startup = (System.nanoTime() - start) / 1e9;
        long work = System.nanoTime();
        if (args[0].equals("spark")) {
            SweepResults r = SparkSweep.run(spark, plan(), Path.of(args[1]).toUri().toString());
            System.out.print(r.table());
            System.out.printf(Locale.ROOT, "spark local[2]: start-up %.1f s, 16 trials in %.1f s, total %.1f s%n", startup,
                    (System.nanoTime() - work) / 1e9, (System.nanoTime() - start) / 1e9);
        } else {
            SparkSamples.writeParquet(spark, Path.of(args[1]).toUri().toString(), 1_000_000, 1, 2,
                    Path.of(args[2]).toUri().toString());
            System.out.printf(Locale.ROOT, "parquet: start-up %.1f s, 1M samples in %.1f s%n", startup,
                    (System.nanoTime() - work) / 1e9);
        }
        spark.stop();
    }
}

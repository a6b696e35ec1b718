package io.jgan.spark;

import io.jgan.runtime.sweep.GanNetworks;
import io.jgan.runtime.sweep.MarginalKs;
import io.jgan.runtime.sweep.Score;
import io.jgan.runtime.sweep.Seeds;
import io.jgan.runtime.sweep.SettingsGrid;
import io.jgan.runtime.sweep.SweepPlan;
import io.jgan.runtime.sweep.SweepResults;
import io.jgan.runtime.sweep.Table;
import io.jgan.runtime.sweep.TrialSettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * {@code jgan sweep} on a cluster, for {@code spark-submit}:
 * <pre>
 * spark-submit --class io.jgan.spark.SparkSweepMain --jars my-spec.jar jgan-spark.jar \
 *     --spec com.example.Ring --data hdfs:///data/ring.csv --seeds 1..100 --lr 2e-4,1e-3 --out hdfs:///sweeps/ring
 * </pre>
 * The options are those of {@code jgan sweep} ({@code --spec --data --seeds --lr --lr-g --lr-d --beta1
 * --loss --d-steps --batch --steps --average --score --score-samples --out}); {@code --data} and
 * {@code --out} are Hadoop file system URIs, and the data is a CSV file. The results are printed
 * sorted by score and written to {@code <out>/results.csv}.
 */
public final class SparkSweepMain {
    private static final Set<String> OPTIONS = Set.of("--spec", "--data", "--seeds", "--lr", "--lr-g", "--lr-d",
            "--beta1", "--loss", "--d-steps", "--batch", "--steps", "--average", "--score", "--score-samples", "--out");

    private SparkSweepMain() {}

    /**
     * Runs the sweep; a user error is one line on stderr and exit code 2 (options) or 1 (data, files).
     *
     * @param args the options
     */
    public static void main(String[] args) {
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("jgan sweep: " + e.getMessage());
            System.exit(2);
            return;
        }
        SparkSession spark = SparkSession.builder().appName("jgan sweep " + options.get("--spec")).getOrCreate();
        try {
            SweepPlan plan = plan(options, spark);
            long start = System.nanoTime();
            SweepResults results = SparkSweep.run(spark, plan, options.get("--out"));
            System.out.print(results.table());
            System.out.printf(Locale.ROOT, "%d runs in %.1f s; results in %s/results.csv%n", plan.size(),
                    (System.nanoTime() - start) / 1e9, options.get("--out"));
        } catch (IllegalArgumentException | IOException | java.io.UncheckedIOException e) {
            System.err.println("jgan sweep: " + e.getMessage());
            spark.stop();
            System.exit(1);
        } catch (RuntimeException e) {
            // A trial failed on every attempt: Spark's message holds the executor's stack trace.
            String message = String.valueOf(e.getMessage());
            System.err.println("jgan sweep: a trial failed: " + message.lines().findFirst().orElse(message)
                    + " (the executors' logs have the details)");
            spark.stop();
            System.exit(1);
        }
        spark.stop();
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>(Map.of("--seeds", "1", "--beta1", "0.9", "--loss", "bce",
                "--d-steps", "1", "--batch", "64", "--steps", "2000", "--average", "0", "--score-samples", "2000"));
        for (int k = 0; k < args.length; k += 2) {
            if (!OPTIONS.contains(args[k])) {
                throw new IllegalArgumentException("unknown option " + args[k] + "; the options are " + new java.util.TreeSet<>(OPTIONS));
            }
            if (k + 1 == args.length) {
                throw new IllegalArgumentException(args[k] + " needs a value");
            }
            options.put(args[k], args[k + 1]);
        }
        for (String required : List.of("--spec", "--data", "--out")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException(required + " is required");
            }
        }
        if (options.containsKey("--lr") && (options.containsKey("--lr-g") || options.containsKey("--lr-d"))) {
            throw new IllegalArgumentException("give either --lr or --lr-g/--lr-d, not both");
        }
        return options;
    }

    private static <T> List<T> list(Map<String, String> options, String name, Function<String, T> parse) {
        List<T> values = new ArrayList<>();
        for (String v : options.get(name).split(",")) {
            try {
                values.add(parse.apply(v.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " " + options.get(name) + ": '" + v + "' is not a number");
            }
        }
        return values;
    }

    static SweepPlan plan(Map<String, String> options, SparkSession spark) throws IOException {
        String rate = Double.toString(TrialSettings.defaults().generatorLearningRate());
        SettingsGrid grid = SettingsGrid.from(TrialSettings.defaults());
        if (options.containsKey("--lr")) {
            grid.learningRates(list(options, "--lr", Double::valueOf));
        } else {
            options.putIfAbsent("--lr-g", rate);
            options.putIfAbsent("--lr-d", rate);
            grid.learningRates(list(options, "--lr-g", Double::valueOf), list(options, "--lr-d", Double::valueOf));
        }
        List<TrialSettings> settings = grid.beta1(list(options, "--beta1", Double::valueOf))
                .losses(list(options, "--loss", s -> s))
                .discriminatorSteps(list(options, "--d-steps", Integer::valueOf))
                .batchSizes(list(options, "--batch", Integer::valueOf))
                .steps(list(options, "--steps", Long::valueOf))
                .averageDecays(list(options, "--average", Double::valueOf))
                .settings();
        String data = options.get("--data");
        Table table = Table.csv(spark.read().textFile(data).collectAsList(), data);
        Score score;
        if (options.containsKey("--score")) {
            try {
                score = (Score) Class.forName(options.get("--score")).getConstructor().newInstance();
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalArgumentException("--score " + options.get("--score") + " is not a Score class with a"
                        + " public constructor without arguments on the class path");
            }
        } else {
            score = new MarginalKs(table.rows(), table.width(), Integer.parseInt(options.get("--score-samples")));
        }
        return new SweepPlan(GanNetworks.ofSpec(options.get("--spec")), table.source(), Seeds.parse(options.get("--seeds")),
                settings, score);
    }
}

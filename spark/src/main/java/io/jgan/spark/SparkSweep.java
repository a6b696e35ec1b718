package io.jgan.spark;

import io.jgan.runtime.io.Checksums;
import io.jgan.runtime.sweep.LocalSweep;
import io.jgan.runtime.sweep.SweepPlan;
import io.jgan.runtime.sweep.SweepResults;
import io.jgan.runtime.sweep.TrialResult;
import io.jgan.runtime.sweep.TrialRun;
import io.jgan.runtime.sweep.TrialSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Runs a {@link SweepPlan} on a Spark cluster, one trial per task, with the same checkpoints and
 * results as {@link LocalSweep} on one machine:
 * <pre>{@code
 * Dataset<Row> results = SparkSweep.sweep(spark, plan, "hdfs:///sweeps/ring");
 * results.orderBy(col("modes_covered").desc()).show();
 * }</pre>
 *
 * <p>A trial's seed follows from the plan and its id, never from the partition, the attempt or
 * the executor, and a trial trains on one thread; so a retried or speculative attempt writes the
 * same bytes. Each checkpoint goes to {@code <out>/trial-<id>/checkpoint.jgan} through Hadoop's
 * {@code FileSystem} (a temporary file, then a rename), and the driver reads every checkpoint back
 * and checks its SHA-256 against the one its trial recorded before it writes
 * {@code <out>/results.csv}.
 */
public final class SparkSweep {
    private SparkSweep() {}

    /**
     * Runs every trial of {@code plan} as one Spark task.
     *
     * @param spark the session
     * @param plan the sweep (serialized to the executors: its data and score must be serializable)
     * @param outUri where the checkpoints and {@code results.csv} go: any Hadoop file system URI
     * @return the results, one row per trial by id, with the columns of {@link SweepResults#COLUMNS}
     * @throws UncheckedIOException if the output cannot be written or read back
     * @throws IllegalStateException if a checkpoint on the store does not have its trial's SHA-256
     */
    public static Dataset<Row> sweep(SparkSession spark, SweepPlan plan, String outUri) {
        SweepResults results = run(spark, plan, outUri);
        return toDataset(spark, results);
    }

    /**
     * Runs every trial of {@code plan} as one Spark task, and returns the results as jgan's table.
     *
     * @param spark the session
     * @param plan the sweep
     * @param outUri where the checkpoints and {@code results.csv} go
     * @return the results
     */
    public static SweepResults run(SparkSession spark, SweepPlan plan, String outUri) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        HadoopFiles files = new HadoopFiles(spark.sparkContext().hadoopConfiguration());
        HadoopCheckpointStore store = new HadoopCheckpointStore(outUri, files);
        List<Integer> ids = IntStream.range(0, plan.size()).boxed().toList();
        List<TrialResult> rows = context.parallelize(ids, ids.size())
                .map(id -> TrialRun.run(plan, id, store))
                .collect();
        SweepResults results = new SweepResults(plan.score().name(), plan.score().higherIsBetter(), rows);
        results.requireOneKernelPath();
        try {
            verify(results, outUri, files);
            files.writeAtomically(new Path(outUri, LocalSweep.RESULTS), results.toCsv().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish the sweep in " + outUri + ": " + e.getMessage(), e);
        }
        return results;
    }

    /** Every checkpoint on the store must be the one its trial hashed: a torn or stale file fails here. */
    private static void verify(SweepResults results, String outUri, HadoopFiles files) throws IOException {
        for (TrialResult r : results.rows()) {
            if (r.checkpoint().isEmpty()) {
                continue;
            }
            Path file = new Path(outUri, r.checkpoint());
            String stored = Checksums.sha256Hex(files.read(file));
            if (!stored.equals(r.sha256())) {
                throw new IllegalStateException(file + " has SHA-256 " + stored + " but trial " + r.trialId()
                        + " recorded " + r.sha256() + ": another writer changed it; run the sweep again into a new"
                        + " directory");
            }
        }
    }

    /**
     * {@return the results as a DataFrame: the CSV's columns, the score under its own name}
     *
     * @param spark the session
     * @param results a sweep's results
     */
    public static Dataset<Row> toDataset(SparkSession spark, SweepResults results) {
        List<StructField> fields = new ArrayList<>();
        List<DataType> types = List.of(DataTypes.IntegerType, DataTypes.LongType, DataTypes.DoubleType,
                DataTypes.DoubleType, DataTypes.DoubleType, DataTypes.DoubleType, DataTypes.StringType,
                DataTypes.IntegerType, DataTypes.IntegerType, DataTypes.IntegerType, DataTypes.LongType,
                DataTypes.DoubleType, DataTypes.DoubleType, DataTypes.DoubleType, DataTypes.DoubleType,
                DataTypes.StringType, DataTypes.StringType, DataTypes.StringType, DataTypes.StringType,
                DataTypes.StringType);
        for (int k = 0; k < types.size(); k++) {
            String name = SweepResults.COLUMNS.get(k);
            fields.add(DataTypes.createStructField(name.equals("score") ? results.scoreName() : name, types.get(k),
                    false));
        }
        List<Row> rows = new ArrayList<>();
        for (TrialResult r : results.rows()) {
            TrialSettings s = r.settings();
            rows.add(RowFactory.create(r.trialId(), r.seed(), s.generatorLearningRate(), s.discriminatorLearningRate(),
                    s.beta1(), s.beta2(), s.loss(), s.discriminatorSteps(), s.generatorSteps(), s.batchSize(),
                    s.steps(), s.averageDecay(), r.score(), r.discriminatorLoss(), r.generatorLoss(), r.checkpoint(),
                    r.sha256(), r.kernel(), r.jganVersion(), r.note()));
        }
        return spark.createDataFrame(rows, new StructType(fields.toArray(StructField[]::new)));
    }
}

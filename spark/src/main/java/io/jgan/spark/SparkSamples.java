package io.jgan.spark;

import io.jgan.runtime.Network;
import io.jgan.runtime.train.Checkpoint;
import io.jgan.runtime.train.CheckpointException;
import io.jgan.runtime.sweep.ShardedSampler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Samples from a trained generator on a Spark cluster: partition {@code p} draws its share with a
 * random generator seeded by {@code (seed, p)} ({@link ShardedSampler}), so the output depends on
 * {@code (checkpoint, n, seed, partitions)} only, and equals {@link ShardedSampler#generate} on one
 * machine.
 * <pre>{@code
 * SparkSamples.writeParquet(spark, "hdfs:///sweeps/ring/trial-7/checkpoint.jgan", 1_000_000_000L, 1, 1000,
 *         "hdfs:///data/ring-synthetic");
 * }</pre>
 */
public final class SparkSamples {
    private SparkSamples() {}

    /**
     * {@return {@code n} samples as rows of float columns {@code x0, x1, ...}, partition after partition}
     *
     * @param spark the session
     * @param checkpointUri the checkpoint (any Hadoop file system URI); its spec's classes must be on
     *     the executors' class path. Its averaged generator is used if it has one.
     * @param n how many samples
     * @param seed the sampling's seed
     * @param partitions how many partitions (tasks)
     * @throws UncheckedIOException if the checkpoint cannot be read or is not a valid checkpoint
     */
    public static Dataset<Row> generate(SparkSession spark, String checkpointUri, long n, long seed, int partitions) {
        if (n < 0 || partitions < 1) {
            throw new IllegalArgumentException("need n >= 0 and at least one partition, got n " + n + ", partitions "
                    + partitions);
        }
        HadoopFiles files = new HadoopFiles(spark.sparkContext().hadoopConfiguration());
        byte[] bytes;
        int width;
        try {
            bytes = files.read(new Path(checkpointUri));
            // Checked on the driver, so that a bad file or a missing spec fails once, with its name.
            width = ShardedSampler.generator(Checkpoint.fromBytes(bytes, checkpointUri)).info().outputSize();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<byte[]> checkpoint = context.broadcast(bytes);
        List<Integer> parts = IntStream.range(0, partitions).boxed().toList();
        JavaRDD<Row> rows = context.parallelize(parts, partitions).mapPartitionsWithIndex(
                (p, ignored) -> rows(checkpoint.value(), checkpointUri, n, seed, partitions, p), true);
        List<StructField> fields = new ArrayList<>();
        for (int j = 0; j < width; j++) {
            fields.add(DataTypes.createStructField("x" + j, DataTypes.FloatType, false));
        }
        return spark.createDataFrame(rows, new StructType(fields.toArray(StructField[]::new)));
    }

    /**
     * Writes {@link #generate} to Parquet, one file per partition.
     *
     * @param spark the session
     * @param checkpointUri the checkpoint
     * @param n how many samples
     * @param seed the sampling's seed
     * @param partitions how many partitions
     * @param outUri the Parquet directory to create (an existing one is refused)
     */
    public static void writeParquet(SparkSession spark, String checkpointUri, long n, long seed, int partitions,
            String outUri) {
        generate(spark, checkpointUri, n, seed, partitions).write().parquet(outUri);
    }

    private static Iterator<Row> rows(byte[] bytes, String source, long n, long seed, int partitions, int p)
            throws CheckpointException {
        Network generator = ShardedSampler.generator(Checkpoint.fromBytes(bytes, source));
        int width = generator.info().outputSize();
        float[] values = ShardedSampler.partition(generator, n, seed, partitions, p);
        return new Iterator<>() {
            private int at;

            @Override
            public boolean hasNext() {
                return at < values.length;
            }

            @Override
            public Row next() {
                Object[] row = new Object[width];
                for (int j = 0; j < width; j++) {
                    row[j] = values[at + j];
                }
                at += width;
                return RowFactory.create(row);
            }
        };
    }
}

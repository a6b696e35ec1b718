package io.jgan.runtime.sweep;

import io.jgan.runtime.Network;
import io.jgan.runtime.Networks;
import io.jgan.runtime.Rng;
import io.jgan.runtime.train.Checkpoint;
import io.jgan.runtime.train.CheckpointException;
import io.jgan.runtime.train.Sampler;

/**
 * Many samples from a trained generator, in partitions that can be drawn anywhere: partition
 * {@code p} of {@code partitions} holds {@link #count} samples drawn with {@link #rng(long, int)}
 * {@code (seed, p)}, so the whole output depends on {@code (n, seed, partitions)} only, not on the
 * machine, thread or attempt that draws a partition.
 */
public final class ShardedSampler {
    /** The generator's batch while sampling (the result does not depend on it; the speed does). */
    public static final int BATCH = 1024;

    private ShardedSampler() {}

    /**
     * {@return how many of {@code n} samples partition {@code p} holds: the first {@code n % partitions} one more}
     *
     * @param n all samples
     * @param partitions how many partitions
     * @param p the partition, from 0
     */
    public static long count(long n, int partitions, int p) {
        if (n < 0 || partitions < 1 || p < 0 || p >= partitions) {
            throw new IllegalArgumentException("no partition " + p + " of " + partitions + " for " + n + " samples");
        }
        return n / partitions + (p < n % partitions ? 1 : 0);
    }

    /**
     * {@return the random generator of partition {@code p}}
     *
     * @param seed the sampling's seed
     * @param p the partition
     */
    public static Rng rng(long seed, int p) {
        // Rng spreads its seed with SplitMix64, so neighbouring (seed, p) give unrelated streams.
        return new Rng(seed * 0x9E3779B97F4A7C15L + p);
    }

    /**
     * {@return partition {@code p}'s samples, {@code count * outputSize} values}
     *
     * @param generator the trained generator
     * @param n all samples
     * @param seed the sampling's seed
     * @param partitions how many partitions
     * @param p the partition
     */
    public static float[] partition(Network generator, long n, long seed, int partitions, int p) {
        long count = count(n, partitions, p);
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(count + " samples in one partition are too many: use more partitions");
        }
        return Sampler.generate(generator, (int) count, rng(seed, p));
    }

    /**
     * {@return all {@code n} samples, partition after partition: what a cluster's partitions hold together}
     *
     * @param generator the trained generator
     * @param n all samples
     * @param seed the sampling's seed
     * @param partitions how many partitions
     */
    public static float[] generate(Network generator, int n, long seed, int partitions) {
        float[] all = new float[Math.multiplyExact(n, generator.info().outputSize())];
        int at = 0;
        for (int p = 0; p < partitions; p++) {
            float[] part = partition(generator, n, seed, partitions, p);
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /**
     * {@return the generator of a checkpoint, its spec's class loaded from the class path, with its
     * averaged parameters when the checkpoint has them, single-threaded, in inference mode}
     *
     * @param checkpoint a checkpoint of a sweep's trial (or of any run)
     * @throws CheckpointException if the spec is not on the class path or the architecture differs
     */
    public static Network generator(Checkpoint checkpoint) throws CheckpointException {
        String spec = checkpoint.getString("generator.spec");
        Network g;
        try {
            g = Networks.generator(SpecNetworks.load(spec), BATCH);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(checkpoint.source() + ": " + e.getMessage());
        }
        checkpoint.restoreGenerator(g);
        if (checkpoint.has(TrialTrainer.AVERAGE_ENTRY)) {
            float[] average = checkpoint.getFloats(TrialTrainer.AVERAGE_ENTRY);
            if (average.length != g.parameters().length) {
                throw new CheckpointException(checkpoint.source() + ": " + TrialTrainer.AVERAGE_ENTRY + " holds "
                        + average.length + " values, the generator has " + g.parameters().length);
            }
            checkpoint.requireFinite(TrialTrainer.AVERAGE_ENTRY);
            System.arraycopy(average, 0, g.parameters(), 0, average.length);
        }
        g.setThreads(1);
        g.setTraining(false);
        return g;
    }
}

package io.jgan.runtime;

/**
 * The random number generator of a training run: xoshiro256** seeded through SplitMix64.
 *
 * <p>jgan implements it instead of using {@code java.util.Random} so that a run is reproducible bit
 * for bit on every JDK, and so that its whole state is four longs a checkpoint can save and restore.
 * Not thread-safe: a run draws from it on one thread, in a fixed order.
 */
public final class Rng {
    private long s0, s1, s2, s3;

    /**
     * A generator whose whole sequence is determined by {@code seed}.
     *
     * @param seed any value; equal seeds give equal sequences
     */
    public Rng(long seed) {
        long x = seed;
        s0 = x = splitMix(x);
        s1 = x = splitMix(x);
        s2 = x = splitMix(x);
        s3 = splitMix(x);
    }

    private static long splitMix(long x) {
        // The SplitMix64 step: spreads a seed's bits so that nearby seeds give unrelated states.
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** {@return the next 64 random bits} */
    public long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** {@return a float uniform in [0, 1), with 24 random bits} */
    public float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    /** {@return a double uniform in [0, 1), with 53 random bits} */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * {@return an int uniform in [0, bound), without modulo bias}
     *
     * @param bound the exclusive upper bound, at least 1
     */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, was " + bound);
        }
        // Lemire's multiply-and-reject method on the top 32 bits.
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x1_0000_0000L - bound) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** {@return a standard normal value (Box-Muller; one value per two uniforms, so no hidden cached state)} */
    public double nextGaussian() {
        double u1 = 1.0 - nextDouble(); // in (0, 1]: log is finite
        double u2 = nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** {@return the whole state, for a checkpoint; {@link #restore(long[])} takes it back} */
    public long[] state() {
        return new long[] {s0, s1, s2, s3};
    }

    /**
     * Restores a state saved by {@link #state()}.
     *
     * @param state what {@link #state()} returned
     */
    public void restore(long[] state) {
        if (state.length != 4) {
            throw new IllegalArgumentException("an Rng state is 4 longs, got " + state.length);
        }
        if ((state[0] | state[1] | state[2] | state[3]) == 0) {
            throw new IllegalArgumentException("an all-zero Rng state is invalid (the generator would only return 0)");
        }
        s0 = state[0];
        s1 = state[1];
        s2 = state[2];
        s3 = state[3];
    }
}

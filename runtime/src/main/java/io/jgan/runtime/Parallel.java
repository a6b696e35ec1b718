package io.jgan.runtime;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of threads that run one task in {@link #threads()} parts at a time: how the generated
 * networks use more than one core.
 *
 * <p>Determinism is the design constraint. A task splits its work over disjoint <em>outputs</em>
 * (columns or rows of a product), never over a sum: every float is computed by exactly one part in
 * an order that does not depend on how many parts there are. A run is then bit for bit the same
 * with 1 or 2 threads. Nothing here reduces across parts.
 *
 * <p>{@link #run(Task)} runs part 0 on the calling thread and parts 1.. on the workers, and returns
 * when all are done; it allocates nothing. Workers spin briefly for the next task (the layers of a
 * training step follow one another within microseconds), then park. Calls are serialised: two
 * networks sharing a pool from different threads take turns. The workers are daemon threads, so an
 * idle pool never keeps the JVM alive.
 *
 * <p>Pools are shared per size: {@link #withThreads(int)} returns the same pool for the same count.
 * {@link #defaultThreads()} is the number of available processors capped at 2 (the products of the
 * sample GANs are too small to gain from more).
 */
public final class Parallel {
    /** One task, split into parts by the task itself. */
    @FunctionalInterface
    public interface Task {
        /** Runs part {@code part} of {@code parts}; parts must write disjoint outputs. */
        void run(int part, int parts);
    }

    /** The largest pool size the default picks. */
    public static final int DEFAULT_MAX_THREADS = 2;
    private static final int SPIN_NANOS = 200_000;
    private static final ConcurrentHashMap<Integer, Parallel> POOLS = new ConcurrentHashMap<>();
    private static final Parallel SERIAL = new Parallel(1);

    private final int threads;
    private final Worker[] workers;
    private volatile Task task;
    /** Bumped once per {@link #run}; a worker runs a task when it sees a generation it has not. */
    private volatile long generation;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Throwable failure;

    private Parallel(int threads) {
        this.threads = threads;
        this.workers = new Worker[threads - 1];
        for (int k = 0; k < workers.length; k++) {
            workers[k] = new Worker(k + 1);
            workers[k].start();
        }
    }

    /** The shared pool of {@code threads} threads (1: everything runs on the caller). */
    public static Parallel withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        return threads == 1 ? SERIAL : POOLS.computeIfAbsent(threads, Parallel::new);
    }

    /** The pool generated networks start with: {@link #defaultThreads()} threads. */
    public static Parallel defaultPool() {
        return withThreads(defaultThreads());
    }

    /** Available processors, capped at {@value #DEFAULT_MAX_THREADS}. */
    public static int defaultThreads() {
        return Math.max(1, Math.min(DEFAULT_MAX_THREADS, Runtime.getRuntime().availableProcessors()));
    }

    /** How many parts {@link #run} splits a task into. */
    public int threads() {
        return threads;
    }

    /** Runs {@code task} as parts 0..threads-1 (part 0 on this thread) and waits for all of them. */
    public void run(Task task) {
        if (threads == 1) {
            task.run(0, 1);
            return;
        }
        synchronized (this) {
            this.failure = null;
            this.task = task;
            this.pending.set(workers.length);
            this.generation++; // volatile write: publishes task and the caller's buffers to the workers
            for (Worker w : workers) {
                if (w.parked) {
                    LockSupport.unpark(w);
                }
            }
            Throwable mine = null;
            try {
                task.run(0, threads);
            } catch (RuntimeException | Error e) {
                mine = e;
            }
            long spins = 0;
            while (pending.get() != 0) {
                if (++spins > 10_000) {
                    Thread.yield();
                } else {
                    Thread.onSpinWait();
                }
            }
            this.task = null;
            Throwable theirs = failure;
            if (mine != null || theirs != null) {
                Throwable t = mine != null ? mine : theirs;
                if (mine != null && theirs != null) {
                    mine.addSuppressed(theirs);
                }
                if (t instanceof RuntimeException r) {
                    throw r;
                }
                throw (Error) t;
            }
        }
    }

    @Override
    public String toString() {
        return "Parallel(" + threads + " threads)";
    }

    private final class Worker extends Thread {
        private final int part;
        private long seen;
        volatile boolean parked;

        Worker(int part) {
            super("jgan-parallel-" + threads + "-" + part);
            this.part = part;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (true) {
                long g = awaitGeneration();
                seen = g;
                try {
                    task.run(part, threads);
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
                pending.decrementAndGet();
            }
        }

        private long awaitGeneration() {
            long start = System.nanoTime();
            while (true) {
                long g = generation;
                if (g != seen) {
                    return g;
                }
                if (System.nanoTime() - start < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    parked = true;
                    if (generation == seen) {
                        LockSupport.park(this);
                    }
                    parked = false;
                }
            }
        }
    }
}

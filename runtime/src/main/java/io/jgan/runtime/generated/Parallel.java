package io.jgan.runtime.generated;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of threads that run one task in up to {@link #threads()} parts at a time: how the
 * generated networks use more than one core.
 *
 * <p>Determinism is the design constraint. A task splits its work over disjoint <em>outputs</em>
 * (columns or rows of a product), never over a sum: every float is computed by exactly one part in
 * an order that does not depend on how many parts there are or which part computes it. A run is
 * then bit for bit the same with 1 or 2 threads. Nothing here reduces across parts.
 *
 * <p>Two ways to run a task, both with part 0 on the calling thread, both returning when every part
 * that ran has finished, neither allocating:
 * <ul>
 * <li>{@link #run(Task)}: every part runs, so a task may split its work statically by part.
 * <li>{@link #share(Task)}: workers that are idle when the task comes join it while part 0 runs;
 *     one that wakes up after part 0 has finished does not. The task must hand its work out
 *     dynamically (say, chunks claimed from an atomic counter) so that part 0 alone could do it
 *     all. On a busy machine, where a worker may not be scheduled for milliseconds, the caller
 *     then never waits for a thread that has not started: two threads are never slower than one
 *     by more than the chunk a preempted worker holds.
 * </ul>
 * Workers spin briefly for the next task (the layers of a training step follow one another within
 * microseconds), then park. Calls are serialised: two networks sharing a pool from different
 * threads take turns. Workers are daemon threads, so an idle pool never keeps the JVM alive.
 *
 * <p>Pools are shared per size: {@link #withThreads(int)} returns the same pool for the same count.
 * {@link #defaultThreads()} is the number of available processors capped at 2 (the products of the
 * sample GANs are too small to gain from more).
 */
public final class Parallel {
    /** One task, split into parts by the task itself. */
    @FunctionalInterface
    public interface Task {
        /**
         * Runs one part; parts must write disjoint outputs.
         *
         * @param part this part's number, from 0
         * @param parts how many parts there are at most
         */
        void run(int part, int parts);
    }

    /** The largest pool size the default picks. */
    public static final int DEFAULT_MAX_THREADS = 2;
    private static final int SPIN_NANOS = 30_000;
    private static final long CLOSED = 1L << 31;
    private static final long EVERY_PART = 1L << 30;
    private static final long JOINED = EVERY_PART - 1;
    private static final ConcurrentHashMap<Integer, Parallel> POOLS = new ConcurrentHashMap<>();
    private static final Parallel SERIAL = new Parallel(1);

    private final int threads;
    private final Worker[] workers;
    private volatile Task task;
    /** Bumped once per call; a worker looks at a task when it sees a generation it has not. */
    private volatile long generation;
    /**
     * The generation (high 32 bits); whether it is closed to workers that have not joined; whether
     * every part must run (then all workers are counted in up front); how many workers joined.
     */
    private final AtomicLong admission = new AtomicLong();
    private final AtomicInteger finished = new AtomicInteger();
    private volatile Throwable failure;

    private Parallel(int threads) {
        this.threads = threads;
        this.workers = new Worker[threads - 1];
        for (int k = 0; k < workers.length; k++) {
            workers[k] = new Worker(k + 1);
            workers[k].start();
        }
    }

    /**
     * {@return the shared pool of {@code threads} threads (1: everything runs on the caller)}
     *
     * @param threads at least 1
     */
    public static Parallel withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        return threads == 1 ? SERIAL : POOLS.computeIfAbsent(threads, Parallel::new);
    }

    /** {@return the pool generated networks start with: {@link #defaultThreads()} threads} */
    public static Parallel defaultPool() {
        return withThreads(defaultThreads());
    }

    /** {@return the available processors, capped at {@value #DEFAULT_MAX_THREADS}} */
    public static int defaultThreads() {
        return Math.max(1, Math.min(DEFAULT_MAX_THREADS, Runtime.getRuntime().availableProcessors()));
    }

    /** {@return how many parts a task is split into at most} */
    public int threads() {
        return threads;
    }

    /**
     * Runs {@code task} as parts 0..threads-1 (part 0 on this thread) and waits for all of them.
     *
     * @param task the work
     */
    public void run(Task task) {
        execute(task, true);
    }

    /**
     * Runs part 0 of {@code task} on this thread while idle workers join in as parts 1..; waits for
     * the parts that joined. The task must give out its work dynamically: part 0 may run alone.
     *
     * @param task the work
     */
    public void share(Task task) {
        execute(task, false);
    }

    private void execute(Task task, boolean everyPart) {
        if (threads == 1) {
            task.run(0, 1);
            return;
        }
        synchronized (this) {
            long g = generation + 1;
            this.failure = null;
            this.task = task;
            this.finished.set(0);
            // With every part required, admission is closed up front with all workers counted in.
            this.admission.set((g << 32) | (everyPart ? CLOSED | EVERY_PART | workers.length : 0));
            this.generation = g; // volatile write: publishes the task and the caller's buffers
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
            long state = admission.getAndUpdate(s -> s | CLOSED);
            int joined = (int) (state & JOINED);
            long spins = 0;
            while (finished.get() < joined) {
                if (++spins > 1_000) {
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

    private static ThreadGroup topThreadGroup() {
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        while (group.getParent() != null) {
            group = group.getParent();
        }
        return group;
    }

    private final class Worker extends Thread {
        private final int part;
        private long seen;
        volatile boolean parked;

        Worker(int part) {
            // The pools are shared by the whole JVM, so their threads belong to its top thread group,
            // not to the group of whoever first asked: tools that wait for the threads of their own
            // group at exit (Maven's exec:java) then do not wait for jgan's idle workers.
            super(topThreadGroup(), "jgan-parallel-" + threads + "-" + part);
            this.part = part;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (true) {
                long g = awaitGeneration();
                seen = g;
                if (admitted(g)) {
                    try {
                        task.run(part, threads);
                    } catch (RuntimeException | Error e) {
                        failure = e;
                    }
                    finished.incrementAndGet();
                }
            }
        }

        /** Whether this worker takes part in generation {@code g}: counted in, or joined before closing. */
        private boolean admitted(long g) {
            while (true) {
                long s = admission.get();
                if ((s >>> 32) != g) {
                    return false; // long gone: a later call is being set up
                }
                if ((s & CLOSED) != 0) {
                    return (s & EVERY_PART) != 0; // counted in up front, or too late to join
                }
                if (admission.compareAndSet(s, s + 1)) {
                    return true;
                }
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

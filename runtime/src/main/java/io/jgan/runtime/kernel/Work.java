package io.jgan.runtime.kernel;

import io.jgan.runtime.generated.Parallel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Items of one call handed out to the threads that join it ({@link Parallel#share}), one at a
 * time: a sample, a block of rows or of patch entries, a stretch of values. Which thread takes an item does not change its
 * values.
 *
 * <p>Even-numbered parts take items from the front, odd-numbered ones from the back, so that with
 * two threads each writes one contiguous stretch of the output: items handed out alternately made
 * neighbouring items' threads write the same cache lines (a small convolution ran slower on two
 * threads than on one).
 */
final class Work {
    /** The next front item in the high half, one past the next back item in the low half. */
    private final AtomicLong ends = new AtomicLong();

    /**
     * Runs {@code task} over {@code items} items, on the caller alone when the call has fewer than
     * {@link DenseKernel#PARALLEL_MIN_MACS} multiply-adds (a hand-off costs more).
     */
    void run(Parallel parallel, Parallel.Task task, int items, long macs, Patches patches) {
        boolean split = macs >= DenseKernel.PARALLEL_MIN_MACS && items >= 2;
        patches.ensureParts(split ? parallel.threads() : 1);
        run(parallel, task, items, split);
    }

    /** Runs {@code task} over {@code items} items, shared with the idle threads of {@code parallel} if {@code split}. */
    void run(Parallel parallel, Parallel.Task task, int items, boolean split) {
        ends.set(items & 0xffffffffL);
        if (split && parallel.threads() > 1) {
            parallel.share(task);
        } else {
            task.run(0, 1);
        }
    }

    /** {@return the next item for part {@code part}, or -1 when all are taken} */
    int claim(int part) {
        while (true) {
            final long v = ends.get();
            final int front = (int) (v >>> 32);
            final int back = (int) v;
            if (front >= back) {
                return -1;
            }
            final boolean fromFront = (part & 1) == 0;
            final long next = fromFront ? v + (1L << 32) : v - 1;
            if (ends.compareAndSet(v, next)) {
                return fromFront ? front : back - 1;
            }
        }
    }
}

package io.jgan.runtime.kernel;

import io.jgan.runtime.generated.Parallel;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Items of one call handed out to the threads that join it ({@link Parallel#share}), one at a
 * time: a sample, a block of rows or of patch entries. Which thread takes an item does not change its
 * values.
 */
final class Work {
    private final AtomicInteger next = new AtomicInteger();
    private int items;

    /**
     * Runs {@code task} over {@code items} items, on the caller alone when the call has fewer than
     * {@link DenseKernel#PARALLEL_MIN_MACS} multiply-adds (a hand-off costs more).
     */
    void run(Parallel parallel, Parallel.Task task, int items, long macs, Patches patches) {
        int parts = macs < DenseKernel.PARALLEL_MIN_MACS || items < 2 ? 1 : parallel.threads();
        patches.ensureParts(parts);
        this.items = items;
        next.set(0);
        if (parts == 1) {
            task.run(0, 1);
        } else {
            parallel.share(task);
        }
    }

    /** {@return the next item, or -1 when all are taken} */
    int claim() {
        int i = next.getAndIncrement();
        return i < items ? i : -1;
    }
}

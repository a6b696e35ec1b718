package io.jgan.data.idx;

import java.lang.management.ManagementFactory;

/**
 * Measures heap bytes allocated by the current thread, to prove that hostile headers are rejected
 * before the large array they claim is allocated (the test JVM has enough heap that an OOM alone
 * would not reveal it).
 */
final class AllocationMeter {

    private static final com.sun.management.ThreadMXBean BEAN =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocationMeter() {
    }

    /** A task that may throw anything. */
    @FunctionalInterface
    public interface Task {
        /** Runs the task. */
        void run() throws Throwable;
    }

    /**
     * Runs {@code task} and returns how many bytes the current thread allocated meanwhile;
     * exceptions thrown by the task are swallowed (callers assert on them separately).
     */
    public static long bytesAllocatedBy(Task task) {
        long id = Thread.currentThread().getId();
        long before = BEAN.getThreadAllocatedBytes(id);
        try {
            task.run();
        } catch (Throwable expected) {
            // the caller checks the failure itself
        }
        return BEAN.getThreadAllocatedBytes(id) - before;
    }
}

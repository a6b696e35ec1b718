package io.jgan.runtime.generated;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParallelTest {
    @Test
    void runsEveryPartOnceAndWaitsForAll() {
        Parallel parallel = Parallel.withThreads(2);
        int[] hits = new int[2];
        for (int round = 0; round < 2_000; round++) {
            parallel.run((part, parts) -> {
                assertEquals(2, parts);
                hits[part]++;
            });
            assertEquals(round + 1, hits[0]);
            assertEquals(round + 1, hits[1]); // the worker's write is visible once run returns
        }
    }

    @Test
    void oneThreadRunsOnTheCaller() {
        Thread caller = Thread.currentThread();
        AtomicInteger calls = new AtomicInteger();
        Parallel.withThreads(1).run((part, parts) -> {
            assertSame(caller, Thread.currentThread());
            assertArrayEquals(new int[] {0, 1}, new int[] {part, parts});
            calls.incrementAndGet();
        });
        assertEquals(1, calls.get());
    }

    @Test
    void poolsAreSharedPerSizeAndTheDefaultIsAtMostTwo() {
        assertSame(Parallel.withThreads(2), Parallel.withThreads(2));
        assertTrue(Parallel.defaultThreads() >= 1 && Parallel.defaultThreads() <= 2);
        assertEquals(Parallel.defaultThreads(), Parallel.defaultPool().threads());
        assertThrows(IllegalArgumentException.class, () -> Parallel.withThreads(0));
    }

    @Test
    void aFailingPartFailsTheRunAndThePoolKeepsWorking() {
        Parallel parallel = Parallel.withThreads(2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> parallel.run((part, parts) -> {
            if (part == 1) {
                throw new IllegalStateException("part 1 failed");
            }
        }));
        assertEquals("part 1 failed", e.getMessage());
        int[] hits = new int[2];
        parallel.run((part, parts) -> hits[part]++);
        assertArrayEquals(new int[] {1, 1}, hits);
    }

    /** share: the chunks are all done exactly once, whoever joins; mixed with run, which needs every part. */
    @Test
    void sharedTasksDoAllTheWorkOnceWhoeverJoins() {
        Parallel parallel = Parallel.withThreads(2);
        int chunks = 64;
        for (int round = 0; round < 2_000; round++) {
            AtomicInteger next = new AtomicInteger();
            int[] done = new int[chunks];
            int[] byPart = new int[2];
            parallel.share((part, parts) -> {
                for (int c; (c = next.getAndIncrement()) < chunks; ) {
                    done[c]++;
                    byPart[part]++;
                }
            });
            for (int c = 0; c < chunks; c++) {
                assertEquals(1, done[c], "chunk " + c + " in round " + round);
            }
            assertEquals(chunks, byPart[0] + byPart[1]);
            if (round % 10 == 0) {
                int[] hits = new int[2];
                parallel.run((part, parts) -> hits[part]++);
                assertArrayEquals(new int[] {1, 1}, hits, "run needs every part, round " + round);
            }
        }
    }

    @Test
    void aSharedTaskRunsOnTheCallerEvenWithoutWorkers() {
        Thread caller = Thread.currentThread();
        AtomicInteger onCaller = new AtomicInteger();
        Parallel.withThreads(2).share((part, parts) -> {
            if (part == 0) {
                assertSame(caller, Thread.currentThread());
                onCaller.incrementAndGet();
            }
        });
        assertEquals(1, onCaller.get());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Parallel.withThreads(2).share((part, parts) -> {
                    throw new IllegalStateException("part " + part);
                }));
        assertTrue(e.getMessage().startsWith("part "));
    }

    @Test
    void workersBelongToTheTopThreadGroupNotTheFirstCallers() throws InterruptedException {
        // Maven's exec:java runs a main in a group of its own and, at exit, waits for that group's threads.
        ThreadGroup callers = new ThreadGroup("a tool's group");
        Thread first = new Thread(callers, () -> Parallel.withThreads(3).run((part, parts) -> { }));
        first.start();
        first.join();
        Thread[] inCallersGroup = new Thread[16];
        int n = callers.enumerate(inCallersGroup);
        for (int i = 0; i < n; i++) {
            assertTrue(!inCallersGroup[i].getName().startsWith("jgan-parallel-"), inCallersGroup[i].getName());
        }
        long workers = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("jgan-parallel-3-"))
                .peek(t -> assertEquals(null, t.getThreadGroup().getParent(), t.getName()))
                .count();
        assertEquals(2, workers);
    }
}

package io.gridside.console.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleIntegerProperty;
import org.junit.jupiter.api.Test;

class IdleHeapTest {

    private final List<CompletableFuture<Void>> scheduled = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();
    private final AtomicInteger collections = new AtomicInteger();
    private final SimpleIntegerProperty running = new SimpleIntegerProperty();

    private IdleHeap watching() {
        IdleHeap heap = new IdleHeap(this::later, collections::incrementAndGet, null);
        heap.follow(running);
        return heap;
    }

    private Future<?> later(Runnable action, Duration delay) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        future.thenRun(action);
        scheduled.add(future);
        delays.add(delay);
        return future;
    }

    /** Runs what was scheduled and is still due, as the timer would after the delay. */
    private void timePasses() {
        scheduled.forEach(future -> future.complete(null));
    }

    @Test
    void collectsOnceTheLastTaskHasEndedAndTheConsoleStayedQuiet() {
        watching();

        running.set(2);
        running.set(1);
        running.set(0);
        timePasses();

        assertEquals(1, collections.get());
        assertEquals(List.of(IdleHeap.QUIET), delays);
    }

    @Test
    void aTaskStartedWithinTheQuietTimePutsTheCollectionOff() {
        watching();

        running.set(1);
        running.set(0);
        running.set(1);
        timePasses();

        assertEquals(0, collections.get());
        running.set(0);
        timePasses();
        assertEquals(1, collections.get());
    }

    @Test
    void collectsNothingBeforeAnyTaskRan() {
        watching();

        running.set(0);
        timePasses();

        assertEquals(0, collections.get());
        assertTrue(scheduled.isEmpty());
    }

    @Test
    void anOldGenerationIsWorthCollectingOnlyWhenItGrewEnoughSinceItsLastCollection() {
        long afterLast = 100L << 20;

        assertFalse(IdleHeap.grown(afterLast + IdleHeap.GROWTH_BYTES - 1, afterLast));
        assertTrue(IdleHeap.grown(afterLast + IdleHeap.GROWTH_BYTES, afterLast));
    }
}

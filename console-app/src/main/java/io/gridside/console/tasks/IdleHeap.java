package io.gridside.console.tasks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import javafx.beans.value.ObservableIntegerValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the heap back to the system once the console's background work has settled: a pull and the screens'
 * reloads after it leave the old generation full of what they no longer need, which the JVM's collector for a
 * desktop program (decision 0079) only frees, and returns, at a full collection that may not come for hours.
 *
 * <p>When no task has run for {@link #QUIET} after some did, and the old generation holds at least
 * {@link #GROWTH_BYTES} more than its last collection left in it, one full collection is asked for; the JVM's
 * options (decision 0083) make it hand back at once all but a fifth of the heap that is free then. The pause, a
 * tenth of a second or two for a 5,000-meter site, falls when nothing is being worked on.
 */
public final class IdleHeap implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IdleHeap.class);
    /** How long the console stays without a running task before the heap is collected. */
    static final Duration QUIET = Duration.ofSeconds(2);
    /** How much the old generation must have grown since its last collection for one to be worth its pause. */
    static final long GROWTH_BYTES = 16L << 20;

    private final BiFunction<Runnable, Duration, Future<?>> later;
    private final Runnable collect;
    private final ScheduledExecutorService timer;
    private Future<?> pending;

    /** Watches {@code running}, the count of the runner's running tasks, and collects the heap when it settles. */
    public static IdleHeap watch(ObservableIntegerValue running) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "idle-heap");
            thread.setDaemon(true);
            return thread;
        });
        IdleHeap heap = new IdleHeap((action, delay) -> timer.schedule(action, delay.toMillis(),
                TimeUnit.MILLISECONDS), IdleHeap::collectIfGrown, timer);
        heap.follow(running);
        return heap;
    }

    IdleHeap(BiFunction<Runnable, Duration, Future<?>> later, Runnable collect, ScheduledExecutorService timer) {
        this.later = later;
        this.collect = collect;
        this.timer = timer;
    }

    /** Asks for a collection {@link #QUIET} after {@code running} falls to zero; a task started meanwhile waits it. */
    void follow(ObservableIntegerValue running) {
        running.addListener((observable, before, now) -> {
            if (pending != null) {
                pending.cancel(false);
                pending = null;
            }
            if (now.intValue() == 0 && before.intValue() > 0) {
                pending = later.apply(collect, QUIET);
            }
        });
    }

    /** Whether an old generation using {@code used} bytes, {@code afterLast} after its last collection, has grown. */
    static boolean grown(long used, long afterLast) {
        return used - afterLast >= GROWTH_BYTES;
    }

    private static void collectIfGrown() {
        Optional<MemoryPoolMXBean> old = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null)
                .filter(pool -> pool.getName().contains("Old") || pool.getName().contains("Tenured"))
                .findFirst();
        if (old.isEmpty()) {
            return;
        }
        MemoryUsage now = old.get().getUsage();
        MemoryUsage afterLast = old.get().getCollectionUsage();
        if (grown(now.getUsed(), afterLast.getUsed())) {
            long started = System.nanoTime();
            System.gc();
            LOG.debug("The heap was collected when the console fell idle: the old generation held {} MB, {} MB after "
                    + "the collection, which took {} ms.", now.getUsed() >> 20, old.get().getUsage().getUsed() >> 20,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}

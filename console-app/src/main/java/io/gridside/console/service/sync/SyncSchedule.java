package io.gridside.console.service.sync;

import io.gridside.link.client.CancelSignal;
import io.gridside.site.store.SiteStore;
import io.gridside.site.store.SyncRows;
import io.gridside.site.sync.SyncState;
import io.gridside.site.sync.UpStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a site's sync by itself on its own timer thread: at once when started, then every {@link #interval} while
 * the cloud answers, and after a back-off with full jitter (base 1 s, cap 5 min) while it does not, so the laptop
 * finds the network when it comes back without waiting for anything to be written locally. A run can also be
 * started and cancelled by hand. A cloud that refused the session (a lost laptop, a revoked credential, a pin that
 * does not match) stops the timer until a person starts a run by hand. Thread-safe; listeners hear each new status
 * on the timer's thread.
 */
public final class SyncSchedule implements AutoCloseable {

    /** How often a site syncs while the cloud answers. */
    public static final Duration INTERVAL = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(SyncSchedule.class);

    /** Runs a task after a delay; a test's timer runs it when the test says. */
    public interface Timer extends AutoCloseable {

        /** Runs {@code task} once after {@code delay}; the answer cancels it if it has not started. */
        Runnable schedule(Runnable task, Duration delay);

        @Override
        void close();

        /** A timer on one daemon thread of its own. */
        static Timer thread(String name) {
            ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, name);
                thread.setDaemon(true);
                return thread;
            });
            return new Timer() {
                @Override
                public Runnable schedule(Runnable task, Duration delay) {
                    ScheduledFuture<?> future = executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
                    return () -> future.cancel(false);
                }

                @Override
                public void close() {
                    executor.shutdownNow();
                }
            };
        }
    }

    /**
     * How a run ended.
     *
     * @param byHand whether a person asked for the run, or joined it while it ran; a run the timer alone started is
     *     not by hand
     * @param took how long the run lasted on the schedule's clock
     * @param failure why the run did not go through, empty when it did; a cancelled run's is a
     *     {@link CancellationException}
     */
    public record RunEnd(boolean byHand, Duration took, Optional<Throwable> failure) {
    }

    /** One sync run, such as {@link SyncEngine#run}. */
    @FunctionalInterface
    public interface Runner {
        SyncResult run(SyncProgress progress, CancelSignal cancel) throws CloudException;
    }

    private final SiteStore store;
    private final SyncRows rows;
    private final Runner engine;
    private final Timer timer;
    private final Backoff backoff;
    private final Clock clock;
    private final Duration interval;
    private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<RunEnd>> runEndListeners = new CopyOnWriteArrayList<>();

    /** How long closing waits for a run under way to end at its next chunk or page. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final Object lock = new Object();
    private Runnable cancelNext = () -> { };
    private Instant nextAttempt;
    private int failures;
    private boolean running;
    private Thread runner;
    private volatile boolean cancelRequested;
    private boolean closed;
    private SyncStatus.Connectivity connectivity = SyncStatus.Connectivity.UNKNOWN;
    private SyncProgress.Update lastProgress;
    private CompletableFuture<SyncResult> byHand;

    public SyncSchedule(SiteStore store, Runner engine, Timer timer, Backoff backoff, Clock clock,
            Duration interval) {
        this.store = store;
        this.rows = store.sync();
        this.engine = engine;
        this.timer = timer;
        this.backoff = backoff;
        this.clock = clock;
        this.interval = interval;
    }

    /** Starts the timer: a first run at once. */
    public void start() {
        scheduleIn(Duration.ZERO);
    }

    /**
     * Starts a run now (or joins the one under way) and restarts the timer after it, even one a refusal stopped.
     * The answer completes with the run's result, or exceptionally with its failure.
     */
    public CompletableFuture<SyncResult> runNow() {
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("The sync of " + store.file()
                        + " was stopped; open the site again to sync it."));
            }
            if (byHand == null || byHand.isDone()) {
                byHand = new CompletableFuture<>();
            }
            CompletableFuture<SyncResult> answer = byHand;
            if (!running) {
                scheduleIn(Duration.ZERO);
            }
            return answer;
        }
    }

    /**
     * Asks the run under way to stop at its next chunk or page, or at once while it waits to try again or for an
     * answer; what the cloud acknowledged is kept.
     */
    public void cancel() {
        cancelRequested = true;
        synchronized (lock) {
            if (runner != null) {
                runner.interrupt();
            }
        }
    }

    /** Hears every new status, on the timer's thread. */
    public void addListener(Consumer<SyncStatus> listener) {
        listeners.add(listener);
    }

    /** Hears the end of every run, by hand or not, on the timer's thread, after the status listeners. */
    public void addRunEndListener(Consumer<RunEnd> listener) {
        runEndListeners.add(listener);
    }

    /** The status now: read from the store and the schedule's state. */
    public SyncStatus status() {
        Map<UpStream, Long> waiting = rows.waiting();
        Map<Integer, Long> byPriority = new TreeMap<>();
        Map<String, Long> byStream = new LinkedHashMap<>();
        for (UpStream stream : UpStream.values()) {
            long count = waiting.getOrDefault(stream, 0L);
            byPriority.merge(stream.priority(), count, Long::sum);
            byStream.put(stream.wireName(), count);
        }
        SyncState state = rows.state();
        synchronized (lock) {
            return new SyncStatus(connectivity, running, byPriority, byStream, state.lastSuccess(),
                    state.lastError(), Optional.ofNullable(nextAttempt), rows.attention(),
                    Optional.ofNullable(lastProgress));
        }
    }

    /**
     * Stops the timer; a run under way is cancelled and waited for, up to {@link #CLOSE_WAIT}, so that the store
     * it writes to can be closed right after.
     */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            cancelNext.run();
            nextAttempt = null;
        }
        cancel();
        timer.close();
        synchronized (lock) {
            long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
            while (running && runner != Thread.currentThread()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    LOG.warn("A sync run of {} did not stop within {}; it ends on its own.", store.file(), CLOSE_WAIT);
                    return;
                }
                try {
                    lock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void scheduleIn(Duration delay) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            cancelNext.run();
            nextAttempt = clock.instant().plus(delay);
            cancelNext = timer.schedule(this::attempt, delay);
        }
    }

    private void attempt() {
        synchronized (lock) {
            if (running || closed) {
                return;
            }
            running = true;
            runner = Thread.currentThread();
            nextAttempt = null;
            cancelRequested = false;
        }
        notifyListeners();
        Instant began = clock.instant();
        SyncResult result = null;
        Throwable failure = null;
        Duration next;
        try {
            result = engine.run(this::progress, () -> cancelRequested);
            next = online();
        } catch (CloudException e) {
            failure = e;
            next = failed(e);
        } catch (CancellationException e) {
            failure = e;
            next = interval;
        } catch (RuntimeException e) {
            LOG.error("A sync run of {} failed unexpectedly.", store.file(), e);
            failure = e;
            next = backOff(SyncStatus.Connectivity.OFFLINE, null);
        }
        CompletableFuture<SyncResult> waiting;
        synchronized (lock) {
            running = false;
            runner = null;
            lock.notifyAll();
            // A cancel's interrupt that came after the run's last wait must not reach the timer's next task.
            Thread.interrupted();
            lastProgress = null;
            waiting = byHand;
            byHand = null;
        }
        if (next != null) {
            scheduleIn(next);
        }
        complete(waiting, result, failure);
        notifyListeners();
        tellRunEnd(new RunEnd(waiting != null, Duration.between(began, clock.instant()), Optional.ofNullable(failure)));
    }

    private Duration online() {
        synchronized (lock) {
            connectivity = SyncStatus.Connectivity.ONLINE;
            failures = 0;
            return interval;
        }
    }

    /** The wait after a failed run, or null when the timer stops until a person acts. */
    private Duration failed(CloudException e) {
        if (e.kind() == CloudException.Kind.SESSION_REFUSED) {
            LOG.warn("The cloud refused the sync of {}: {}", store.file(), e.getMessage());
            synchronized (lock) {
                connectivity = SyncStatus.Connectivity.REFUSED;
                return null;
            }
        }
        boolean answered = e.kind() == CloudException.Kind.REFUSED;
        return backOff(answered ? SyncStatus.Connectivity.ONLINE : SyncStatus.Connectivity.OFFLINE,
                e.retryAfter());
    }

    /** Notes a failed run, the cloud having answered it or not, and draws the wait before the next. */
    private Duration backOff(SyncStatus.Connectivity now, Duration retryAfter) {
        synchronized (lock) {
            connectivity = now;
            failures++;
            Duration wait = backoff.delay(failures);
            return retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
        }
    }

    private void progress(SyncProgress.Update update) {
        synchronized (lock) {
            lastProgress = update;
        }
        notifyListeners();
    }

    private static void complete(CompletableFuture<SyncResult> waiting, SyncResult result, Throwable failure) {
        if (waiting == null) {
            return;
        }
        if (failure == null) {
            waiting.complete(result);
        } else {
            waiting.completeExceptionally(failure);
        }
    }

    private void tellRunEnd(RunEnd end) {
        for (Consumer<RunEnd> listener : runEndListeners) {
            try {
                listener.accept(end);
            } catch (RuntimeException e) {
                LOG.warn("A sync run's end listener failed.", e);
            }
        }
    }

    private void notifyListeners() {
        if (listeners.isEmpty()) {
            return;
        }
        SyncStatus status = status();
        for (Consumer<SyncStatus> listener : listeners) {
            try {
                listener.accept(status);
            } catch (RuntimeException e) {
                LOG.warn("A sync status listener failed.", e);
            }
        }
    }
}

package io.gridside.console.service.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.store.SiteStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The schedule on a manual timer: each test says when the timer fires, and what each run answers. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SyncScheduleTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-03T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private SiteStore store;
    private final ManualTimer timer = new ManualTimer();
    private final Deque<Outcome> outcomes = new ArrayDeque<>();
    private int runs;
    private SyncSchedule schedule;

    /** What the next run does. */
    @FunctionalInterface
    private interface Outcome {
        SyncResult answer() throws CloudException;
    }

    @BeforeEach
    void open() {
        store = SiteStore.open(dir.resolve("site.db"));
        schedule = new SyncSchedule(store, (progress, cancel) -> {
            runs++;
            return outcomes.isEmpty() ? result() : outcomes.removeFirst().answer();
        }, timer, Backoff.standard(new SplittableRandom(3)), CLOCK, SyncSchedule.INTERVAL);
    }

    @AfterEach
    void close() {
        schedule.close();
        store.close();
    }

    @Test
    void runsAtOnceThenEveryIntervalWhileTheCloudAnswers() {
        schedule.start();

        timer.fire();
        timer.fire();

        assertThat(runs).isEqualTo(2);
        assertThat(timer.delays).containsExactly(Duration.ZERO, SyncSchedule.INTERVAL, SyncSchedule.INTERVAL);
        assertThat(schedule.status().connectivity()).isEqualTo(SyncStatus.Connectivity.ONLINE);
        assertThat(schedule.status().nextAttempt()).contains(CLOCK.instant().plus(SyncSchedule.INTERVAL));
    }

    @Test
    void backsOffWithJitterWhileOfflineAndComesBackByItself() {
        for (int i = 0; i < 12; i++) {
            outcomes.add(() -> {
                throw CloudException.retryable("unreachable", "Nothing answered.", null);
            });
        }
        schedule.start();

        for (int i = 0; i < 13; i++) {
            timer.fire();
        }

        assertThat(runs).isEqualTo(13);
        List<Duration> backOffs = timer.delays.subList(1, 13);
        Backoff backoff = Backoff.standard(new SplittableRandom(3));
        for (int i = 0; i < backOffs.size(); i++) {
            assertThat(backOffs.get(i)).isBetween(Duration.ZERO, backoff.ceiling(i + 1));
        }
        assertThat(backOffs).as("the waits are drawn, not fixed").doesNotHaveDuplicates();
        assertThat(backOffs.subList(9, 12)).allMatch(wait -> wait.compareTo(Backoff.CAP) <= 0);
        assertThat(timer.delays.get(13)).isEqualTo(SyncSchedule.INTERVAL);
        assertThat(schedule.status().connectivity()).isEqualTo(SyncStatus.Connectivity.ONLINE);
    }

    @Test
    void aRefusalStopsTheTimerUntilARunByHand() throws Exception {
        outcomes.add(() -> {
            throw CloudException.sessionRefused("laptop_reported_lost", "This laptop was reported lost.", null);
        });
        schedule.start();
        timer.fire();

        assertThat(timer.pending()).isZero();
        assertThat(schedule.status().connectivity()).isEqualTo(SyncStatus.Connectivity.REFUSED);
        assertThat(schedule.status().nextAttempt()).isEmpty();

        CompletableFuture<SyncResult> byHand = schedule.runNow();
        timer.fire();

        assertThat(byHand.get(1, TimeUnit.SECONDS).complete()).isTrue();
        assertThat(runs).isEqualTo(2);
        assertThat(schedule.status().connectivity()).isEqualTo(SyncStatus.Connectivity.ONLINE);
    }

    @Test
    void aRunByHandAnswersWithItsFailure() {
        outcomes.add(() -> {
            throw new CancellationException("cancelled");
        });

        CompletableFuture<SyncResult> byHand = schedule.runNow();
        timer.fire();

        assertThat(byHand).isCompletedExceptionally();
        assertThat(timer.pending()).isEqualTo(1);
    }

    @Test
    void aRunByHandAfterTheScheduleStoppedFailsAtOnce() {
        schedule.close();

        assertThat(schedule.runNow()).isCompletedExceptionally();
        assertThat(timer.pending()).isZero();
    }

    @Test
    void tellsWhatWaitsByPriority() {
        SyncStatus status = schedule.status();

        assertThat(status.waitingByPriority()).containsOnlyKeys(0, 1, 2, 3);
        assertThat(status.waitingByStream()).containsOnlyKeys("payments", "ledger", "events", "customers",
                "readings");
        assertThat(status.connectivity()).isEqualTo(SyncStatus.Connectivity.UNKNOWN);
        assertThat(status.running()).isFalse();
    }

    private static SyncResult result() {
        return new SyncResult("e1", Map.of(), Map.of(), 0, 0, List.of(), 0, List.of(), List.of(), true,
                CLOCK.instant());
    }

    /** A timer that runs its tasks, in order, only when the test fires it; it records each delay asked. */
    private static final class ManualTimer implements SyncSchedule.Timer {

        final List<Duration> delays = new ArrayList<>();
        private final Deque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public synchronized Runnable schedule(Runnable task, Duration delay) {
            delays.add(delay);
            tasks.add(task);
            return () -> {
                synchronized (this) {
                    tasks.remove(task);
                }
            };
        }

        /** Runs the earliest task scheduled. */
        void fire() {
            Runnable task;
            synchronized (this) {
                task = tasks.pollFirst();
            }
            assertThat(task).as("a run is scheduled").isNotNull();
            task.run();
        }

        synchronized int pending() {
            return tasks.size();
        }

        @Override
        public void close() {
        }
    }
}

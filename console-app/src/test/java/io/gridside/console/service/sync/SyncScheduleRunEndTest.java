package io.gridside.console.service.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.store.SiteStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The end of each run as its listeners hear it: by hand or by the timer, how long it took, and why it failed. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SyncScheduleRunEndTest {

    @TempDir
    Path dir;

    private final SteppedClock clock = new SteppedClock();
    private final Deque<Runnable> timer = new ArrayDeque<>();
    private final List<SyncSchedule.RunEnd> ends = new ArrayList<>();
    private SiteStore store;
    private SyncSchedule schedule;
    /** How long the next run lasts on the clock, and whether it fails. */
    private Duration lasts = Duration.ZERO;
    private boolean fails;

    @BeforeEach
    void open() {
        store = SiteStore.open(dir.resolve("site.db"));
        schedule = new SyncSchedule(store, (progress, cancel) -> {
            clock.advance(lasts);
            if (fails) {
                throw CloudException.retryable("unreachable", "Nothing answered.", null);
            }
            return new SyncResult("e1", Map.of(), Map.of(), 0, 0, List.of(), 0, List.of(), List.of(), true,
                    clock.instant());
        }, new SyncSchedule.Timer() {
            @Override
            public Runnable schedule(Runnable task, Duration delay) {
                timer.add(task);
                return () -> timer.remove(task);
            }

            @Override
            public void close() {
                timer.clear();
            }
        }, Backoff.standard(new SplittableRandom(3)), clock, SyncSchedule.INTERVAL);
        schedule.addRunEndListener(ends::add);
    }

    @AfterEach
    void close() {
        schedule.close();
        store.close();
    }

    @Test
    void aRunTheTimerStartedIsNotByHandAndTakesTheTimeItRanOnTheClock() {
        lasts = Duration.ofSeconds(4);
        schedule.start();

        timer.poll().run();

        assertThat(ends).singleElement().satisfies(end -> {
            assertThat(end.byHand()).isFalse();
            assertThat(end.took()).isEqualTo(Duration.ofSeconds(4));
            assertThat(end.failure()).isEmpty();
        });
    }

    @Test
    void aFailedRunEndsWithItsFailure() {
        fails = true;
        schedule.start();

        timer.poll().run();

        assertThat(ends).singleElement().satisfies(end -> {
            assertThat(end.byHand()).isFalse();
            assertThat(end.failure()).hasValueSatisfying(failure -> assertThat(failure)
                    .isInstanceOf(CloudException.class).hasMessage("Nothing answered."));
        });
    }

    @Test
    void aRunAPersonAskedForIsByHand() {
        CompletableFuture<SyncResult> asked = schedule.runNow();

        timer.poll().run();

        assertThat(asked).isCompleted();
        assertThat(ends).singleElement().satisfies(end -> assertThat(end.byHand()).isTrue());
    }

    /** A clock that moves only when a run says it took time. */
    private static final class SteppedClock extends Clock {

        private Instant now = Instant.parse("2026-06-03T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

package io.gridside.console.service.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.sim.cloud.CloudFaults;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schedule on its own timer thread against the simulated cloud: it finds the cloud by itself once it answers
 * again. Its back-off is shrunk to milliseconds so the test waits on nothing but the runs themselves.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SyncScheduleCloudTest {

    @TempDir
    static Path cache;

    @TempDir
    Path dir;

    private CloudSync sync;
    private SyncSchedule schedule;

    @BeforeEach
    void start() throws IOException {
        sync = CloudSync.start(cache, dir);
    }

    @AfterEach
    void stop() {
        if (schedule != null) {
            schedule.close();
        }
        sync.close();
    }

    @Test
    void aCancelEndsARunThatWaitsToTryAgainAtOnce() throws Exception {
        // Every request answered 503 with an hour to wait: the run would sleep five minutes, the back-off's cap.
        sync.faults.set(CloudFaults.Kind.ERROR_503, 1.0).retryAfterSeconds(3_600);
        SyncEngine engine = new SyncEngine(sync.store, sync.client(), Clock.systemUTC(),
                Backoff.standard(new SplittableRandom(2)), Sleeper.REAL);
        schedule = new SyncSchedule(sync.store, engine::run, SyncSchedule.Timer.thread("sync-test"),
                Backoff.standard(new SplittableRandom(2)), Clock.systemUTC(), Duration.ofHours(1));

        CompletableFuture<SyncResult> run = schedule.runNow();
        while (sync.faults.requests() == 0) {
            Thread.sleep(10);
        }
        schedule.cancel();

        assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class)
                .hasMessageContaining("cancelled");
        assertThat(schedule.status().running()).isFalse();
    }

    @Test
    void probesWhileTheCloudDropsEverythingAndSyncsAllOnceItAnswers() throws Exception {
        sync.faults.set(CloudFaults.Kind.DROP_BEFORE, 1.0);
        Backoff quick = new Backoff(Duration.ofMillis(5), Duration.ofMillis(40), new SplittableRandom(9));
        SyncEngine engine = new SyncEngine(sync.store, sync.client(), Clock.systemUTC(), quick, wait -> { });
        CountDownLatch offline = new CountDownLatch(3);
        CountDownLatch synced = new CountDownLatch(1);
        schedule = new SyncSchedule(sync.store, engine::run, SyncSchedule.Timer.thread("sync-test"), quick,
                Clock.systemUTC(), Duration.ofHours(1));
        schedule.addListener(status -> {
            if (!status.running() && status.connectivity() == SyncStatus.Connectivity.OFFLINE) {
                offline.countDown();
            }
            if (!status.running() && status.connectivity() == SyncStatus.Connectivity.ONLINE
                    && status.waiting() == 0) {
                synced.countDown();
            }
        });

        schedule.start();
        assertThat(offline.await(60, TimeUnit.SECONDS)).as("three probes failed").isTrue();
        sync.faults.off();

        assertThat(synced.await(60, TimeUnit.SECONDS)).as("the schedule synced by itself").isTrue();
        SyncStatus status = schedule.status();
        assertThat(status.lastSuccess()).isPresent();
        assertThat(status.waitingByPriority().values()).allMatch(waiting -> waiting == 0);
        assertThat(status.nextAttempt()).isPresent();
    }
}

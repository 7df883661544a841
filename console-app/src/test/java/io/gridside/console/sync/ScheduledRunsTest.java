package io.gridside.console.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.service.sync.SyncSchedule;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** Which ends of sync runs are told of in a notice, and in what words. */
class ScheduledRunsTest {

    private final ScheduledRuns runs = new ScheduledRuns(Throwable::getMessage);

    @Test
    void tellsOfARunTheScheduleStartedWithHowLongItTook() {
        assertThat(runs.told(ended(false, 5, null)))
                .contains(new ScheduledRun(Duration.ofSeconds(5), Optional.empty()));
    }

    @Test
    void leavesARunByHandToItsTask() {
        assertThat(runs.told(ended(true, 5, new IOException("Nothing answered.")))).isEmpty();
    }

    @Test
    void leavesACancelledRunUntold() {
        assertThat(runs.told(ended(false, 5, new CancellationException("stopped")))).isEmpty();
    }

    @Test
    void tellsOfAFailureOnceWhileTheSameFailureRepeats() {
        assertThat(runs.told(ended(false, 0, new IOException("Nothing answered."))))
                .hasValueSatisfying(run -> assertThat(run.failure()).contains("Nothing answered."));
        assertThat(runs.told(ended(false, 0, new IOException("Nothing answered.")))).isEmpty();

        String other = "The certificate is not the pinned one.";
        assertThat(runs.told(ended(false, 0, new IOException(other))))
                .hasValueSatisfying(run -> assertThat(run.failure()).contains(other));
    }

    @Test
    void tellsOfTheSameFailureAgainAfterARunWentThrough() {
        runs.told(ended(false, 0, new IOException("Nothing answered.")));
        runs.told(ended(false, 1, null));

        assertThat(runs.told(ended(false, 0, new IOException("Nothing answered.")))).isPresent();
    }

    private static SyncSchedule.RunEnd ended(boolean byHand, long seconds, Throwable failure) {
        return new SyncSchedule.RunEnd(byHand, Duration.ofSeconds(seconds), Optional.ofNullable(failure));
    }
}

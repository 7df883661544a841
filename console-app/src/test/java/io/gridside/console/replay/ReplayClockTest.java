package io.gridside.console.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplayClockTest {

    private static final Instant AT = Instant.parse("2026-06-01T18:00:00Z");
    private static final long FRAME = 16_000_000L;

    @Test
    void theFirstPulseOnlyNotesTheTime() {
        ReplayClock clock = new ReplayClock();

        assertThat(clock.advance(AT, Speed.X100_000, 5_000_000_000L)).isEqualTo(AT);
    }

    @Test
    void eachPulseMovesOnByTheRealTimeTimesTheSpeed() {
        ReplayClock clock = new ReplayClock();
        clock.advance(AT, Speed.X100_000, 0);

        Instant next = clock.advance(AT, Speed.X100_000, FRAME);

        assertThat(Duration.between(AT, next)).isEqualTo(Duration.ofSeconds(1_600));
    }

    @Test
    void aLatePulseCountsASecondAtMost() {
        ReplayClock clock = new ReplayClock();
        clock.advance(AT, Speed.X10, 0);

        Instant next = clock.advance(AT, Speed.X10, 60_000_000_000L);

        assertThat(Duration.between(AT, next)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void afterAResetThePausedTimeIsNotPlayed() {
        ReplayClock clock = new ReplayClock();
        clock.advance(AT, Speed.X1, 0);
        clock.reset();

        assertThat(clock.advance(AT, Speed.X1, 900_000_000L)).isEqualTo(AT);
        assertThat(clock.advance(AT, Speed.X1, 1_000_000_000L)).isEqualTo(AT.plusMillis(100));
    }
}

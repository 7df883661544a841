package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.MeterStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A site on an unthrottled clock steps its own clock, and still answers while it runs. */
class SimulatedSiteUnthrottledTest {

    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    @Timeout(120)
    void anUnthrottledSiteRunsItsClockAheadAndStillAnswersItsConsoles() throws InterruptedException {
        SimClock clock = SimClock.scaled(START, Double.POSITIVE_INFINITY);
        assertThat(clock).isInstanceOf(SimClock.Unthrottled.class);
        try (SimulatedSite site = SimulatedSite.start(new SiteSpec(10, 5, 0, START), clock)) {
            Instant aWeekOn = START.plus(Duration.ofDays(7));
            while (clock.now().isBefore(aWeekOn)) {
                List<MeterStatus> statuses = site.gateway().meterStatus();
                assertThat(statuses).hasSize(10);
                Thread.sleep(5);
            }
            List<MeterStatus> statuses = site.gateway().meterStatus();
            assertThat(statuses).allSatisfy(status -> assertThat(status.lastReadingAt()).isAfter(START));
            assertThat(site.gateway().clock()).isAfterOrEqualTo(aWeekOn);
        }
    }

    @Test
    void aScaledClockWithAFiniteSpeedIsNotUnthrottled() {
        assertThat(SimClock.scaled(START, 1000)).isNotInstanceOf(SimClock.Unthrottled.class);
    }
}

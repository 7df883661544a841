package io.gridside.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The quarter-hour arithmetic that every reading, tick and replay relies on. */
class ReadingTest {

    @Test
    void intervalStartOfAnInstantInsideAnIntervalIsTheQuarterHourBefore() {
        assertThat(Reading.intervalStartOf(Instant.parse("2024-03-05T07:29:59.999Z")))
                .isEqualTo(Instant.parse("2024-03-05T07:15:00Z"));
    }

    @Test
    void intervalStartOfAQuarterHourIsItself() {
        Instant quarter = Instant.parse("2024-03-05T07:30:00Z");

        assertThat(Reading.intervalStartOf(quarter)).isEqualTo(quarter);
    }

    @Test
    void intervalStartRoundsDownBeforeTheEpochToo() {
        // Plain integer division would round towards zero, into the next interval.
        assertThat(Reading.intervalStartOf(Instant.parse("1969-12-31T23:59:59Z")))
                .isEqualTo(Instant.parse("1969-12-31T23:45:00Z"));
    }

    @Test
    void intervalEndsFifteenMinutesAfterItStarts() {
        Reading reading = new Reading("M-1", Instant.parse("2024-03-05T23:45:00Z"), 120, 5_000);

        assertThat(reading.intervalEnd()).isEqualTo(Instant.parse("2024-03-06T00:00:00Z"));
    }
}

package io.gridside.console.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeScaleTest {

    private static final Instant FROM = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant TO = FROM.plus(Duration.ofDays(7));
    private static final double WIDTH = 1000;

    @Test
    void showsTheWholeWindowAtFirst() {
        TimeScale scale = new TimeScale(FROM, TO);

        assertThat(scale.start()).isEqualTo(FROM.toEpochMilli());
        assertThat(scale.end()).isEqualTo(TO.toEpochMilli());
    }

    @Test
    void showsOnlyTheLastMonthOfALongerWindow() {
        TimeScale scale = new TimeScale(FROM.minus(Duration.ofDays(60)), TO);

        assertThat(scale.span()).isEqualTo(TimeScale.MAX_SPAN_MILLIS);
        assertThat(scale.end()).isEqualTo(TO.toEpochMilli());
    }

    @Test
    void zoomingKeepsTheInstantUnderThePointerInPlace() {
        TimeScale scale = new TimeScale(FROM, TO);
        Instant pointed = scale.instantAt(300, WIDTH);

        scale.zoomAt(300, WIDTH, 8);

        assertThat(scale.span()).isEqualTo(Duration.ofDays(7).toMillis() / 8);
        assertThat(scale.xOf(pointed.toEpochMilli(), WIDTH)).isCloseTo(300, org.assertj.core.data.Offset.offset(0.5));
    }

    @Test
    void zoomsNoFurtherInThanAMinuteNorOutThanTheWindow() {
        TimeScale scale = new TimeScale(FROM, TO);

        scale.zoomAt(500, WIDTH, 1e9);
        assertThat(scale.span()).isEqualTo(TimeScale.MIN_SPAN_MILLIS);

        scale.zoomAt(500, WIDTH, 1e-9);
        assertThat(scale.span()).isEqualTo(Duration.ofDays(7).toMillis());
        assertThat(scale.start()).isEqualTo(FROM.toEpochMilli());
    }

    @Test
    void panningStopsAtTheWindowsEdges() {
        TimeScale scale = new TimeScale(FROM, TO);
        scale.zoomAt(500, WIDTH, 7);

        scale.pan(-100_000, WIDTH);
        assertThat(scale.end()).isEqualTo(TO.toEpochMilli());

        scale.pan(100_000, WIDTH);
        assertThat(scale.start()).isEqualTo(FROM.toEpochMilli());
        assertThat(scale.span()).isEqualTo(Duration.ofDays(1).toMillis());
    }

    @Test
    void revealingAnInstantOutOfViewCentresIt() {
        TimeScale scale = new TimeScale(FROM, TO);
        scale.zoomAt(0, WIDTH, 7);
        Instant later = FROM.plus(Duration.ofDays(3));

        scale.reveal(later);

        assertThat(scale.xOf(later.toEpochMilli(), WIDTH)).isCloseTo(WIDTH / 2,
                org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void ticksFallOnRoundHoursOfTheSitesZone() {
        TimeScale scale = new TimeScale(FROM, TO);
        // Six hours across the width: ticks an hour apart at the least gap.
        scale.zoomAt(0, WIDTH, 28);
        ZoneId zone = ZoneId.of("Asia/Kolkata");

        List<TimeScale.Tick> ticks = scale.ticks(WIDTH, zone);

        assertThat(ticks).isNotEmpty();
        assertThat(ticks).allSatisfy(tick -> {
            Instant at = scale.instantAt(tick.x(), WIDTH);
            assertThat(at.atZone(zone).getMinute() % 30).isZero();
            assertThat(tick.label()).matches("\\d\\d:\\d\\d|\\w{3} \\d{1,2} \\w{3}");
        });
        assertThat(ticks.get(1).x() - ticks.get(0).x()).isGreaterThanOrEqualTo(TimeScale.TICK_GAP);
    }

    @Test
    void namesTheDayTheStretchShownBeginsOnInTheSitesZone() {
        TimeScale scale = new TimeScale(FROM, TO);

        // Midnight UTC of 1 June is still 31 May in Honolulu, ten hours behind.
        assertThat(scale.startDay(ZoneId.of("Pacific/Honolulu"))).matches("\\w{3} 31 May");
        assertThat(scale.startDay(ZoneId.of("Asia/Kolkata"))).matches("\\w{3} 1 Jun");

        scale.zoomAt(0, WIDTH, 28);
        scale.reveal(FROM.plus(Duration.ofDays(3)));
        assertThat(scale.startDay(ZoneId.of("Asia/Kolkata"))).matches("\\w{3} 4 Jun");
    }
}

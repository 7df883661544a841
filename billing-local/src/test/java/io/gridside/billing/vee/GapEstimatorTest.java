package io.gridside.billing.vee;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.vee.EstimateMethod;
import io.gridside.site.vee.EstimateStatus;
import io.gridside.site.vee.GapEstimate;
import io.gridside.site.vee.RawRead;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A gap's delta spread evenly when short, by the customer's own profile when long, and flagged either way. */
class GapEstimatorTest {

    private static final ZoneId ZONE = ZoneId.of("UTC");
    /** A Monday. */
    private static final Instant MONDAY = Instant.parse("2026-06-01T00:00:00Z");
    private static final Duration QUARTER = Duration.ofMinutes(15);
    private static final GapEstimator ESTIMATOR = new GapEstimator(ZONE);

    private static RawRead read(Instant at, long registerWh) {
        return new RawRead("M-1", at, registerWh);
    }

    /** Whole days from {@code from}: 10 Wh a quarter hour, 100 Wh from 18:00 to 21:00 (the evening lights). */
    private static List<ActualInterval> evenings(Instant from, int days) {
        List<ActualInterval> intervals = new ArrayList<>();
        for (int i = 0; i < days * 96; i++) {
            Instant start = from.plus(QUARTER.multipliedBy(i));
            int hour = start.atZone(ZONE).getHour();
            intervals.add(new ActualInterval(start, hour >= 18 && hour < 21 ? 100 : 10));
        }
        return intervals;
    }

    @Test
    void spreadsAGapOfTwoHoursEvenly() {
        Instant opening = MONDAY.plus(Duration.ofHours(10));
        GapEstimate estimate = ESTIMATOR.estimate(read(opening, 1_000), read(opening.plus(Duration.ofHours(2)), 1_100),
                evenings(MONDAY, 0));

        // 100 Wh over 8 quarter hours: 12.5 each; the registers round down, so the shares alternate 12 and 13.
        assertThat(estimate.method()).isEqualTo(EstimateMethod.LINEAR);
        assertThat(estimate.status()).isEqualTo(EstimateStatus.ESTIMATED);
        assertThat(estimate.energiesWh()).containsExactly(12L, 13L, 12L, 13L, 12L, 13L, 12L, 13L);
        assertThat(estimate.gapStart()).isEqualTo(opening);
        assertThat(estimate.gapEnd()).isEqualTo(opening.plus(Duration.ofHours(2)));
    }

    @Test
    void spreadsALongerGapByTheCustomersOwnProfileScaledToTheDelta() {
        List<ActualInterval> history = evenings(MONDAY, 2);
        Instant opening = MONDAY.plus(Duration.ofDays(2)).plus(Duration.ofHours(17));
        // 17:00-18:00 weighs 10 Wh a quarter hour, 18:00-21:00 100 Wh: 4 * 10 + 12 * 100 = 1,240 Wh of profile.
        // The register rose 2,480 Wh, twice that: 20 Wh then 200 Wh a quarter hour.
        GapEstimate estimate = ESTIMATOR.estimate(read(opening, 5_000),
                read(opening.plus(Duration.ofHours(4)), 7_480), history);

        assertThat(estimate.method()).isEqualTo(EstimateMethod.PROFILE);
        List<Long> expected = new ArrayList<>(Collections.nCopies(4, 20L));
        expected.addAll(Collections.nCopies(12, 200L));
        assertThat(estimate.energiesWh()).isEqualTo(expected);
    }

    @Test
    void countsOnlyTheWeeksBeforeTheGapInTheProfile() {
        // The first day, five weeks back, had a night load the customer has since dropped.
        List<ActualInterval> history = new ArrayList<>();
        Instant fiveWeeksBack = MONDAY.minus(Duration.ofDays(35));
        for (int i = 0; i < 96; i++) {
            history.add(new ActualInterval(fiveWeeksBack.plus(QUARTER.multipliedBy(i)), i < 4 ? 1_000 : 0));
        }
        history.addAll(evenings(MONDAY, 1));
        Instant opening = MONDAY.plus(Duration.ofDays(1));

        GapEstimate estimate = ESTIMATOR.estimate(read(opening, 0), read(opening.plus(Duration.ofHours(3)), 120),
                history);

        assertThat(estimate.method()).isEqualTo(EstimateMethod.PROFILE);
        assertThat(estimate.energiesWh()).containsOnly(10L);
    }

    @Test
    void usesTheProfileOfTheGapsOwnDayType() {
        // A weekday with 10 Wh at night, a Saturday with 40 Wh: a Sunday gap follows the weekend's shape.
        List<ActualInterval> history = new ArrayList<>();
        Instant friday = MONDAY.plus(Duration.ofDays(4));
        for (int i = 0; i < 2 * 96; i++) {
            Instant start = friday.plus(QUARTER.multipliedBy(i));
            boolean saturday = i >= 96;
            history.add(new ActualInterval(start, saturday && i % 96 >= 8 ? 40 : 10));
        }
        Instant sunday = friday.plus(Duration.ofDays(2));

        GapEstimate estimate = ESTIMATOR.estimate(read(sunday, 0), read(sunday.plus(Duration.ofHours(4)), 1_120),
                history);

        // Saturday's 00:00-02:00 is 10 Wh a quarter hour, 02:00-04:00 40 Wh: 8 * 10 + 8 * 40 = 400, scaled by 2.8.
        assertThat(estimate.method()).isEqualTo(EstimateMethod.PROFILE);
        assertThat(estimate.energiesWh().subList(0, 8)).containsOnly(28L);
        assertThat(estimate.energiesWh().subList(8, 16)).containsOnly(112L);
    }

    @Test
    void spreadsALongGapEvenlyAndSaysSoWhenTheCustomerHasNoProfileOfItsHours() {
        Instant opening = MONDAY.plus(Duration.ofHours(18));
        // Reads only from the morning: nothing known of the evening.
        List<ActualInterval> morning = evenings(MONDAY, 1).subList(0, 40);

        GapEstimate estimate = ESTIMATOR.estimate(read(opening, 0), read(opening.plus(Duration.ofHours(3)), 13),
                morning);

        assertThat(estimate.method()).isEqualTo(EstimateMethod.LINEAR_NO_PROFILE);
        assertThat(estimate.energiesWh()).hasSize(12).containsOnly(1L, 2L);
        assertThat(GapEstimate.total(estimate.energiesWh())).isEqualTo(13);
    }

    @Test
    void givesNoEnergyToTheQuarterHoursTheMeterWasWithoutSupply() {
        Instant opening = MONDAY.plus(Duration.ofHours(10));
        PowerOff off = new PowerOff(opening.minus(Duration.ofMinutes(5)), opening.plus(Duration.ofMinutes(70)));

        GapEstimate estimate = ESTIMATOR.estimate(read(opening, 0), read(opening.plus(Duration.ofHours(2)), 40),
                List.of(), List.of(off));

        // 10:00-11:00 lies wholly in the power-off; 11:00-11:15 only in part, so it shares the 40 Wh with the rest.
        assertThat(estimate.method()).isEqualTo(EstimateMethod.LINEAR);
        assertThat(estimate.energiesWh()).containsExactly(0L, 0L, 0L, 0L, 10L, 10L, 10L, 10L);
    }

    @Test
    void setsAsideAPowerOffThatWouldLeaveNoQuarterHourToCarryTheRise() {
        Instant opening = MONDAY.plus(Duration.ofHours(10));
        PowerOff whole = new PowerOff(opening, Instant.MAX);

        GapEstimate estimate = ESTIMATOR.estimate(read(opening, 0), read(opening.plus(Duration.ofHours(1)), 8),
                List.of(), List.of(whole));

        assertThat(estimate.energiesWh()).containsExactly(2L, 2L, 2L, 2L);
    }

    @Test
    void givesTheWholeRiseToThePoweredQuarterHoursEvenWhenTheProfileHasThemAtNothing() {
        // Two weeks of a customer who uses 10 Wh a quarter hour, and nothing from midnight to 06:00.
        List<ActualInterval> actual = new ArrayList<>();
        for (int i = 0; i < 14 * 96; i++) {
            Instant start = MONDAY.plus(QUARTER.multipliedBy(i));
            actual.add(new ActualInterval(start, start.atZone(ZONE).getHour() < 6 ? 0 : 10));
        }
        Instant opening = MONDAY.plus(Duration.ofDays(14)).plus(Duration.ofHours(22));
        PowerOff off = new PowerOff(opening, opening.plus(Duration.ofHours(3)));

        GapEstimate estimate = ESTIMATOR.estimate(read(opening, 500), read(opening.plus(Duration.ofMinutes(195)),
                509), actual, List.of(off));

        // 22:00 to 01:00 was without supply; the profile has 01:00-01:15 at nothing, yet the 9 Wh flowed then.
        assertThat(estimate.method()).isEqualTo(EstimateMethod.PROFILE);
        List<Long> expected = new ArrayList<>(Collections.nCopies(12, 0L));
        expected.add(9L);
        assertThat(estimate.energiesWh()).containsExactlyElementsOf(expected);
    }
}

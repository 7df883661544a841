package io.gridside.billing;

import static io.gridside.billing.Fixtures.LOW_CREDIT;
import static io.gridside.billing.Fixtures.NOON;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.CreditState;
import io.gridside.site.RelayDecision;
import io.gridside.site.RelayState;
import io.gridside.site.SiteCalendar;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each transition of the credit state machine on a hand-made timeline, at one minor unit per Wh. Times are in
 * Nairobi (UTC+3); 5 March 2024 is a Tuesday.
 */
class CreditStateMachineTest {

    private static final SiteCalendar NIGHTS_AND_WEEKENDS = SiteCalendar.parse("""
            night 18:00-07:00
            weekend SATURDAY SUNDAY
            """);

    @Test
    void alertsOncePerCrossingOfTheLowThresholdWithHysteresis() {
        CreditTimeline c = timeline(new CreditPolicy(1_000, 0, 1, 100, false), SiteCalendar.NONE, LOW_CREDIT + 200);

        c.consume(300);  // 4,900: below 5,000, first alert
        c.pay(200);      // 5,100: above the threshold but under 6,000, so not re-armed
        c.consume(200);  // 4,900: no second alert
        c.pay(1_200);    // 6,100: re-armed
        c.consume(1_200); // 4,900: second alert

        assertThat(c.alerts()).extracting(CreditAlert::balanceMinor).containsExactly(4_900L, 4_900L);
        assertThat(c.engine.creditState("C-1")).isEqualTo(CreditState.LOW);
    }

    @Test
    void goesFromActiveToLowToDisconnectedWithoutEmergencyCredit() {
        CreditTimeline c = timeline(CreditPolicy.PLAIN, SiteCalendar.NONE, 6_000);
        List<CreditState> states = new java.util.ArrayList<>();

        for (long energy : new long[] {500, 900, 4_600}) {
            c.consume(energy);
            states.add(c.engine.creditState("C-1"));
        }

        // 5,500 active; 4,600 low; 0 disconnected.
        assertThat(states).containsExactly(CreditState.ACTIVE, CreditState.LOW, CreditState.DISCONNECTED);
        assertThat(c.decisions()).extracting(RelayDecision::relay).containsExactly(RelayState.OFF);
    }

    @Test
    void drawsOnEmergencyCreditUpToItsCapThenDisconnects() {
        CreditTimeline c = timeline(new CreditPolicy(0, 1_000, 1, 100, false), SiteCalendar.NONE, 500);

        c.consume(700);  // -200: emergency
        assertThat(c.engine.creditState("C-1")).isEqualTo(CreditState.EMERGENCY);
        c.consume(700);  // -900: still within the 1,000 cap
        assertThat(c.engine.relay("C-1")).isEqualTo(RelayState.ON);
        c.consume(200);  // -1,100: past the cap

        assertThat(c.engine.creditState("C-1")).isEqualTo(CreditState.DISCONNECTED);
        assertThat(c.decisions()).singleElement().extracting(RelayDecision::relay).isEqualTo(RelayState.OFF);
        assertThat(c.engine.energyPastZeroWh("C-1")).isEqualTo(200 + 700 + 200);
    }

    @Test
    void reconnectsOnceThePaymentsCoverTheThresholdAndTheShareOfEmergencyDebt() {
        // Reconnect at 100 with half the emergency debt repaid: cut off at -1,100 with 1,000 of emergency debt,
        // the customer must reach 100 - 500 = -400.
        CreditTimeline c = timeline(new CreditPolicy(0, 1_000, 100, 50, false), SiteCalendar.NONE, 500);
        c.consume(1_600);  // -1,100
        assertThat(c.engine.creditState("C-1")).isEqualTo(CreditState.DISCONNECTED);

        c.pay(600);  // -500: not yet
        assertThat(c.engine.relay("C-1")).isEqualTo(RelayState.OFF);
        c.pay(100);  // -400: reconnected, drawing on emergency credit again

        assertThat(c.engine.creditState("C-1")).isEqualTo(CreditState.EMERGENCY);
        assertThat(c.decisions()).extracting(RelayDecision::relay, RelayDecision::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(RelayState.OFF, "credit-exhausted"),
                org.assertj.core.groups.Tuple.tuple(RelayState.ON, "topped-up"));
    }

    @Test
    void defersDisconnectionAtNightUntilMorning() {
        Instant sevenInTheEvening = Instant.parse("2024-03-05T16:00:00Z");
        CreditTimeline c = timeline(graced(), NIGHTS_AND_WEEKENDS, 100, sevenInTheEvening);

        c.consume(300);  // -200 at 19:15: grace
        assertThat(c.engine.creditState("C-1")).isEqualTo(CreditState.GRACE);
        c.consume(150);  // -350, all of it delivered in grace
        c.idleUntil(Instant.parse("2024-03-06T04:00:00Z"));  // 07:00 the next morning

        assertThat(c.decisions()).singleElement().isEqualTo(new RelayDecision("M-1", "C-1",
                Instant.parse("2024-03-06T04:00:00Z"), RelayState.OFF, "credit-exhausted"));
        assertThat(c.engine.energyPastZeroWh("C-1")).isEqualTo(200 + 150);
        assertThat(c.engine.energyInGraceWh("C-1")).isEqualTo(150);
    }

    @Test
    void defersDisconnectionOverTheWeekendUntilMonday() {
        Instant saturdayNoon = Instant.parse("2024-03-09T09:00:00Z");
        CreditTimeline c = timeline(graced(), NIGHTS_AND_WEEKENDS, 100, saturdayNoon);

        c.consume(300);
        c.idleUntil(Instant.parse("2024-03-11T04:00:00Z"));  // Monday 07:00, after Sunday night

        assertThat(c.decisions()).singleElement().extracting(RelayDecision::at)
                .isEqualTo(Instant.parse("2024-03-11T04:00:00Z"));
    }

    @Test
    void defersDisconnectionOnAHolidayOfTheSiteCalendarOnly() {
        Instant wednesdayNoon = Instant.parse("2024-03-06T09:00:00Z");
        SiteCalendar holiday = SiteCalendar.parse("holiday 2024-03-06\n");

        CreditTimeline onHoliday = timeline(graced(), holiday, 100, wednesdayNoon).consume(300);
        onHoliday.idleUntil(Instant.parse("2024-03-06T22:00:00Z"));
        CreditTimeline workday = timeline(graced(), SiteCalendar.NONE, 100, wednesdayNoon).consume(300);

        // The holiday ends at midnight in Nairobi, 21:00 UTC.
        assertThat(onHoliday.decisions()).singleElement().extracting(RelayDecision::at)
                .isEqualTo(Instant.parse("2024-03-06T21:00:00Z"));
        assertThat(workday.decisions()).singleElement().extracting(RelayDecision::at)
                .isEqualTo(Instant.parse("2024-03-06T09:15:00Z"));
    }

    @Test
    void neverDisconnectsAProtectedCustomerButAccruesTheirDebt() {
        CreditTerms clinic = new CreditTerms(CreditPolicy.PLAIN, SiteCalendar.NONE, Set.of("C-1"), List.of());
        CreditTimeline c = new CreditTimeline(clinic, 100, NOON);

        c.consume(300).consume(400);

        assertThat(c.balance()).isEqualTo(-600);
        assertThat(c.engine.creditState("C-1")).isEqualTo(CreditState.ARREARS);
        assertThat(c.decisions()).isEmpty();
        assertThat(c.engine.energyPastZeroWh("C-1")).isEqualTo(200 + 400);
    }

    @Test
    void countsOnlyTheShareOfAReadingBelowZeroAsEnergyPastZero() {
        CreditTimeline c = timeline(CreditPolicy.PLAIN, SiteCalendar.NONE, 100);

        c.consume(50).consume(300);  // 50, then -250: 250 of the 300 Wh past zero

        assertThat(c.engine.energyPastZeroWh("C-1")).isEqualTo(250);
    }

    private static CreditPolicy graced() {
        return new CreditPolicy(0, 0, 1, 100, true);
    }

    private static CreditTimeline timeline(CreditPolicy policy, SiteCalendar calendar, long openingMinor) {
        return timeline(policy, calendar, openingMinor, NOON);
    }

    private static CreditTimeline timeline(CreditPolicy policy, SiteCalendar calendar, long openingMinor,
            Instant start) {
        return new CreditTimeline(new CreditTerms(policy, calendar, Set.of(), List.of()), openingMinor, start);
    }
}

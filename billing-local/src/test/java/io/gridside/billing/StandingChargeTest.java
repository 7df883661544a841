package io.gridside.billing;

import static io.gridside.billing.Fixtures.NOON;
import static io.gridside.billing.Fixtures.decisionsOf;
import static io.gridside.billing.Fixtures.engine;
import static io.gridside.billing.Fixtures.ofKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import io.gridside.site.RelayDecision;
import io.gridside.site.RelayState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The standing charge falls once per day of the site's own calendar, here Nairobi's (UTC+3): its days begin at
 * 21:00 UTC, not at UTC midnight. Each charge is dated at the tick that posts it, the first after the day began.
 */
class StandingChargeTest {

    private static final Instant NAIROBI_MIDNIGHT_6_MARCH = Instant.parse("2024-03-05T21:00:00Z");
    private static final Instant FIRST_TICK_OF_6_MARCH = Instant.parse("2024-03-05T21:15:00Z");
    private static final Instant FIRST_TICK_OF_7_MARCH = Instant.parse("2024-03-06T21:15:00Z");

    /** With no energy price, the standing charge is all that a tick can post. */
    private final BillingEngine engine = engine(0, 1_000);

    @Test
    void chargesTheOpeningDayInTheFirstTick() {
        Instant openedAt = NOON.plusSeconds(7 * 60);
        engine.openAccount("C-1", "M-1", 10_000, openedAt);

        Tick first = engine.tick(Instant.parse("2024-03-05T09:15:00Z"), List.of(), List.of());

        assertThat(first.entries()).containsExactly(new LedgerEntry(2, Instant.parse("2024-03-05T09:15:00Z"), "C-1",
                EntryKind.STANDING_CHARGE, -1_000, 9_000, "day:2024-03-05"));
    }

    @Test
    void chargesEachLocalDayOnceInTheFirstTickAfterLocalMidnight() {
        engine.openAccount("C-1", "M-1", 10_000, NOON);
        List<Instant> chargingTicks = new ArrayList<>();

        // From noon on 5 March to noon on 7 March in Nairobi, past two UTC midnights and two local ones.
        for (Instant end = NOON.plus(Reading.INTERVAL); !end.isAfter(Instant.parse("2024-03-07T09:00:00Z"));
                end = end.plus(Reading.INTERVAL)) {
            if (!engine.tick(end, List.of(), List.of()).entries().isEmpty()) {
                chargingTicks.add(end);
            }
        }

        assertThat(chargingTicks).containsExactly(Instant.parse("2024-03-05T09:15:00Z"), FIRST_TICK_OF_6_MARCH,
                FIRST_TICK_OF_7_MARCH);
        assertThat(ofKind(engine.ledgerAfter(0), EntryKind.STANDING_CHARGE))
                .extracting(LedgerEntry::at, LedgerEntry::reference, LedgerEntry::amountMinor)
                .containsExactly(
                        tuple(NOON.plus(Reading.INTERVAL), "day:2024-03-05", -1_000L),
                        tuple(FIRST_TICK_OF_6_MARCH, "day:2024-03-06", -1_000L),
                        tuple(FIRST_TICK_OF_7_MARCH, "day:2024-03-07", -1_000L));
    }

    @Test
    void theTickEndingAtLocalMidnightStillBelongsToTheDayBefore() {
        engine.openAccount("C-1", "M-1", 10_000, NOON);
        engine.tick(NAIROBI_MIDNIGHT_6_MARCH.minus(Reading.INTERVAL), List.of(), List.of());

        Tick atMidnight = engine.tick(NAIROBI_MIDNIGHT_6_MARCH, List.of(), List.of());

        assertThat(atMidnight.entries()).isEmpty();
    }

    @Test
    void anAccountOpenedAtLocalMidnightPaysForTheNewDayOnly() {
        engine.openAccount("C-1", "M-1", 10_000, NAIROBI_MIDNIGHT_6_MARCH);

        Tick first = engine.tick(FIRST_TICK_OF_6_MARCH, List.of(), List.of());

        assertThat(first.entries()).extracting(LedgerEntry::at, LedgerEntry::reference)
                .containsExactly(tuple(FIRST_TICK_OF_6_MARCH, "day:2024-03-06"));
    }

    @Test
    void catchesUpEveryMissedDayOnceAfterAGapInTicks() {
        engine.openAccount("C-1", "M-1", 10_000, NOON);
        engine.tick(NOON.plus(Reading.INTERVAL), List.of(), List.of());

        Tick afterGap = engine.tick(Instant.parse("2024-03-08T09:15:00Z"), List.of(), List.of());
        Tick next = engine.tick(Instant.parse("2024-03-08T09:30:00Z"), List.of(), List.of());

        Instant gapEnd = Instant.parse("2024-03-08T09:15:00Z");
        assertThat(afterGap.entries()).extracting(LedgerEntry::at, LedgerEntry::reference).containsExactly(
                tuple(gapEnd, "day:2024-03-06"),
                tuple(gapEnd, "day:2024-03-07"),
                tuple(gapEnd, "day:2024-03-08"));
        assertThat(next.entries()).isEmpty();
        assertThat(engine.balance("C-1")).isEqualTo(10_000 - 4 * 1_000);
    }

    @Test
    void aStandingChargeThatUsesUpTheCreditTurnsTheRelayOffInTheDaysFirstTick() {
        engine.openAccount("C-1", "M-1", 1_500, NOON);
        List<Tick> ticks = new ArrayList<>();

        ticks.add(engine.tick(NOON.plus(Reading.INTERVAL), List.of(), List.of()));
        ticks.add(engine.tick(FIRST_TICK_OF_6_MARCH, List.of(), List.of()));

        assertThat(engine.balance("C-1")).isEqualTo(-500);
        assertThat(decisionsOf(ticks)).containsExactly(
                new RelayDecision("M-1", "C-1", FIRST_TICK_OF_6_MARCH, RelayState.OFF, "credit-exhausted"));
    }
}

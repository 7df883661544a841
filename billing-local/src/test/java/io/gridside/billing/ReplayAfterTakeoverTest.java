package io.gridside.billing;

import static io.gridside.billing.Fixtures.NAIROBI;
import static io.gridside.billing.Schedules.SINCE_JANUARY;
import static io.gridside.billing.Schedules.cents;
import static io.gridside.billing.Schedules.lifeline;
import static io.gridside.billing.Schedules.open;
import static io.gridside.billing.Schedules.schedule;
import static io.gridside.billing.Schedules.version;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.Reading;
import io.gridside.site.SiteCalendar;
import io.gridside.site.Tariff;
import io.gridside.site.tariff.Period;
import io.gridside.site.tariff.TariffSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A gateway that took a site over bills each meter from the register it read for the reconciliation. Read at 12:14
 * and posted at 12:15:30, that register is of 12:00, so its first tick, at 12:30, bills the quarter hour from 12:00
 * as well as its own; the replay of its days does the same, and charges the day as it did.
 */
class ReplayAfterTakeoverTest {

    private static final Instant DAY_START = Instant.parse("2026-06-03T21:00:00Z");
    private static final Instant DAY_END = DAY_START.plus(Duration.ofHours(24));
    private static final Instant REGISTER_AT = DAY_START.plus(Duration.ofHours(12));
    private static final Instant POSTED = REGISTER_AT.plus(Duration.ofSeconds(15 * 60 + 30));
    private static final TariffSchedule DAILY_LIFELINE = schedule(version(SINCE_JANUARY, Period.DAILY,
            List.of(lifeline(2_000, cents(500)), open(cents(3_000)))));
    private static final Tariff TARIFF = new Tariff("test-kes", "KES", 0, 0, Fixtures.LOW_CREDIT);
    private static final CreditTerms PLAIN = new CreditTerms(CreditPolicy.PLAIN, SiteCalendar.NONE, Set.of(),
            List.of());
    private static final Meter METER = new Meter("M-1", "S-1", "C-1", "GW-1", -70);
    private static final long QUARTER_WH = 90;

    @Test
    void billsAtTheFirstTickTheQuarterHourAfterTheRegisterReadAsTheGatewayDid() {
        List<Reading> readings = readings(REGISTER_AT, DAY_END);
        BillingEngine gateway = takeover();
        Instant firstTick = Reading.intervalStartOf(POSTED).plus(Reading.INTERVAL);
        gateway.tick(firstTick, List.of(), readings.stream().filter(r -> !r.intervalEnd().isAfter(firstTick))
                .toList());
        for (Instant tick = firstTick.plus(Reading.INTERVAL); !tick.isAfter(DAY_END); tick = tick.plus(
                Reading.INTERVAL)) {
            Instant end = tick;
            gateway.tick(tick, List.of(), readings.stream().filter(r -> r.intervalEnd().equals(end)).toList());
        }

        BillingEngine replay = Replay.runAfterTakeover(takeover(), POSTED, List.of(METER), List.of(), readings);

        List<LedgerEntry> energy = gateway.ledgerAfter(0).stream().filter(e -> e.kind() == EntryKind.ENERGY)
                .toList();
        assertThat(energy).singleElement().satisfies(e -> assertThat(e.reference()).contains(REGISTER_AT.toString()));
        assertThat(replay.ledgerAfter(0)).isEqualTo(gateway.ledgerAfter(0));
    }

    private static BillingEngine takeover() {
        return Takeover.engine(TARIFF, new Rater(DAILY_LIFELINE, NAIROBI, day -> false), PLAIN, CustomerTariffs.NONE,
                Takeover.ledgerAfter(40), new LinkedHashMap<>(Map.of("C-1", "M-1")), Map.of("C-1", 100_000L),
                Map.of(), Map.of(), POSTED);
    }

    /** A reading of {@link #QUARTER_WH} each quarter hour from {@code from} to {@code to}. */
    private static List<Reading> readings(Instant from, Instant to) {
        List<Reading> readings = new ArrayList<>();
        long register = 50_000;
        for (Instant start = from; start.isBefore(to); start = start.plus(Reading.INTERVAL)) {
            register += QUARTER_WH;
            readings.add(new Reading("M-1", start, QUARTER_WH, register));
        }
        return readings;
    }
}

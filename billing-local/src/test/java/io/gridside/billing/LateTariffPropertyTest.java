package io.gridside.billing;

import static io.gridside.billing.Fixtures.NAIROBI;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.billing.rerate.BilledAccount;
import io.gridside.billing.rerate.GapFill;
import io.gridside.billing.rerate.LateTariff;
import io.gridside.billing.rerate.RatedInterval;
import io.gridside.billing.rerate.Rerating;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever the readings, the new price and when the late version takes effect: the adjustments bring what the
 * engine charged to exactly what rating every day with the new schedule charges, the engine then bills on as that
 * rating does to the minor unit (remainders included), and pushing the same schedule again posts nothing.
 */
class LateTariffPropertyTest {

    private static final Instant MONDAY = LateTariffTest.MONDAY;
    /** The push comes after Wednesday 06:00, and the engine bills on to Thursday's end. */
    private static final Instant PUSHED_AT = MONDAY.plusSeconds(2 * 86_400 + 6 * 3_600);
    private static final Instant THURSDAY_END = MONDAY.plusSeconds(4 * 86_400);

    @Property(tries = 40)
    void adjustmentsBringTheEngineToTheRerating(
            @ForAll @Size(24) List<@LongRange(min = 0, max = 400) Long> hourlyWh,
            @ForAll @IntRange(min = 1, max = 9_999) int minorPerKwh,
            @ForAll @IntRange(min = 1, max = 53) int effectiveHours) throws LateTariff.NotReratable {
        BillingEngine engine = new BillingEngine(LateTariffTest.flat(), NAIROBI);
        engine.openAccount("C-1", "M-1", LateTariffTest.OPENING, MONDAY);
        List<Reading> billed = new ArrayList<>();
        bill(engine, billed, MONDAY, PUSHED_AT, hourlyWh);
        LocalDateTime effective = LocalDateTime.parse("2024-03-04T00:00").plusHours(effectiveHours);
        Rater now = LateTariffTest.withVersion(minorPerKwh, effective);

        LateTariff.Pushed pushed = LateTariff.push(engine, now, PUSHED_AT,
                customer -> BilledAccount.of(LateTariffTest.account(billed, PUSHED_AT)));

        assertThat(charged(engine)).isEqualTo(rated(now, billed, PUSHED_AT));
        assertThat(pushed.adjustments()).allSatisfy(e -> assertThat(e.reference())
                .containsAnyOf(" tariff-version ", " carried-forward "));

        LateTariff.Pushed again = LateTariff.push(engine, now, PUSHED_AT,
                customer -> BilledAccount.of(LateTariffTest.account(billed, PUSHED_AT)));
        assertThat(again.adjustments()).isEmpty();

        bill(engine, billed, PUSHED_AT, THURSDAY_END, hourlyWh);
        assertThat(charged(engine)).isEqualTo(rated(now, billed, THURSDAY_END));
    }

    @Property(tries = 25)
    void adjustmentsBringAnExchangedAccountToTheReratingAcrossBothMeters(
            @ForAll @Size(24) List<@LongRange(min = 0, max = 400) Long> hourlyWh,
            @ForAll @IntRange(min = 1, max = 9_999) int minorPerKwh,
            @ForAll @IntRange(min = 1, max = 53) int effectiveHours,
            @ForAll @IntRange(min = 1, max = 200) int exchangeQuarter,
            @ForAll @LongRange(min = 0, max = 100) long finalWh) throws LateTariff.NotReratable {
        BillingEngine engine = new BillingEngine(LateTariffTest.flat(), NAIROBI);
        engine.openAccount("C-1", "M-1", LateTariffTest.OPENING, MONDAY);
        List<Reading> billed = new ArrayList<>();
        Instant tick = MONDAY.plus(Reading.INTERVAL.multipliedBy(exchangeQuarter));
        bill(engine, billed, MONDAY, tick, hourlyWh);
        long register = billed.get(billed.size() - 1).registerWh() + finalWh;
        Reading last = new Reading("M-1", tick, finalWh, register);
        billed.add(last);
        engine.exchangeMeter("C-1", last, "M-2", tick.plusSeconds(240));
        List<Reading> second = new ArrayList<>();
        bill(engine, second, tick, PUSHED_AT, hourlyWh, "M-2");
        List<Reading> both = new ArrayList<>(billed);
        both.addAll(second);
        Rater now = LateTariffTest.withVersion(minorPerKwh,
                LocalDateTime.parse("2024-03-04T00:00").plusHours(effectiveHours));

        LateTariff.push(engine, now, PUSHED_AT, customer -> BilledAccount.of(LateTariffTest.account(both,
                PUSHED_AT)));

        assertThat(charged(engine)).isEqualTo(rated(now, both, PUSHED_AT));
        bill(engine, second, PUSHED_AT, THURSDAY_END, hourlyWh, "M-2");
        List<Reading> through = new ArrayList<>(billed);
        through.addAll(second);
        assertThat(charged(engine)).isEqualTo(rated(now, through, THURSDAY_END));
    }

    private static void bill(BillingEngine engine, List<Reading> billed, Instant from, Instant to,
            List<Long> hourlyWh) {
        bill(engine, billed, from, to, hourlyWh, "M-1");
    }

    /** Ticks each quarter hour, drawing a quarter of the hour's figure for that hour of the day. */
    private static void bill(BillingEngine engine, List<Reading> billed, Instant from, Instant to,
            List<Long> hourlyWh, String meterId) {
        for (Instant end = from.plus(Reading.INTERVAL); !end.isAfter(to); end = end.plus(Reading.INTERVAL)) {
            Instant start = end.minus(Reading.INTERVAL);
            long wh = hourlyWh.get(start.atZone(NAIROBI).getHour()) / 4 + (start.getEpochSecond() / 900) % 3;
            long register = (billed.isEmpty() ? 0 : billed.get(billed.size() - 1).registerWh()) + wh;
            Reading reading = new Reading(meterId, start, wh, register);
            billed.add(reading);
            engine.tick(end, List.of(), List.of(reading));
        }
    }

    /** What the engine's ledger charged the customer in all, adjustments counted, charges still accrued included. */
    private static long charged(BillingEngine engine) {
        long posted = engine.ledgerAfter(0).stream().filter(e -> e.kind() != EntryKind.OPENING)
                .mapToLong(LedgerEntry::amountMinor).sum();
        return Math.addExact(-posted, engine.accruedMinor("C-1"));
    }

    /** What rating every day from the opening to {@code until} with {@code rater} charges. */
    private static long rated(Rater rater, List<Reading> billed, Instant until) {
        LocalDate last = until.minusNanos(1).atZone(NAIROBI).toLocalDate();
        GapFill.Account account = new GapFill.Account("C-1", MONDAY, last, billed, Map.of());
        List<RatedInterval> intervals = RatedInterval.asBilled(account.meterReadings(), new GapSpreading(NAIROBI),
                MONDAY, Map.of());
        LocalDate opened = MONDAY.atZone(NAIROBI).toLocalDate();
        return Rerating.charges(new Rerating.Window("C-1", opened, last, RatingState.openedOn(opened)),
                new Rerating.Inputs(rater, intervals)).values().stream().flatMap(List::stream)
                .mapToLong(Charge::amountMinor).sum();
    }
}

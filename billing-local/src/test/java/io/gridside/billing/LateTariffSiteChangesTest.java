package io.gridside.billing;

import static io.gridside.billing.Fixtures.NAIROBI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.gridside.billing.rerate.BilledAccount;
import io.gridside.billing.rerate.LateTariff;
import io.gridside.site.EntryKind;
import io.gridside.site.EventKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.Reading;
import io.gridside.site.SiteEvent;
import io.gridside.site.Tariff;
import io.gridside.site.tariff.Block;
import io.gridside.site.tariff.Period;
import io.gridside.site.tariff.Prices;
import io.gridside.site.tariff.StandingCharge;
import io.gridside.site.tariff.TariffSchedule;
import io.gridside.site.tariff.TariffVersion;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A late tariff version re-rates an account that a meter exchange moved across both meters, and accounts that a
 * move-out closed and a move-in opened on the standing charges each was posted. Every quarter hour draws 100 Wh
 * unless said otherwise; the version, in force since Monday noon, raises 25.00 KES a kWh to 30.00 (and, where a
 * test says so, the daily standing charge from 10.00 to 12.00); it arrives at Wednesday noon.
 */
class LateTariffSiteChangesTest {

    private static final Instant MONDAY = LateTariffTest.MONDAY;
    private static final Instant WEDNESDAY_NOON = LateTariffTest.WEDNESDAY_NOON;
    private static final Instant TUESDAY = MONDAY.plus(Duration.ofDays(1));
    private static final LocalDate LAST = LocalDate.of(2024, 3, 6);

    private final Map<String, List<Reading>> byMeter = new HashMap<>();
    private final List<SiteEvent> events = new ArrayList<>();
    private final Map<String, Long> registers = new HashMap<>();

    private static Tariff tariff(long standingMinor) {
        return new Tariff("flat-kes", "KES", 2_500, standingMinor, Fixtures.LOW_CREDIT);
    }

    private static Rater withVersion(long standingMinor, long newStandingMinor) {
        TariffVersion first = TariffSchedule.flat(tariff(standingMinor)).versions().get(0);
        TariffVersion next = new TariffVersion(LateTariffTest.MONDAY_NOON, "KES", List.of(new Block(null,
                Prices.ofMinorPerKwh(3_000), false)), null, List.of(),
                new StandingCharge(Period.DAILY, newStandingMinor, null), null, List.of(), null);
        return new Rater(new TariffSchedule("flat-kes", "KES", List.of(first, next)), NAIROBI, day -> false);
    }

    /** Ticks each quarter hour ending after {@code from} up to {@code to}, one 100 Wh reading of each meter. */
    private void bill(BillingEngine engine, Instant from, Instant to, String... meterIds) {
        for (Instant end = from.plus(Reading.INTERVAL); !end.isAfter(to); end = end.plus(Reading.INTERVAL)) {
            List<Reading> readings = new ArrayList<>();
            for (String meterId : meterIds) {
                readings.add(reading(meterId, end.minus(Reading.INTERVAL), 100));
            }
            engine.tick(end, List.of(), readings);
        }
    }

    private Reading reading(String meterId, Instant start, long wh) {
        long register = registers.merge(meterId, wh, Long::sum);
        Reading reading = new Reading(meterId, start, wh, register);
        byMeter.computeIfAbsent(meterId, id -> new ArrayList<>()).add(reading);
        return reading;
    }

    private void event(Instant at, String meterId, EventKind kind, Map<String, String> details) {
        events.add(new SiteEvent(events.size() + 1, at, meterId, kind, new TreeMap<>(details), null));
    }

    /** Each customer's account as the gateway reads it: the readings its meters billed it, by the events. */
    private BilledAccount account(BillingEngine engine, String customerId) {
        Map<String, String> meterNow = new HashMap<>();
        Map<String, Instant> openings = new HashMap<>();
        engine.customers().forEach(c -> {
            meterNow.put(c, engine.meterOf(c));
            openings.put(c, engine.openedAt(c));
        });
        AccountHistory history = AccountHistory.of(meterNow, openings, events);
        Instant opened = engine.openedAt(customerId);
        return new BilledAccount(customerId, opened, engine.closedAt(customerId).orElse(null), opened.isAfter(MONDAY),
                LAST, history.billedTo(customerId, byMeter, WEDNESDAY_NOON), Map.of(), Map.of());
    }

    /** C-1's account, exchanged from M-1 to M-2 on Tuesday at 06:07, billed to Wednesday noon. */
    private BillingEngine exchanged() {
        BillingEngine engine = new BillingEngine(tariff(0), NAIROBI);
        engine.openAccount("C-1", "M-1", LateTariffTest.OPENING, MONDAY);
        Instant sixAm = TUESDAY.plus(Duration.ofHours(6));
        bill(engine, MONDAY, sixAm, "M-1");
        // Tuesday 06:07: M-1's final register is 30 Wh on; M-2, fitted at register 0, counts the quarter hour's
        // other 70 Wh.
        Instant exchange = sixAm.plus(Duration.ofMinutes(7));
        Reading last = reading("M-1", sixAm, 30);
        engine.exchangeMeter("C-1", last, "M-2", exchange);
        event(exchange, "M-1", EventKind.METER_EXCHANGED, Map.of("newMeterId", "M-2", "customerId", "C-1",
                "oldFinalRegisterWh", String.valueOf(last.registerWh())));
        engine.tick(sixAm.plus(Reading.INTERVAL), List.of(), List.of(reading("M-2", sixAm, 70)));
        bill(engine, sixAm.plus(Reading.INTERVAL), WEDNESDAY_NOON, "M-2");
        return engine;
    }

    @Test
    void adjustsAnExchangedAccountExactlyAcrossBothMeters() throws LateTariff.NotReratable {
        BillingEngine engine = exchanged();

        LateTariff.Pushed pushed = LateTariff.push(engine, withVersion(0, 0), WEDNESDAY_NOON,
                customer -> account(engine, customer));

        // Monday: 48 quarter hours after noon, 4.8 kWh at 5.00 more = 24.00. Tuesday: 24 quarter hours of M-1, its
        // final 30 Wh, M-2's 70 Wh and 71 quarter hours of M-2: 9.6 kWh, 48.00 more. Wednesday to noon: 24.00.
        assertThat(pushed.adjustments()).extracting(LedgerEntry::amountMinor, LedgerEntry::reference)
                .containsExactly(
                        tuple(-2_400L, "adjustment:2024-03-04 tariff-version energy"),
                        tuple(-4_800L, "adjustment:2024-03-05 tariff-version energy"),
                        tuple(-2_400L, "adjustment:2024-03-06 tariff-version energy"));

        // Wednesday afternoon at 30.00 from the re-rated state: 48 x 100 Wh = 144.00, no minor unit more or less.
        bill(engine, WEDNESDAY_NOON, MONDAY.plus(Duration.ofDays(3)), "M-2");
        assertThat(engine.balance("C-1")).isEqualTo(LateTariffTest.OPENING - 26_400 - 28_800 - 28_800);
    }

    @Test
    void theReplayMovesTheExchangedAccountToTheGatewaysReratedState() throws LateTariff.NotReratable {
        BillingEngine engine = exchanged();
        long afterSeq = engine.lastSeq();
        Rater now = withVersion(0, 0);
        LateTariff.push(engine, now, WEDNESDAY_NOON, customer -> account(engine, customer));
        bill(engine, WEDNESDAY_NOON, WEDNESDAY_NOON.plus(Duration.ofHours(2)), "M-2");
        List<Reading> readings = new ArrayList<>();
        byMeter.values().forEach(readings::addAll);

        BillingEngine replay = Replay.run(tariff(0), new Rater(TariffSchedule.flat(tariff(0)), NAIROBI, d -> false),
                CreditTerms.PLAIN, List.of(new Meter("M-2", "M-2", "C-1", "G-1", -60)), engine.ledgerAfter(0),
                readings, events, List.of(new Replay.Push(now, WEDNESDAY_NOON, afterSeq)));

        // The state from both meters' readings, not M-2's alone: the month's energy counts M-1's too.
        assertThat(replay.ratingState("C-1").sameAs(engine.ratingState("C-1"))).isTrue();
        assertThat(Reconciliation.of(engine.ledgerAfter(0), replay).agrees()).isTrue();
    }

    @Test
    void adjustsAMovedOutAndAMovedInAccountOnTheStandingChargesEachWasPosted() throws LateTariff.NotReratable {
        BillingEngine engine = new BillingEngine(tariff(1_000), NAIROBI);
        engine.openAccount("C-1", "M-1", LateTariffTest.OPENING, MONDAY);
        Instant sixPm = TUESDAY.plus(Duration.ofHours(18));
        bill(engine, MONDAY, sixPm, "M-1");
        // Tuesday 18:07: C-1 moves out at a final register 40 Wh on; C-2 moves in at 20:00, after the day's first
        // tick, so Tuesday's standing charge stays C-1's.
        Instant moveOut = sixPm.plus(Duration.ofMinutes(7));
        Reading last = reading("M-1", sixPm, 40);
        engine.moveOut("C-1", last, moveOut);
        event(moveOut, "M-1", EventKind.CUSTOMER_MOVED_OUT, Map.of("customerId", "C-1",
                "finalRegisterWh", String.valueOf(last.registerWh())));
        Instant moveIn = TUESDAY.plus(Duration.ofHours(20));
        engine.moveIn("C-2", "M-1", LateTariffTest.OPENING, moveIn);
        event(moveIn, "M-1", EventKind.CUSTOMER_MOVED_IN, Map.of("customerId", "C-2"));
        bill(engine, moveIn, WEDNESDAY_NOON, "M-1");
        long closedBalance = engine.balance("C-1");

        LateTariff.Pushed pushed = LateTariff.push(engine, withVersion(1_000, 1_200), WEDNESDAY_NOON,
                customer -> account(engine, customer));

        // C-1, Monday: 4.8 kWh after noon at 5.00 more = 24.00; the day's standing charge is the first version's.
        // Tuesday: 2.00 more standing, and 72 quarter hours and the final 40 Wh, 7.24 kWh at 5.00 more = 36.20.
        // C-2, Tuesday: no standing charge either way; 16 quarter hours, 1.6 kWh = 8.00. Wednesday: 2.00 more
        // standing, 4.8 kWh = 24.00.
        assertThat(pushed.adjustments()).extracting(LedgerEntry::customerId, LedgerEntry::amountMinor,
                LedgerEntry::reference).containsExactly(
                        tuple("C-1", -2_400L, "adjustment:2024-03-04 tariff-version energy"),
                        tuple("C-1", -3_620L, "adjustment:2024-03-05 tariff-version energy"),
                        tuple("C-1", -200L, "adjustment:2024-03-05 tariff-version standing"),
                        tuple("C-2", -800L, "adjustment:2024-03-05 tariff-version energy"),
                        tuple("C-2", -2_400L, "adjustment:2024-03-06 tariff-version energy"),
                        tuple("C-2", -200L, "adjustment:2024-03-06 tariff-version standing"));
        assertThat(engine.balance("C-1")).isEqualTo(closedBalance - 6_220);
        // The closed account's relay decisions are not the meter's: C-2's credit alone decides it.
        assertThat(pushed.decisions()).noneMatch(d -> d.customerId().equals("C-1"));
        assertThat(engine.ledgerAfter(0)).filteredOn(e -> e.customerId().equals("C-1") && e.at().isAfter(moveOut))
                .allMatch(e -> e.kind() == EntryKind.ADJUSTMENT);
    }
}

package io.gridside.billing;

import static io.gridside.billing.Fixtures.NAIROBI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.billing.rerate.Adjustment;
import io.gridside.billing.rerate.BilledAccount;
import io.gridside.billing.rerate.GapFill;
import io.gridside.billing.rerate.LateTariff;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import io.gridside.site.Tariff;
import io.gridside.site.tariff.Block;
import io.gridside.site.tariff.Prices;
import io.gridside.site.tariff.TariffSchedule;
import io.gridside.site.tariff.TariffVersion;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A flat 25.00 KES a kWh tariff gains, at Wednesday noon, a version of 30.00 KES a kWh in force since Monday noon:
 * the gateway's engine re-rates the customer's two days past and posts exactly the difference, then bills on at
 * the new price from the re-rated state.
 */
class LateTariffTest {

    /** Monday 4 March 2024, midnight in Nairobi, when C-1's account opened with 1,000.00 KES. */
    static final Instant MONDAY = Instant.parse("2024-03-03T21:00:00Z");
    /** Wednesday noon in Nairobi: the tick after which the version arrives. */
    static final Instant WEDNESDAY_NOON = MONDAY.plusSeconds(2 * 86_400 + 12 * 3_600);
    static final LocalDateTime MONDAY_NOON = LocalDateTime.parse("2024-03-04T12:00");
    static final long OPENING = 100_000;
    /** Every quarter hour draws 100 Wh: 250 minor units at 25.00 a kWh, 300 at 30.00. */
    static final long QUARTER_WH = 100;

    static Tariff flat() {
        return new Tariff("flat-kes", "KES", 2_500, 0, Fixtures.LOW_CREDIT);
    }

    static Rater withVersion(long minorPerKwh, LocalDateTime from) {
        TariffSchedule flat = TariffSchedule.flat(flat());
        TariffVersion first = flat.versions().get(0);
        TariffVersion next = new TariffVersion(from, "KES", List.of(new Block(null,
                Prices.ofMinorPerKwh(minorPerKwh), false)), null, List.of(), first.standing(), null, List.of(), null);
        return new Rater(new TariffSchedule(flat.tariffId(), "KES", List.of(first, next)), NAIROBI, day -> false);
    }

    /** Ticks every quarter hour from {@code from} to {@code to}, one reading of {@code wh} each. */
    static void bill(BillingEngine engine, List<Reading> billed, Instant from, Instant to, long wh) {
        for (Instant end = from.plus(Reading.INTERVAL); !end.isAfter(to); end = end.plus(Reading.INTERVAL)) {
            long register = (billed.isEmpty() ? 0 : billed.get(billed.size() - 1).registerWh()) + wh;
            Reading reading = new Reading("M-1", end.minus(Reading.INTERVAL), wh, register);
            billed.add(reading);
            engine.tick(end, List.of(), List.of(reading));
        }
    }

    static GapFill.Account account(List<Reading> billed, Instant at) {
        return new GapFill.Account("C-1", MONDAY, at.minusNanos(1).atZone(NAIROBI).toLocalDate(), billed, Map.of());
    }

    @Test
    void postsExactlyWhatTheLateVersionChargesMoreAndBillsOnAtItsPrice() throws LateTariff.NotReratable {
        BillingEngine engine = new BillingEngine(flat(), NAIROBI);
        engine.openAccount("C-1", "M-1", OPENING, MONDAY);
        List<Reading> billed = new ArrayList<>();
        bill(engine, billed, MONDAY, WEDNESDAY_NOON, QUARTER_WH);

        LateTariff.Pushed pushed = LateTariff.push(engine, withVersion(3_000, MONDAY_NOON), WEDNESDAY_NOON,
                customer -> BilledAccount.of(account(billed, WEDNESDAY_NOON)));

        // Monday: 48 quarter hours before noon stay at 250, 48 after cost 300 instead: 48 x 50 = 24.00 more.
        // Tuesday: 96 quarter hours at 50 more = 48.00. Wednesday to noon: 48 x 50 = 24.00. In all 96.00 KES.
        assertThat(pushed.adjustments()).extracting(LedgerEntry::amountMinor, LedgerEntry::reference)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(-2_400L, "adjustment:2024-03-04 tariff-version energy"),
                        org.assertj.core.groups.Tuple.tuple(-4_800L, "adjustment:2024-03-05 tariff-version energy"),
                        org.assertj.core.groups.Tuple.tuple(-2_400L, "adjustment:2024-03-06 tariff-version energy"));
        assertThat(pushed.adjustments()).allSatisfy(e -> assertThat(e.at()).isEqualTo(WEDNESDAY_NOON));

        // Wednesday afternoon at 30.00: 48 x 300 = 144.00. Charged in all: Monday 264.00, Tuesday 288.00,
        // Wednesday 288.00 = 840.00 of the opening 1,000.00.
        Instant thursday = MONDAY.plusSeconds(3 * 86_400);
        bill(engine, billed, WEDNESDAY_NOON, thursday, QUARTER_WH);
        assertThat(engine.balance("C-1")).isEqualTo(OPENING - 26_400 - 28_800 - 28_800);
        long energy = engine.ledgerAfter(0).stream().filter(e -> e.kind() == EntryKind.ENERGY
                && e.at().isAfter(WEDNESDAY_NOON)).mapToLong(LedgerEntry::amountMinor).sum();
        assertThat(energy).isEqualTo(-14_400);
    }

    @Test
    void aSecondPushOfTheSameScheduleMovesNothing() throws LateTariff.NotReratable {
        BillingEngine engine = new BillingEngine(flat(), NAIROBI);
        engine.openAccount("C-1", "M-1", OPENING, MONDAY);
        List<Reading> billed = new ArrayList<>();
        bill(engine, billed, MONDAY, WEDNESDAY_NOON, QUARTER_WH);
        Rater now = withVersion(3_000, MONDAY_NOON);
        LateTariff.push(engine, now, WEDNESDAY_NOON, customer -> BilledAccount.of(account(billed, WEDNESDAY_NOON)));
        long balance = engine.balance("C-1");

        LateTariff.Pushed again = LateTariff.push(engine, now, WEDNESDAY_NOON,
                customer -> BilledAccount.of(account(billed, WEDNESDAY_NOON)));

        assertThat(again.adjustments()).isEmpty();
        assertThat(engine.balance("C-1")).isEqualTo(balance);
    }

    @Test
    void refusesAnAccountWhoseReadingsDoNotRepeatWhatTheEngineBilled() {
        BillingEngine engine = new BillingEngine(flat(), NAIROBI);
        engine.openAccount("C-1", "M-1", OPENING, MONDAY);
        List<Reading> billed = new ArrayList<>();
        bill(engine, billed, MONDAY, WEDNESDAY_NOON, QUARTER_WH);
        long seq = engine.lastSeq();
        List<Reading> missingOne = billed.subList(1, billed.size());

        assertThatThrownBy(() -> LateTariff.push(engine, withVersion(3_000, MONDAY_NOON), WEDNESDAY_NOON,
                customer -> BilledAccount.of(account(missingOne, WEDNESDAY_NOON))))
                .isInstanceOf(LateTariff.NotReratable.class).hasMessageContaining("C-1")
                .hasMessageContaining("does not repeat what the gateway billed");
        assertThat(engine.lastSeq()).isEqualTo(seq);
        assertThat(engine.rater().schedule().versions()).hasSize(1);
    }

    @Test
    void givesEachDayTheVersionIsInForceOnTheReasonTariffVersion() {
        List<Reading> billed = new ArrayList<>();
        BillingEngine engine = new BillingEngine(flat(), NAIROBI);
        engine.openAccount("C-1", "M-1", OPENING, MONDAY);
        bill(engine, billed, MONDAY, WEDNESDAY_NOON, QUARTER_WH);

        List<Adjustment> adjustments = LateTariff.adjustments(engine.rater(), withVersion(3_000, MONDAY_NOON),
                account(billed, WEDNESDAY_NOON));

        assertThat(adjustments).extracting(a -> a.customerDay().day()).containsExactly(LocalDate.of(2024, 3, 4),
                LocalDate.of(2024, 3, 5), LocalDate.of(2024, 3, 6));
        assertThat(adjustments).allSatisfy(a -> assertThat(a.reason()).isEqualTo(Adjustment.Reason.TARIFF_VERSION));
    }
}

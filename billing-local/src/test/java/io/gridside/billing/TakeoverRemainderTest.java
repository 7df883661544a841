package io.gridside.billing;

import static io.gridside.billing.Fixtures.NAIROBI;
import static io.gridside.billing.Schedules.SINCE_JANUARY;
import static io.gridside.billing.Schedules.cents;
import static io.gridside.billing.Schedules.open;
import static io.gridside.billing.Schedules.schedule;
import static io.gridside.billing.Schedules.version;
import static io.gridside.billing.Schedules.withLines;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import io.gridside.site.SiteCalendar;
import io.gridside.site.Tariff;
import io.gridside.site.tariff.ChargeLine;
import io.gridside.site.tariff.Period;
import io.gridside.site.tariff.TariffSchedule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Thirty customers whose gateway is replaced at noon, on a tariff with VAT: the reconciliation posts the gap's
 * charges in whole minor units, and the day's lines sum to what an engine that never stopped posts for the day only
 * when the new engine goes on with each line's fraction of a minor unit (decision 0016's rule, on the whole day).
 */
class TakeoverRemainderTest {

    private static final Instant DAY_START = Instant.parse("2026-06-03T21:00:00Z");
    private static final Instant DAY_END = DAY_START.plusSeconds(24 * 3600);
    private static final Instant TAKEOVER = DAY_START.plusSeconds(12 * 3600);
    private static final Instant OPENED = DAY_START.minusSeconds(3600);
    private static final int CUSTOMERS = 30;
    private static final TariffSchedule WITH_VAT = schedule(withLines(version(SINCE_JANUARY, Period.DAILY,
            List.of(open(cents(2_537)))), new ChargeLine("VAT", ChargeLine.Kind.TAX, 1_600L, null)));
    private static final Tariff TARIFF = new Tariff("test-kes", "KES", 0, 0, Fixtures.LOW_CREDIT);
    private static final CreditTerms PLAIN = new CreditTerms(CreditPolicy.PLAIN, SiteCalendar.NONE, Set.of(),
            List.of());

    @Test
    void theDaysLinesSumToTheWholeDaysRoundedDownWhenTheRemaindersGoOn() {
        BillingEngine never = billed(DAY_END);
        BillingEngine before = billed(TAKEOVER);
        Map<String, Takeover.PeriodState> periods = periodsOf(before);
        BillingEngine takenOver = takeover(before, periods);
        bill(takenOver, TAKEOVER, DAY_END);

        for (EntryKind kind : List.of(EntryKind.ENERGY, EntryKind.TAX)) {
            assertThat(dayWithTakeover(before, takenOver, kind)).as(kind.name()).isEqualTo(day(never, kind));
        }
        assertThat(periods.values()).anySatisfy(p -> assertThat(p.remainders()).isNotEmpty());
    }

    @Test
    void withoutTheRemaindersADaysTaxComesOutAMinorUnitShortForSomeCustomers() {
        BillingEngine never = billed(DAY_END);
        BillingEngine before = billed(TAKEOVER);
        Map<String, Takeover.PeriodState> periods = new HashMap<>();
        periodsOf(before).forEach((customerId, p) -> periods.put(customerId, new Takeover.PeriodState(
                p.blockPeriod(), p.blockPeriodWh(), p.energyMonth(), p.monthEnergyUnits(), p.firstFullMonth(),
                p.credit(), p.relay(), p.emergencyDebtMinor(), p.energyPastZeroWh(), p.energyInGraceWh())));
        BillingEngine takenOver = takeover(before, periods);
        bill(takenOver, TAKEOVER, DAY_END);

        Map<String, Long> expected = day(never, EntryKind.TAX);
        Map<String, Long> split = dayWithTakeover(before, takenOver, EntryKind.TAX);
        List<Long> shortBy = new ArrayList<>();
        expected.forEach((customerId, tax) -> shortBy.add(tax - split.get(customerId)));
        assertThat(shortBy).containsOnly(0L, 1L).contains(1L);
    }

    private static Map<String, Takeover.PeriodState> periodsOf(BillingEngine engine) {
        Map<String, Takeover.PeriodState> periods = new LinkedHashMap<>();
        engine.customers().forEach(customerId -> periods.put(customerId, Takeover.periodOf(engine, customerId)));
        return periods;
    }

    /** Each customer's charges of {@code kind} for the site day, as the engine posted them: positive amounts. */
    private static Map<String, Long> day(BillingEngine engine, EntryKind kind) {
        Map<String, Long> charged = new HashMap<>();
        for (LedgerEntry entry : engine.ledgerAfter(0)) {
            if (entry.kind() == kind && entry.at().isAfter(DAY_START) && !entry.at().isAfter(DAY_END)) {
                charged.merge(entry.customerId(), -entry.amountMinor(), Long::sum);
            }
        }
        return charged;
    }

    /** The reconciliation's whole minor units at noon, as its lines post them, and the new engine's postings. */
    private static Map<String, Long> dayWithTakeover(BillingEngine before, BillingEngine after, EntryKind kind) {
        Map<String, Long> charged = day(before, kind);
        before.customers().forEach(c -> charged.merge(c, before.accruedMinor(c, kind), Long::sum));
        day(after, kind).forEach((c, minor) -> charged.merge(c, minor, Long::sum));
        return charged;
    }

    private static BillingEngine billed(Instant until) {
        BillingEngine engine = new BillingEngine(TARIFF, rater(), LedgerStore.inMemory(), PLAIN);
        for (int i = 1; i <= CUSTOMERS; i++) {
            engine.openAccount(customer(i), meter(i), 10_000_000, OPENED);
        }
        bill(engine, OPENED, until);
        return engine;
    }

    private static BillingEngine takeover(BillingEngine before, Map<String, Takeover.PeriodState> periods) {
        Map<String, String> meters = new LinkedHashMap<>();
        Map<String, Long> balances = new HashMap<>();
        for (int i = 1; i <= CUSTOMERS; i++) {
            meters.put(customer(i), meter(i));
            balances.put(customer(i), before.balance(customer(i)));
        }
        return Takeover.engine(TARIFF, rater(), PLAIN, CustomerTariffs.NONE, Takeover.ledgerAfter(before.lastSeq()),
                meters, balances, Map.of(), periods, TAKEOVER);
    }

    /** Bills every meter each quarter hour from {@code from} to {@code to}, each its own few Wh. */
    private static void bill(BillingEngine engine, Instant from, Instant to) {
        for (Instant start = from; start.isBefore(to); start = start.plus(Reading.INTERVAL)) {
            long quarter = start.getEpochSecond() / 900;
            List<Reading> readings = new ArrayList<>();
            for (int i = 1; i <= CUSTOMERS; i++) {
                readings.add(new Reading(meter(i), start, energy(i, quarter), register(i, quarter)));
            }
            engine.tick(start.plus(Reading.INTERVAL), List.of(), readings);
        }
    }

    private static long energy(int customer, long quarter) {
        return 7 + 3L * customer + quarter % 5;
    }

    /** The register at the quarter hour's end: the sum of every quarter hour's energy since the epoch's. */
    private static long register(int customer, long quarter) {
        long whole = (quarter + 1) / 5;
        long rest = (quarter + 1) % 5;
        return (quarter + 1) * (7 + 3L * customer) + whole * 10 + rest * (rest - 1) / 2;
    }

    private static String customer(int i) {
        return String.format("C-%02d", i);
    }

    private static String meter(int i) {
        return String.format("M-%02d", i);
    }

    private static Rater rater() {
        return new Rater(WITH_VAT, NAIROBI, day -> false);
    }
}

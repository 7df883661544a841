package io.gridside.billing;

import static io.gridside.billing.Fixtures.NOON;
import static io.gridside.billing.Fixtures.engine;
import static io.gridside.billing.Fixtures.ofKind;
import static io.gridside.billing.Fixtures.quarters;
import static io.gridside.billing.Fixtures.read;
import static io.gridside.billing.Fixtures.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Energy is rated at the tariff, accrued exactly and posted in whole minor units, never losing or inventing a
 * fraction: the balance falls by each reading's charge at once, and the ledger shows the day's charge at its end.
 */
class RatingTest {

    /** Local midnight after {@link Fixtures#NOON}: 12 hours, 48 quarter hours, later. */
    private static final Instant MIDNIGHT = quarters(NOON, 48);

    @Test
    void chargesTheBalanceAtOnceAndPostsTheDaysEnergyAtLocalMidnight() {
        // KES 25.00 per kWh is 2,500 cents; 400 Wh of it cost KES 10.00: owed at once, posted at midnight.
        BillingEngine engine = engine(2_500, 0);
        engine.openAccount("C-1", "M-1", 100_000, NOON);
        Instant end = quarters(NOON, 1);

        Tick tick = read(engine, end, reading("M-1", end, 400));
        Tick midnight = engine.tick(MIDNIGHT, List.of(), List.of());

        assertThat(ofKind(tick.entries(), EntryKind.ENERGY)).isEmpty();
        assertThat(midnight.entries()).singleElement().isEqualTo(new LedgerEntry(3, MIDNIGHT, "C-1", EntryKind.ENERGY,
                -1_000, 99_000, "usage:" + NOON + "/" + end));
        assertThat(engine.balance("C-1")).isEqualTo(99_000).isEqualTo(engine.postedBalance("C-1"));
    }

    @Test
    void carriesTheFractionOfAMinorUnitIntoTheNextInterval() {
        // 1 Wh at 2,500 cents per kWh is 2.5 cents: the balance falls by 2 and 3 in turn, never drifting from the
        // total, and the day posts floor(4 * 2.5) = 10.
        BillingEngine engine = engine(2_500, 0);
        engine.openAccount("C-1", "M-1", 100_000, NOON);

        List<Long> charges = new ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            long before = engine.balance("C-1");
            read(engine, quarters(NOON, n), reading("M-1", quarters(NOON, n), 1));
            charges.add(engine.balance("C-1") - before);
        }
        engine.tick(MIDNIGHT, List.of(), List.of());

        assertThat(charges).containsExactly(-2L, -3L, -2L, -3L);
        assertThat(ofKind(engine.ledgerAfter(0), EntryKind.ENERGY)).extracting(LedgerEntry::amountMinor)
                .containsExactly(-10L);
    }

    @Test
    void owesNothingUntilTheChargeAmountsToAWholeMinorUnit() {
        // 100 Wh at 3 cents per kWh is 0.3 cents: the fourth interval brings the total to 1.2 cents.
        BillingEngine engine = engine(3, 0);
        engine.openAccount("C-1", "M-1", 100_000, NOON);

        List<Integer> owingAfter = new ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            read(engine, quarters(NOON, n), reading("M-1", quarters(NOON, n), 100));
            if (engine.accruedMinor("C-1") > 0) {
                owingAfter.add(n);
            }
        }

        assertThat(owingAfter).containsExactly(4);
        assertThat(engine.balance("C-1")).isEqualTo(100_000 - 1);
    }

    @Test
    void aDayThatOwesLessThanAMinorUnitPostsNothingAndCarriesItOn() {
        // 100 Wh at 3 cents per kWh is 0.3 cents: midnight posts nothing; the next day's 300 Wh (0.9 cents)
        // bring the total to 1.2 cents, and the next midnight posts 1 cent.
        BillingEngine engine = engine(3, 0);
        engine.openAccount("C-1", "M-1", 100_000, NOON);

        read(engine, quarters(NOON, 1), reading("M-1", quarters(NOON, 1), 100));
        engine.tick(MIDNIGHT, List.of(), List.of());
        List<LedgerEntry> firstDay = ofKind(engine.ledgerAfter(0), EntryKind.ENERGY);
        read(engine, quarters(MIDNIGHT, 40), reading("M-1", quarters(MIDNIGHT, 40), 300));
        engine.tick(quarters(MIDNIGHT, 96), List.of(), List.of());

        assertThat(firstDay).isEmpty();
        assertThat(ofKind(engine.ledgerAfter(0), EntryKind.ENERGY)).extracting(LedgerEntry::amountMinor)
                .containsExactly(-1L);
    }

    @Test
    void keepsEachAccountsFractionToItself() {
        BillingEngine engine = engine(2_500, 0);
        engine.openAccount("C-1", "M-1", 100_000, NOON);
        engine.openAccount("C-2", "M-2", 100_000, NOON);

        for (int n = 1; n <= 2; n++) {
            Instant end = quarters(NOON, n);
            read(engine, end, reading("M-1", end, 1), reading("M-2", end, 1));
        }
        engine.tick(MIDNIGHT, List.of(), List.of());

        // A remainder shared between the accounts would have charged one customer 4 cents and the other 6.
        assertThat(engine.balance("C-1")).isEqualTo(100_000 - 5);
        assertThat(engine.balance("C-2")).isEqualTo(100_000 - 5);
        assertThat(ofKind(engine.ledgerAfter(0), EntryKind.ENERGY)).extracting(LedgerEntry::amountMinor)
                .containsExactly(-5L, -5L);
    }

    @Test
    void refusesAReadingOfAMeterWithoutAccount() {
        BillingEngine engine = engine(2_500, 0);
        engine.openAccount("C-1", "M-1", 100_000, NOON);
        Instant end = quarters(NOON, 1);

        assertThatIllegalArgumentException().isThrownBy(() -> read(engine, end, reading("M-9", end, 10)))
                .withMessageContaining("M-9");
    }

    /**
     * After every tick, each account's balance is its exact charge so far rounded down, where the exact charge of
     * E Wh at P minor units per kWh is E * P thousandths of a minor unit; and the energy postings, made at local
     * midnight (the 48th quarter hour) and at the end, sum to the exact charge of what they cover, rounded down.
     */
    @Property(tries = 300)
    void balancesAndPostingsAlwaysFollowTheExactChargeRoundedDown(
            @ForAll @LongRange(min = 0, max = 50_000) long priceMinorPerKwh,
            @ForAll @Size(max = 150) List<@LongRange(min = 0, max = 30_000) Long> energiesOfMeter1,
            @ForAll @Size(max = 150) List<@LongRange(min = 0, max = 30_000) Long> energiesOfMeter2) {
        BillingEngine engine = engine(priceMinorPerKwh, 0);
        engine.openAccount("C-1", "M-1", 0, NOON);
        engine.openAccount("C-2", "M-2", 0, NOON);
        long[] exactMilliMinor = new long[2];

        int intervals = Math.max(energiesOfMeter1.size(), energiesOfMeter2.size());
        for (int n = 0; n < intervals; n++) {
            Instant end = quarters(NOON, n + 1);
            List<Reading> batch = new ArrayList<>();
            exactMilliMinor[0] += addReading(batch, "M-1", end, energiesOfMeter1, n) * priceMinorPerKwh;
            exactMilliMinor[1] += addReading(batch, "M-2", end, energiesOfMeter2, n) * priceMinorPerKwh;
            engine.tick(end, List.of(), batch);

            assertThat(engine.balance("C-1")).isEqualTo(-exactMilliMinor[0] / 1_000);
            assertThat(engine.balance("C-2")).isEqualTo(-exactMilliMinor[1] / 1_000);
            if (end.equals(MIDNIGHT)) {
                assertThat(energyCharged(engine, "C-1")).isEqualTo(exactMilliMinor[0] / 1_000);
                assertThat(energyCharged(engine, "C-2")).isEqualTo(exactMilliMinor[1] / 1_000);
            }
        }
        engine.tick(quarters(MIDNIGHT, 2 * 96), List.of(), List.of());

        assertThat(energyCharged(engine, "C-1")).isEqualTo(exactMilliMinor[0] / 1_000);
        assertThat(energyCharged(engine, "C-2")).isEqualTo(exactMilliMinor[1] / 1_000);
        assertThat(ofKind(engine.ledgerAfter(0), EntryKind.ENERGY)).allMatch(e -> e.amountMinor() < 0);
    }

    /** Adds the meter's {@code n}th reading, if its list has one, and returns its energy. */
    private static long addReading(List<Reading> batch, String meterId, Instant end, List<Long> energies, int n) {
        if (n >= energies.size()) {
            return 0;
        }
        batch.add(reading(meterId, end, energies.get(n)));
        return energies.get(n);
    }

    private static long energyCharged(BillingEngine engine, String customerId) {
        return -ofKind(engine.ledgerAfter(0), EntryKind.ENERGY).stream()
                .filter(e -> e.customerId().equals(customerId))
                .mapToLong(LedgerEntry::amountMinor)
                .sum();
    }
}

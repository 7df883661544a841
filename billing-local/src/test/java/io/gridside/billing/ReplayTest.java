package io.gridside.billing;

import static io.gridside.billing.Fixtures.NAIROBI;
import static io.gridside.billing.Fixtures.NOON;
import static io.gridside.billing.Fixtures.ofKind;
import static io.gridside.billing.Fixtures.quarters;
import static io.gridside.billing.Fixtures.reading;
import static io.gridside.billing.Fixtures.tariff;
import static io.gridside.billing.Fixtures.topUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.Reading;
import io.gridside.site.Tariff;
import io.gridside.site.TopUp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * Replaying a gateway's inputs reproduces its ledger entry for entry, and a reconciliation points at the first
 * entry that a gateway's ledger has wrong.
 */
class ReplayTest {

    private static final Meter METER = new Meter("M-1", "S-1", "C-1", "GW-1", -70);

    @Property(tries = 60)
    void replayReproducesTheGatewaysLedger(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int customers,
            @ForAll @IntRange(min = 1, max = 4) int days) {
        SiteScenario site = SiteScenario.run(seed, customers, days);
        List<LedgerEntry> ledger = site.gateway.ledgerAfter(0);

        BillingEngine replay = replay(site, ledger, seed);

        assertThat(replay.ledgerAfter(0)).isEqualTo(ledger);
        Reconciliation reconciliation = Reconciliation.of(ledger, replay);
        assertThat(reconciliation.agrees()).isTrue();
        assertThat(reconciliation.compared()).isEqualTo(ledger.size());
        assertThat(reconciliation.firstDifference()).isEmpty();
    }

    @Property(tries = 60)
    void reportsATamperedBalanceAtItsEntryAndNowhereElse(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 100_000) int pick, @ForAll @LongRange(min = 1, max = 9_999) long delta) {
        SiteScenario site = SiteScenario.run(seed, 3, 2);
        List<LedgerEntry> ledger = new ArrayList<>(site.gateway.ledgerAfter(0));
        LedgerEntry original = ledger.get(pick % ledger.size());
        long tamperedBalance = original.balanceAfterMinor() + delta;
        ledger.set((int) original.seq() - 1, new LedgerEntry(original.seq(), original.at(), original.customerId(),
                original.kind(), original.amountMinor(), tamperedBalance, original.reference()));

        Reconciliation reconciliation = Reconciliation.of(ledger, replay(site, ledger, seed));

        assertThat(reconciliation.agrees()).isFalse();
        assertThat(reconciliation.firstDifference()).hasValueSatisfying(
                difference -> assertThat(difference).startsWith("Entry " + original.seq() + " differs:"));
        // Balances are outputs only, so no other entry changes in the replay.
        assertThat(reconciliation.matched()).isEqualTo(reconciliation.compared() - 1);
    }

    /**
     * A changed amount is caught at its entry whatever the kind: an energy or standing charge is recomputed,
     * while an opening or a payment is taken as input, so the replay's balance after it departs from the
     * gateway's.
     */
    @Property(tries = 60)
    void reportsATamperedAmountAtItsEntry(@ForAll long seed, @ForAll @IntRange(min = 0, max = 100_000) int pick,
            @ForAll @LongRange(min = 1, max = 9_999) long delta) {
        SiteScenario site = SiteScenario.run(seed, 3, 2);
        List<LedgerEntry> ledger = new ArrayList<>(site.gateway.ledgerAfter(0));
        LedgerEntry original = ledger.get(pick % ledger.size());
        // Raised, not lowered, so that a tampered payment is still a valid payment to replay.
        ledger.set((int) original.seq() - 1, new LedgerEntry(original.seq(), original.at(), original.customerId(),
                original.kind(), original.amountMinor() + delta, original.balanceAfterMinor(), original.reference()));

        Reconciliation reconciliation = Reconciliation.of(ledger, replay(site, ledger, seed));

        assertThat(reconciliation.agrees()).isFalse();
        assertThat(reconciliation.firstDifference()).hasValueSatisfying(
                difference -> assertThat(difference).startsWith("Entry " + original.seq() + " differs:"));
    }

    @Test
    void describesTheFirstDifferenceAsBothLedgersHaveIt() {
        LedgerEntry replayed = new LedgerEntry(4, NOON, "C-1", EntryKind.ENERGY, -1_000, 9_000,
                "interval:x");
        LedgerEntry posted = new LedgerEntry(4, NOON, "C-1", EntryKind.ENERGY, -1_000, 8_000,
                "interval:x");

        Reconciliation reconciliation = Reconciliation.compare(List.of(posted), List.of(replayed));

        assertThat(reconciliation.firstDifference()).contains("Entry 4 differs: the gateway posted ENERGY -1000 for "
                + "C-1 at 2024-03-05T09:00:00Z (balance 8000) where the replay posts ENERGY -1000 for C-1 at "
                + "2024-03-05T09:00:00Z (balance 9000).");
    }

    @Test
    void namesTheReferencesOfTwoEntriesThatDifferOnlyThere() {
        LedgerEntry replayed = new LedgerEntry(142, NOON, "C-1", EntryKind.ENERGY, -2, 9_000,
                "usage:2024-03-05T08:15:00Z/2024-03-05T09:00:00Z");
        LedgerEntry posted = new LedgerEntry(142, NOON, "C-1", EntryKind.ENERGY, -2, 9_000,
                "usage:2024-03-05T08:00:00Z/2024-03-05T09:00:00Z");

        Reconciliation reconciliation = Reconciliation.compare(List.of(posted), List.of(replayed));

        assertThat(reconciliation.firstDifference()).contains("Entry 142 differs: the gateway posted ENERGY -2 for "
                + "C-1 at 2024-03-05T09:00:00Z (balance 9000) as usage:2024-03-05T08:00:00Z/2024-03-05T09:00:00Z "
                + "where the replay posts ENERGY -2 for C-1 at 2024-03-05T09:00:00Z (balance 9000) as "
                + "usage:2024-03-05T08:15:00Z/2024-03-05T09:00:00Z.");
    }

    @Test
    void aReadingMissingFromTheReplayIsADifferenceNotASilentAgreement() {
        SiteScenario site = SiteScenario.run(5, 2, 2);
        List<LedgerEntry> ledger = site.gateway.ledgerAfter(0);
        List<Reading> withAHole = new ArrayList<>(site.readings);
        Reading missing = withAHole.stream().filter(r -> r.energyWh() > 20).skip(40).findFirst().orElseThrow();
        withAHole.remove(missing);

        BillingEngine replay = Replay.run(site.tariff, NAIROBI, site.meters, ledger, withAHole);
        Reconciliation reconciliation = Reconciliation.of(ledger, replay);

        assertThat(reconciliation.agrees()).isFalse();
        assertThat(reconciliation.compared()).isEqualTo(ledger.size());
    }

    @Test
    void anEntryTheReplayDoesNotPostIsReportedAsExtra() {
        SiteScenario site = SiteScenario.run(6, 2, 1);
        List<LedgerEntry> ledger = new ArrayList<>(site.gateway.ledgerAfter(0));
        LedgerEntry last = ledger.get(ledger.size() - 1);
        ledger.add(new LedgerEntry(last.seq() + 1, last.at(), last.customerId(), EntryKind.ENERGY, -5,
                last.balanceAfterMinor() - 5, "interval:forged"));

        Reconciliation reconciliation = Reconciliation.of(ledger, replay(site, ledger, 6));

        assertThat(reconciliation.agrees()).isFalse();
        assertThat(reconciliation.firstDifference()).hasValueSatisfying(
                difference -> assertThat(difference).startsWith("Entry " + (last.seq() + 1) + " is extra"));
    }

    @Test
    void entriesAfterTheReplaysLastTickAreLeftForLater() {
        SiteScenario site = SiteScenario.run(7, 2, 2);
        List<LedgerEntry> ledger = site.gateway.ledgerAfter(0);
        Instant halfway = site.readings.get(site.readings.size() / 2).intervalEnd();
        List<Reading> firstHalf = site.readings.stream().filter(r -> !r.intervalEnd().isAfter(halfway)).toList();

        BillingEngine replay = Replay.run(site.tariff, NAIROBI, site.meters, ledger, firstHalf);
        Reconciliation reconciliation = Reconciliation.of(ledger, replay);

        assertThat(reconciliation.agrees()).isTrue();
        assertThat(reconciliation.compared()).isLessThan(ledger.size()).isEqualTo(replay.lastSeq());
    }

    @Test
    void replaysAnAccountOpenedBetweenQuarterHours() {
        Tariff tariff = tariff(2_500, 1_000);
        BillingEngine gateway = new BillingEngine(tariff, NAIROBI);
        gateway.openAccount("C-1", "M-1", 50_000, NOON.plusSeconds(7 * 60));
        List<Reading> readings = new ArrayList<>();
        // Past local midnight (48 quarter hours after noon), so the replay posts a day's energy as the gateway did.
        for (int n = 1; n <= 50; n++) {
            Reading reading = reading("M-1", quarters(NOON, n), 100 * n);
            readings.add(reading);
            gateway.tick(quarters(NOON, n), List.of(), List.of(reading));
        }

        BillingEngine replay = Replay.run(tariff, NAIROBI, List.of(METER), gateway.ledgerAfter(0), readings);

        assertThat(replay.ledgerAfter(0)).isEqualTo(gateway.ledgerAfter(0));
        assertThat(ofKind(gateway.ledgerAfter(0), EntryKind.ENERGY)).isNotEmpty();
        assertThat(replay.balance("C-1")).isEqualTo(gateway.balance("C-1"));
    }

    @Test
    void theOrderOfATicksInputsDoesNotChangeTheLedger() {
        Tariff tariff = tariff(2_500, 1_000);
        List<TopUp> topUps = List.of(topUp("MP-2", "C-2", 700, NOON.plusSeconds(400)),
                topUp("MP-1", "C-1", 300, NOON.plusSeconds(400)), topUp("MP-3", "C-1", 500, NOON.plusSeconds(100)));
        List<Reading> readings = List.of(reading("M-1", quarters(NOON, 1), 33), reading("M-2", quarters(NOON, 1), 77));
        List<TopUp> reversedTopUps = new ArrayList<>(topUps);
        List<Reading> reversedReadings = new ArrayList<>(readings);
        Collections.reverse(reversedTopUps);
        Collections.reverse(reversedReadings);

        BillingEngine one = twoCustomers(tariff);
        BillingEngine other = twoCustomers(tariff);
        one.tick(quarters(NOON, 1), topUps, readings);
        other.tick(quarters(NOON, 1), reversedTopUps, reversedReadings);

        assertThat(one.ledgerAfter(0)).isEqualTo(other.ledgerAfter(0));
    }

    @Test
    void reversesAVoidedPaymentAfterItsTickAndTheReplayPostsItInTheSamePlace() {
        Tariff tariff = tariff(2_500, 1_000);
        BillingEngine gateway = new BillingEngine(tariff, NAIROBI);
        gateway.openAccount("C-1", "M-1", 50_000, NOON);
        List<Reading> readings = List.of(reading("M-1", quarters(NOON, 1), 100), reading("M-1", quarters(NOON, 2), 40));
        gateway.tick(quarters(NOON, 1), List.of(topUp("CASH-1", "C-1", 20_000, NOON.plusSeconds(100))),
                List.of(readings.get(0)));
        Tick voided = gateway.reverse("CASH-1", NOON.plusSeconds(600));
        gateway.tick(quarters(NOON, 2), List.of(), List.of(readings.get(1)));

        // 50,000 opening; 1,000 the day's standing charge; +20,000 cash; 100 Wh at 2,500 a kWh accrues 250; the
        // void changes the balance like a top-up, so the 250 post first (68,750), dated at the void, which then
        // takes the 20,000 back: 48,750; then 40 Wh accrues 100: 48,650.
        assertThat(voided.entries()).hasSize(2);
        assertThat(voided.entries().get(0)).satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(EntryKind.ENERGY);
            assertThat(entry.amountMinor()).isEqualTo(-250);
            assertThat(entry.balanceAfterMinor()).isEqualTo(68_750);
            assertThat(entry.at()).isEqualTo(NOON.plusSeconds(600));
        });
        assertThat(voided.entries().get(1)).satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(EntryKind.TOP_UP);
            assertThat(entry.reference()).isEqualTo("void:CASH-1");
            assertThat(entry.amountMinor()).isEqualTo(-20_000);
            assertThat(entry.balanceAfterMinor()).isEqualTo(48_750);
            assertThat(entry.at()).isEqualTo(NOON.plusSeconds(600));
        });
        assertThat(gateway.balance("C-1")).isEqualTo(48_650);
        BillingEngine replay = Replay.run(tariff, NAIROBI, List.of(METER), gateway.ledgerAfter(0), readings);
        assertThat(replay.ledgerAfter(0)).isEqualTo(gateway.ledgerAfter(0));
    }

    @Test
    void refusesToReverseAPaymentItNeverCredited() {
        BillingEngine engine = new BillingEngine(tariff(2_500, 1_000), NAIROBI);
        engine.openAccount("C-1", "M-1", 50_000, NOON);

        assertThatThrownBy(() -> engine.reverse("CASH-9", NOON)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CASH-9");
    }

    @Test
    void aLedgerWithoutOpeningsReplaysToNothing() {
        BillingEngine replay = Replay.run(tariff(2_500, 1_000), NAIROBI, List.of(METER), List.of(),
                List.of(reading("M-1", quarters(NOON, 1), 100)));

        assertThat(replay.ledgerAfter(0)).isEmpty();
    }

    private static BillingEngine twoCustomers(Tariff tariff) {
        BillingEngine engine = new BillingEngine(tariff, NAIROBI);
        engine.openAccount("C-1", "M-1", 1_000, NOON);
        engine.openAccount("C-2", "M-2", 1_000, NOON);
        return engine;
    }

    /** Replays as the console's audit does, handing over the readings in an order of their own. */
    private static BillingEngine replay(SiteScenario site, List<LedgerEntry> ledger, long seed) {
        List<Reading> readings = new ArrayList<>(site.readings);
        Collections.shuffle(readings, new Random(seed));
        return Replay.run(site.tariff, NAIROBI, site.meters, ledger, readings);
    }
}

package io.gridside.billing;

import static io.gridside.billing.Fixtures.NOON;
import static io.gridside.billing.Fixtures.engine;
import static io.gridside.billing.Fixtures.quarters;
import static io.gridside.billing.Fixtures.reading;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The ledger numbers its entries without gaps, keeps each balance as a running sum, and serves its tail. */
class LedgerTest {

    @Property(tries = 40)
    void numbersEntriesFromOneWithoutGaps(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int customers) {
        SiteScenario site = SiteScenario.run(seed, customers, 2);
        List<LedgerEntry> ledger = site.gateway.ledgerAfter(0);

        for (int i = 0; i < ledger.size(); i++) {
            assertThat(ledger.get(i).seq()).isEqualTo(i + 1L);
        }
        assertThat(site.gateway.lastSeq()).isEqualTo(ledger.size());
    }

    @Property(tries = 40)
    void keepsEachBalanceAsTheRunningSumOfTheCustomersEntries(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 5) int customers) {
        SiteScenario site = SiteScenario.run(seed, customers, 2);
        Map<String, Long> sums = new HashMap<>();

        for (LedgerEntry entry : site.gateway.ledgerAfter(0)) {
            long sum = sums.merge(entry.customerId(), entry.amountMinor(), Long::sum);
            assertThat(entry.balanceAfterMinor()).as("balance after entry %d", entry.seq()).isEqualTo(sum);
        }
        site.meters.forEach(m -> assertThat(site.gateway.postedBalance(m.customerId()))
                .isEqualTo(sums.get(m.customerId())));
    }

    @Property(tries = 40)
    void servesTheEntriesAfterASequenceNumber(@ForAll long seed, @ForAll @IntRange(min = 0, max = 10_000) int pick) {
        SiteScenario site = SiteScenario.run(seed, 2, 1);
        List<LedgerEntry> ledger = site.gateway.ledgerAfter(0);
        long after = pick % (ledger.size() + 1);

        List<LedgerEntry> tail = site.gateway.ledgerAfter(after);

        assertThat(tail).isEqualTo(ledger.subList((int) after, ledger.size()));
        assertThat(tail).allMatch(e -> e.seq() > after);
    }

    @Property(tries = 20)
    void ticksPostExactlyTheEntriesThatFollowTheOpenings(@ForAll long seed) {
        SiteScenario site = SiteScenario.run(seed, 3, 1);
        List<LedgerEntry> posted = new ArrayList<>(site.gateway.ledgerAfter(0).subList(0, 3));

        site.ticks.forEach(tick -> posted.addAll(tick.entries()));

        assertThat(posted).isEqualTo(site.gateway.ledgerAfter(0));
        assertThat(posted.subList(0, 3)).extracting(LedgerEntry::kind).containsOnly(EntryKind.OPENING);
    }

    @Test
    void servesEverythingAfterANegativeSequenceAndNothingAfterTheLast() {
        BillingEngine engine = engine(1_000, 100);
        engine.openAccount("C-1", "M-1", 5_000, NOON);
        engine.tick(quarters(NOON, 1), List.of(), List.of(reading("M-1", quarters(NOON, 1), 40)));

        // The opening and the day's standing charge; the reading's energy accrues until the day ends.
        assertThat(engine.ledgerAfter(-1)).isEqualTo(engine.ledgerAfter(0)).hasSize(2);
        assertThat(engine.ledgerAfter(2)).isEmpty();
        assertThat(engine.ledgerAfter(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void servesASnapshotThatLaterTicksDoNotChange() {
        BillingEngine engine = engine(1_000, 100);
        engine.openAccount("C-1", "M-1", 5_000, NOON);
        List<LedgerEntry> snapshot = engine.ledgerAfter(0);
        Tick tick = engine.tick(quarters(NOON, 1), List.of(), List.of(reading("M-1", quarters(NOON, 1), 40)));

        // Local midnight, 48 quarter hours after noon, posts the day's energy.
        engine.tick(quarters(NOON, 48), List.of(), List.of(reading("M-1", quarters(NOON, 48), 40)));

        assertThat(snapshot).hasSize(1);
        assertThat(tick.entries()).extracting(LedgerEntry::seq).containsExactly(2L);
        assertThat(engine.ledgerAfter(0)).extracting(LedgerEntry::kind).containsExactly(EntryKind.OPENING,
                EntryKind.STANDING_CHARGE, EntryKind.ENERGY);
    }
}

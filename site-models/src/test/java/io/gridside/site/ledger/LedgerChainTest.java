package io.gridside.site.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hash chain, the double-entry trial balance and the walk that checks both. */
class LedgerChainTest {

    private static final Instant T0 = Instant.parse("2024-03-05T06:00:00Z");

    static List<LedgerEntry> sample() {
        return List.of(
                new LedgerEntry(1, T0, "C-1", EntryKind.OPENING, 5_000, 5_000, "opening"),
                new LedgerEntry(2, T0, "C-2", EntryKind.OPENING, 0, 0, "opening"),
                new LedgerEntry(3, T0.plusSeconds(900), "C-1", EntryKind.ENERGY, -120, 4_880, "2024-03-05T06:00Z"),
                new LedgerEntry(4, T0.plusSeconds(900), "C-1", EntryKind.TAX, -19, 4_861, "VAT"),
                new LedgerEntry(5, T0.plusSeconds(1800), "C-2", EntryKind.TOP_UP, 2_000, 2_000, "MP-1"),
                new LedgerEntry(6, T0.plusSeconds(1800), "C-2", EntryKind.DEBT_RECOVERY, -200, 1_800, "MP-1 D-1"),
                new LedgerEntry(7, T0.plusSeconds(3600), "C-1", EntryKind.STANDING_CHARGE, -50, 4_811, "day"));
    }

    static List<byte[]> hashes(List<LedgerEntry> entries) {
        return LedgerChain.heads(LedgerChain.genesis(), entries);
    }

    @Test
    void theGenesisIsThirtyTwoZeroBytesAndEachLinkCoversItsPredecessor() {
        LedgerEntry first = sample().get(0);
        byte[] one = LedgerChain.link(LedgerChain.genesis(), first);
        byte[] fromOtherPredecessor = LedgerChain.link(one, first);

        assertThat(LedgerChain.genesis()).hasSize(32).containsOnly(0);
        assertThat(one).hasSize(32).isEqualTo(LedgerChain.link(new byte[32], first));
        assertThat(fromOtherPredecessor).isNotEqualTo(one);
        assertThat(LedgerChain.hex(one)).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void anIntactLedgerWalksToTheLastHeadWithBalancesDerivedAndDebitsEqualCredits() {
        List<LedgerEntry> entries = sample();
        List<byte[]> hashes = hashes(entries);

        LedgerCheck.Result result = LedgerCheck.walk(entries, hashes);

        assertThat(result.intact()).isTrue();
        assertThat(result.entries()).isEqualTo(7);
        assertThat(result.head()).isEqualTo(hashes.get(6));
        assertThat(result.balances()).containsEntry("C-1", 4_811L).containsEntry("C-2", 1_800L);
        TrialBalance trial = result.trialBalance();
        assertThat(trial.balances()).isTrue();
        assertThat(trial.customerCreditMinor()).isEqualTo(4_811L + 1_800L);
        assertThat(trial.lines().get(LedgerAccount.ENERGY_REVENUE).creditsMinor()).isEqualTo(120);
        assertThat(trial.lines().get(LedgerAccount.TAX_PAYABLE).creditsMinor()).isEqualTo(19);
        assertThat(trial.lines().get(LedgerAccount.CASH_CLEARING).debitsMinor()).isEqualTo(2_000);
        assertThat(trial.lines().get(LedgerAccount.DEBT_RECEIVABLE).creditsMinor()).isEqualTo(200);
        assertThat(trial.lines().get(LedgerAccount.OPENING_BALANCES).debitsMinor()).isEqualTo(5_000);
    }

    @Test
    void anAlteredEntryBreaksTheChainAtItsSeq() {
        List<LedgerEntry> entries = new ArrayList<>(sample());
        List<byte[]> hashes = hashes(entries);
        entries.set(3, new LedgerEntry(4, T0.plusSeconds(900), "C-1", EntryKind.TAX, -9, 4_871, "VAT"));

        LedgerCheck.Result result = LedgerCheck.walk(entries, hashes);

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBadSeq()).isEqualTo(4);
        assertThat(result.problem()).contains("entry 4").contains("hash");
    }

    @Test
    void aBalanceThatDoesNotFollowFromTheEntriesIsNamedEvenWithoutHeldHashes() {
        List<LedgerEntry> entries = new ArrayList<>(sample());
        entries.set(2, new LedgerEntry(3, T0.plusSeconds(900), "C-1", EntryKind.ENERGY, -120, 4_900,
                "2024-03-05T06:00Z"));
        List<byte[]> none = new ArrayList<>();
        entries.forEach(e -> none.add(null));

        LedgerCheck.Result result = LedgerCheck.walk(entries, none);

        assertThat(result.firstBadSeq()).isEqualTo(3);
        assertThat(result.problem()).contains("4900").contains("4880");
    }

    @Test
    void aMissingEntryIsAGap() {
        List<LedgerEntry> entries = new ArrayList<>(sample());
        entries.remove(1);
        List<byte[]> hashes = hashes(entries);

        LedgerCheck.Result result = LedgerCheck.walk(entries, hashes);

        assertThat(result.firstBadSeq()).isEqualTo(2);
        assertThat(result.problem()).contains("missing");
    }

    @Test
    void everyKindHasOneCounterAccountOtherThanTheCustomers() {
        for (EntryKind kind : EntryKind.values()) {
            assertThat(LedgerAccount.counterOf(kind)).isNotEqualTo(LedgerAccount.CUSTOMER_CREDIT);
        }
        assertThat(LedgerAccount.counterOf(EntryKind.MINIMUM_CHARGE)).isEqualTo(LedgerAccount.ENERGY_REVENUE);
        assertThat(LedgerAccount.counterOf(EntryKind.LEVY)).isEqualTo(LedgerAccount.LEVY_PAYABLE);
    }
}

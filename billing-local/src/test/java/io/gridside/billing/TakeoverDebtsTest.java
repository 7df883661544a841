package io.gridside.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.Debt;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.SiteCalendar;
import io.gridside.site.Tariff;
import io.gridside.site.TopUp;
import io.gridside.site.tariff.TariffSchedule;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a site's debts owe when a replacement gateway takes it over, and how its engine recovers them after. */
class TakeoverDebtsTest {

    private static final Instant AT = Instant.parse("2026-06-04T01:07:00Z");
    private static final Debt FRIDGE = new Debt("fridge", "C-1", Debt.Kind.APPLIANCE_LOAN, 10_000, 20);
    private static final Debt CONNECTION = new Debt("connection", "C-1", Debt.Kind.CONNECTION_FEE, 5_000, 10);
    private static final CreditTerms TERMS = new CreditTerms(CreditPolicy.PLAIN, SiteCalendar.NONE, Set.of(),
            List.of(FRIDGE, CONNECTION));
    private static final Tariff TARIFF = new Tariff("T-1", "KES", 25, 0, 0);

    @Test
    void movesADebtByTheRecoveriesThatNameItAndSharesAGapLineInTheOrderTheDebtsWereAdded() {
        List<LedgerEntry> ledger = List.of(
                entry(1, EntryKind.DEBT_RECOVERY, -9_000, "debt:fridge:payment:P1"),
                entry(2, EntryKind.DEBT_RECOVERY, 500, "debt:fridge:void:P1"),
                entry(3, EntryKind.ENERGY, -300, "gap:M-1:2:energy"),
                entry(4, EntryKind.DEBT_RECOVERY, -2_000, "gap:M-1:2:debt_recovery"));

        Map<String, Long> owed = Takeover.debtsOwed(TERMS, Map.of(), ledger);

        assertThat(owed).containsExactly(Map.entry("fridge", 0L), Map.entry("connection", 4_500L));
    }

    @Test
    void startsFromWhatTheRestoreSaysEachDebtOwes() {
        Map<String, Long> owed = Takeover.debtsOwed(TERMS, Map.of("fridge", 300L), List.of());

        assertThat(owed).containsEntry("fridge", 300L).containsEntry("connection", 5_000L);
    }

    @Test
    void anEngineTakingTheSiteOverRecoversADebtOnlyAsFarAsItIsOwed() {
        Map<String, String> meters = new LinkedHashMap<>(Map.of("C-1", "M-1"));
        BillingEngine engine = Takeover.engine(TARIFF, new Rater(TariffSchedule.flat(TARIFF),
                ZoneId.of("Africa/Nairobi"), d -> false), TERMS, CustomerTariffs.NONE, Takeover.ledgerAfter(40),
                meters, Map.of("C-1", 1_000L), Map.of("fridge", 300L, "connection", 0L), AT);

        engine.tick(Instant.parse("2026-06-04T01:15:00Z"), List.of(new TopUp("P9", "C-1", 10_000, AT)), List.of());

        assertThat(engine.debtRemaining("fridge")).isZero();
        assertThat(engine.debtRemaining("connection")).isZero();
        assertThat(engine.ledgerAfter(40)).filteredOn(e -> e.kind() == EntryKind.DEBT_RECOVERY)
                .extracting(LedgerEntry::amountMinor).containsExactly(-300L);
    }

    private static LedgerEntry entry(long seq, EntryKind kind, long amount, String reference) {
        return new LedgerEntry(seq, AT, "C-1", kind, amount, 0, reference);
    }
}

package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.Customer;
import io.gridside.site.CustomerCategory;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.Reading;
import io.gridside.site.store.SiteStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The energy of a statement's replacement day: the gap a replacement billed holds no reading, so the day's energy
 * takes it from the rise of the register between the two gateways' readings.
 */
class ReplacementDayStatementTest {

    private static final LocalDate JUNE_2 = LocalDate.parse("2026-06-02");
    /** When the reconciliation posted the gap's lines: 12:20 in Nairobi, on June 2. */
    private static final String RECONCILED = "2026-06-02T09:20:00Z";

    @TempDir
    Path dir;

    private Path database;

    /**
     * C-1 on M-1 and C-2 on M-2. The dead gateway's last readings of both end at 06:00 UTC, M-1's register at 1,100
     * Wh and M-2's at 500 Wh; the new gateway's first reading of M-1, 09:30 to 09:45, draws 40 Wh from a register of
     * 1,500 Wh, so 400 Wh went unread in the gap its lines charge. M-2's customer was billed a gap too.
     */
    @BeforeEach
    void replacedSite() {
        database = dir.resolve("site.db");
        try (SiteStore store = SiteStore.open(database)) {
            store.saveSite(StatementsTest.SITE, "GW-1");
            store.saveRoster(List.of(new Customer("C-1", "Amina", CustomerCategory.HOUSEHOLD),
                    new Customer("C-2", "Baraka", CustomerCategory.HOUSEHOLD)),
                    List.of(new Meter("M-1", "S-1", "C-1", "GW-1", -70), new Meter("M-2", "S-2", "C-2", "GW-1", -70)));
            store.insertLedger(List.of(
                    entry(1, "2026-06-01T05:00:00Z", "C-1", EntryKind.OPENING, 10_000, 10_000, "opening:C-1"),
                    entry(2, "2026-06-01T05:00:00Z", "C-2", EntryKind.OPENING, 10_000, 10_000, "opening:C-2"),
                    entry(3, RECONCILED, "C-1", EntryKind.ENERGY, -1_000, 9_000, "gap:M-1:2:energy"),
                    entry(4, RECONCILED, "C-1", EntryKind.TAX, -160, 8_840, "gap:M-1:2:tax"),
                    entry(5, RECONCILED, "C-2", EntryKind.ENERGY, -50, 9_950, "gap:M-2:2:energy")));
            store.insertReadings(List.of(
                    new Reading("M-1", Instant.parse("2026-06-02T05:30:00Z"), 100, 1_000),
                    new Reading("M-1", Instant.parse("2026-06-02T05:45:00Z"), 100, 1_100),
                    new Reading("M-2", Instant.parse("2026-06-02T05:45:00Z"), 20, 500)));
        }
    }

    @Test
    void theReplacementDayCountsTheGapTheReconciliationCharged() {
        addReadings(new Reading("M-1", Instant.parse("2026-06-02T09:30:00Z"), 40, 1_540));

        CustomerStatement s = statement("C-1");

        // 200 Wh read by the dead gateway, 400 Wh of gap, 40 Wh read by the new gateway.
        assertThat(s.days()).singleElement().extracting(CustomerStatement.Day::energyWh).isEqualTo(640L);
        assertThat(s.energyWh()).isEqualTo(640);
        assertThat(s.days().get(0).lines().energyMinor()).isEqualTo(1_000);
    }

    @Test
    void beforeTheNewGatewaySentAReadingTheGapIsNotKnownYet() {
        CustomerStatement s = statement("C-1");

        assertThat(s.energyWh()).isEqualTo(200);
    }

    @Test
    void aMeterWhoseRegisterDidNotMoveInTheGapAddsNothing() {
        addReadings(new Reading("M-2", Instant.parse("2026-06-02T09:30:00Z"), 15, 515));

        assertThat(statement("C-2").energyWh()).isEqualTo(35);
    }

    @Test
    void aPeriodThatEndsBeforeTheReconciliationHasNoGapInIt() {
        addReadings(new Reading("M-1", Instant.parse("2026-06-02T09:30:00Z"), 40, 1_540));

        CustomerStatement s = statement("C-1", JUNE_2.minusDays(1));

        assertThat(s.energyWh()).isZero();
    }

    private void addReadings(Reading... readings) {
        try (SiteStore store = SiteStore.open(database)) {
            store.insertReadings(List.of(readings));
        }
    }

    private static LedgerEntry entry(long seq, String at, String customerId, EntryKind kind, long amount,
            long balanceAfter, String reference) {
        return new LedgerEntry(seq, Instant.parse(at), customerId, kind, amount, balanceAfter, reference);
    }

    private CustomerStatement statement(String customerId) {
        return statement(customerId, JUNE_2);
    }

    private CustomerStatement statement(String customerId, LocalDate day) {
        try (SiteStore store = SiteStore.open(database)) {
            return Statements.of(store).of(customerId, new Statements.Period(day, day));
        }
    }
}

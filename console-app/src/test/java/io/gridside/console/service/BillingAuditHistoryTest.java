package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.NotHeldException;
import io.gridside.site.Reading;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What history the audit's re-run needs: the readings of every quarter hour that the ledger charged energy for. */
class BillingAuditHistoryTest {

    private static final Instant OPENED = Instant.parse("2026-12-06T09:00:00Z");
    /** The first reading a laptop holds: the new gateway's first, hours after the site opened. */
    private static final List<Reading> FROM_NOON = List.of(new Reading("M-1", Instant.parse("2026-12-06T12:00:00Z"),
            40, 1_040), new Reading("M-1", Instant.parse("2026-12-06T12:15:00Z"), 30, 1_070));

    private static LedgerEntry entry(long seq, String at, EntryKind kind, long amount, long balance) {
        return new LedgerEntry(seq, Instant.parse(at), "C-1", kind, amount, balance, "ref-" + seq);
    }

    @Test
    void goesOnWhenNoEnergyWasChargedBeforeTheFirstReadingHeld() {
        List<LedgerEntry> ledger = List.of(entry(1, "2026-12-06T09:00:00Z", EntryKind.OPENING, 10_000, 10_000),
                entry(2, "2026-12-06T09:15:00Z", EntryKind.STANDING_CHARGE, -1_000, 9_000),
                entry(3, "2026-12-06T13:00:00Z", EntryKind.ENERGY, -245, 8_755));

        assertThatCode(() -> BillingAudit.requireWholeHistory(ledger, FROM_NOON)).doesNotThrowAnyException();
    }

    @Test
    void asksForTheHistoryWhenEnergyWasChargedBeforeTheFirstReadingHeld() {
        List<LedgerEntry> ledger = List.of(entry(1, "2026-12-06T09:00:00Z", EntryKind.OPENING, 10_000, 10_000),
                entry(2, "2026-12-06T11:00:00Z", EntryKind.ENERGY, -120, 9_880));

        assertThatThrownBy(() -> BillingAudit.requireWholeHistory(ledger, FROM_NOON))
                .isInstanceOf(NotHeldException.class).hasMessageContaining("Pull the site's whole history first")
                .hasMessageContaining(OPENED.toString());
    }
}

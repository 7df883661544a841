package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Which of the gateway's own adjustments the command audit lets pass without a signed command. */
class CommandAuditGapFillTest {

    private static final Instant FILLED = Instant.parse("2024-05-02T10:15:00Z");

    private static LedgerEntry adjustment(long seq, Instant at, String customer, String reference) {
        return new LedgerEntry(seq, at, customer, EntryKind.ADJUSTMENT, -10, 1_000, reference);
    }

    @Test
    void aCarriedForwardLineOfTheSameFillPassesAndOneOnItsOwnNeedsACommand() {
        List<LedgerEntry> ledger = List.of(
                adjustment(1, FILLED, "C-1", "adjustment:2024-05-01 estimate-replaced energy"),
                adjustment(2, FILLED, "C-1", "adjustment:2024-05-02 carried-forward energy"),
                // The same reason for another customer, or at another instant, is no fill's.
                adjustment(3, FILLED, "C-2", "adjustment:2024-05-02 carried-forward energy"),
                adjustment(4, FILLED.plusSeconds(900), "C-1", "adjustment:2024-05-02 carried-forward energy"));

        CommandAudit.Result result = CommandAudit.audit(List.of(), "SITE-1", ledger, List.of(), List.of());

        assertThat(result.unsigned()).extracting(LedgerEntry::seq).containsExactly(3L, 4L);
    }
}

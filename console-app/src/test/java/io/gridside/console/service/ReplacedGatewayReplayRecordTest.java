package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.store.ReplacementRecords.MeterRegister;
import io.gridside.site.store.ReplacementRecords.Replacement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where the audit finds a gateway replacement in a ledger: from its {@code gap:} lines, and from the console's
 * record of it (decision 0094) when the reconciliation charged no gap and posted only payments, or nothing.
 */
class ReplacedGatewayReplayRecordTest {

    private static final Instant OPENED = Instant.parse("2026-06-01T09:00:00Z");
    private static final Instant DAY = Instant.parse("2026-06-01T21:15:00Z");
    private static final Instant POSTED = Instant.parse("2026-06-02T09:15:30Z");
    private static final Instant LATER = Instant.parse("2026-06-02T21:00:00Z");

    @Test
    void findsAReplacementWithNoGapLineByItsRecord() {
        List<LedgerEntry> ledger = List.of(opening(1), standing(2, DAY), payment(3, POSTED), standing(4, LATER));

        var replaced = ReplacedGatewayReplay.in(ledger, List.of(record(2)));

        assertThat(replaced).isPresent();
        assertThat(replaced.get().tipSeq()).isEqualTo(2);
        assertThat(replaced.get().lines()).as("the payment posted with the reconciliation").isEqualTo(1);
        assertThat(ReplacedGatewayReplay.in(ledger)).as("the ledger alone does not tell").isEmpty();
    }

    @Test
    void aRecordWhoseNewGatewayHasPostedNothingPulledYetMarksNoReplacement() {
        List<LedgerEntry> ledger = List.of(opening(1), standing(2, DAY));

        assertThat(ReplacedGatewayReplay.in(ledger, List.of(record(2)))).isEmpty();
    }

    @Test
    void theGapLinesNameTheTipWhateverRecordsAreKept() {
        List<LedgerEntry> ledger = List.of(opening(1), standing(2, DAY), gap(3), standing(4, LATER));

        var replaced = ReplacedGatewayReplay.in(ledger, List.of(record(1)));

        assertThat(replaced).isPresent();
        assertThat(replaced.get().tipSeq()).isEqualTo(2);
        assertThat(replaced.get().lines()).isEqualTo(1);
    }

    private static Replacement record(long afterSeq) {
        return new Replacement("GW-NEW", afterSeq, "GW-OLD", POSTED.minusSeconds(60), POSTED,
                List.of(new MeterRegister("M-1", 1_200L, Instant.parse("2026-06-02T09:15:00Z"))));
    }

    private static LedgerEntry opening(long seq) {
        return new LedgerEntry(seq, OPENED, "C-1", EntryKind.OPENING, 10_000, 10_000, "opening:C-1");
    }

    private static LedgerEntry standing(long seq, Instant at) {
        return new LedgerEntry(seq, at, "C-1", EntryKind.STANDING_CHARGE, -1_000, 10_000 - 1_000 * seq, "day:" + seq);
    }

    private static LedgerEntry payment(long seq, Instant at) {
        return new LedgerEntry(seq, at, "C-1", EntryKind.TOP_UP, 5_000, 12_000, "payment:MM-1");
    }

    private static LedgerEntry gap(long seq) {
        return new LedgerEntry(seq, POSTED, "C-1", EntryKind.ENERGY, -300, 8_700, "gap:M-1:2:energy");
    }
}

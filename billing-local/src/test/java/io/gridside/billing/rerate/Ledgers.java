package io.gridside.billing.rerate;

import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Ledgers built from rated lines, as a gateway would have posted them, for the re-rating tests. */
final class Ledgers {

    private Ledgers() {
    }

    /**
     * One entry per rated line, dated at noon UTC of its day (inside the Nairobi day), then the adjustments posted
     * a week later: the order a gateway posts charges and, later, their corrections.
     */
    static List<LedgerEntry> posted(DayLines charged, List<Adjustment> adjustments) {
        List<LedgerEntry> ledger = new ArrayList<>();
        long balance = 0;
        for (var day : charged.all().entrySet()) {
            Instant at = day.getKey().day().atTime(12, 0).toInstant(java.time.ZoneOffset.UTC);
            for (Map.Entry<LineKey, Long> line : day.getValue().entrySet()) {
                balance -= line.getValue();
                ledger.add(new LedgerEntry(ledger.size() + 1, at, day.getKey().customerId(), line.getKey().kind(),
                        -line.getValue(), balance, referenceOf(day.getKey().day().toString(), line.getKey())));
            }
        }
        Instant later = Instant.parse("2026-04-01T12:00:00Z");
        for (Adjustment adjustment : adjustments) {
            balance += adjustment.amountMinor();
            ledger.add(new LedgerEntry(ledger.size() + 1, later, adjustment.customerDay().customerId(),
                    EntryKind.ADJUSTMENT, adjustment.amountMinor(), balance, adjustment.reference()));
        }
        return ledger;
    }

    /** A reference like the rater's: a tax or levy line's name follows the first space. */
    private static String referenceOf(String day, LineKey line) {
        return line.name().isEmpty() ? "day:" + day : "day:" + day + " " + line.name();
    }
}

package io.gridside.console.cli;

import io.gridside.console.service.BillingAudit;
import io.gridside.console.service.BillingReport;
import io.gridside.site.LedgerEntry;
import java.time.Instant;
import java.util.List;

/**
 * The billing summary as {@code demo --headless --json} prints it; the field names are a contract with scripts.
 * Amounts are integer minor units of {@code currency}; instants are UTC.
 */
record SummaryJson(String siteId, String siteName, String currency, String timeZone, Instant from, Instant to,
        List<BillingReport.Row> rows, BillingReport.Row totals, Audit audit) {

    /**
     * Whether the gateway's ledger matched the console's re-run of it, up to {@code checkedTo}; the entries dated
     * later were not compared, and {@code notChecked} lists their numbers. On a site whose gateway was replaced,
     * {@code replacedAfterSeq} is the replica's last entry and {@code entriesTakenAsPosted} counts the
     * reconciliation entries after it that were taken as posted, not re-run; null and 0 on any other site.
     * {@code commandsNotChecked} counts the replaced gateway's entries that a signed command may stand behind and
     * that this laptop could not trace, holding no command log of that gateway; {@code commandsNotCheckedSeqs} lists
     * them and {@code commandsNotCheckedReason} says why (null when there are none).
     */
    record Audit(long entriesCompared, long entriesMatched, boolean agrees, String firstDifference, Instant checkedTo,
            long entriesNotChecked, List<Long> notChecked, Long replacedAfterSeq, long entriesTakenAsPosted,
            long commandsNotChecked, List<Long> commandsNotCheckedSeqs, String commandsNotCheckedReason) {
    }

    /** Why the audit could not trace the replaced gateway's entries to commands, as {@code --json} says it. */
    static final String NO_DEAD_LOG = "This laptop holds no command log of the replaced gateway, which died with it; "
            + "audit on the laptop that replaced the gateway, or on a copy of its site database.";

    /** The summary of a report whose ledger holds no gateway replacement. */
    static SummaryJson of(BillingReport report) {
        return of(report, List.of());
    }

    /** The summary of a report of {@code ledger}, which says what of a gateway replacement it took as posted. */
    static SummaryJson of(BillingReport report, List<LedgerEntry> ledger) {
        return of(report, ledger, List.of());
    }

    /** {@link #of(BillingReport, List)}, with the entries the audit of signed commands could not check. */
    static SummaryJson of(BillingReport report, List<LedgerEntry> ledger, List<LedgerEntry> commandsNotChecked) {
        var reconciliation = report.reconciliation();
        var replacement = BillingAudit.replacement(ledger);
        return new SummaryJson(report.site().siteId(), report.site().name(), report.site().currency(),
                report.site().zone().getId(), report.from(), report.to(), report.rows(), report.totals(),
                new Audit(reconciliation.compared(), reconciliation.matched(), reconciliation.agrees(),
                        reconciliation.firstDifference().orElse(null), reconciliation.checkedTo(),
                        reconciliation.notChecked().size(),
                        reconciliation.notChecked().stream().map(LedgerEntry::seq).toList(),
                        replacement.map(BillingAudit.Replacement::afterSeq).orElse(null),
                        replacement.map(BillingAudit.Replacement::entries).orElse(0L),
                        commandsNotChecked.size(), commandsNotChecked.stream().map(LedgerEntry::seq).toList(),
                        commandsNotChecked.isEmpty() ? null : NO_DEAD_LOG));
    }
}

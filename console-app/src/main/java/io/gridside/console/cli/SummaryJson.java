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
     */
    record Audit(long entriesCompared, long entriesMatched, boolean agrees, String firstDifference, Instant checkedTo,
            long entriesNotChecked, List<Long> notChecked, Long replacedAfterSeq, long entriesTakenAsPosted) {
    }

    /** The summary of a report whose ledger holds no gateway replacement. */
    static SummaryJson of(BillingReport report) {
        return of(report, List.of());
    }

    /** The summary of a report of {@code ledger}, which says what of a gateway replacement it took as posted. */
    static SummaryJson of(BillingReport report, List<LedgerEntry> ledger) {
        var reconciliation = report.reconciliation();
        var replacement = BillingAudit.replacement(ledger);
        return new SummaryJson(report.site().siteId(), report.site().name(), report.site().currency(),
                report.site().zone().getId(), report.from(), report.to(), report.rows(), report.totals(),
                new Audit(reconciliation.compared(), reconciliation.matched(), reconciliation.agrees(),
                        reconciliation.firstDifference().orElse(null), reconciliation.checkedTo(),
                        reconciliation.notChecked().size(),
                        reconciliation.notChecked().stream().map(LedgerEntry::seq).toList(),
                        replacement.map(BillingAudit.Replacement::afterSeq).orElse(null),
                        replacement.map(BillingAudit.Replacement::entries).orElse(0L)));
    }
}

package io.gridside.console.cli;

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
     * later were not compared, and {@code notChecked} lists their numbers.
     */
    record Audit(long entriesCompared, long entriesMatched, boolean agrees, String firstDifference, Instant checkedTo,
            long entriesNotChecked, List<Long> notChecked) {
    }

    static SummaryJson of(BillingReport report) {
        var reconciliation = report.reconciliation();
        return new SummaryJson(report.site().siteId(), report.site().name(), report.site().currency(),
                report.site().zone().getId(), report.from(), report.to(), report.rows(), report.totals(),
                new Audit(reconciliation.compared(), reconciliation.matched(), reconciliation.agrees(),
                        reconciliation.firstDifference().orElse(null), reconciliation.checkedTo(),
                        reconciliation.notChecked().size(),
                        reconciliation.notChecked().stream().map(LedgerEntry::seq).toList()));
    }
}

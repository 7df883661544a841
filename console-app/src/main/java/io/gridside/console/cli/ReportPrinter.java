package io.gridside.console.cli;

import io.gridside.billing.Reconciliation;
import io.gridside.console.service.BillingReport;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Currencies;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints a billing report as a table a technician can read in a terminal. */
final class ReportPrinter {

    private static final DateTimeFormatter SITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");
    /** How many entries not checked are named one by one; the rest are counted. */
    private static final int NAMED = 5;
    private static final String ROW = "%-7s %-24.24s %-7s %9s %10s %10s %10s %9s %8s %8s %8s %11s %s%n";

    private ReportPrinter() {
    }

    static void print(BillingReport report, PrintWriter out) {
        String currency = report.site().currency();
        ZoneId zone = report.site().zone();
        out.printf("Site %s (%s), currency %s, time zone %s%n", report.site().name(), report.site().siteId(),
                currency, zone);
        out.printf("Billed from %s to %s%n", local(report.from(), zone), local(report.to(), zone));
        out.println();
        out.printf(ROW, "cust", "name", "meter", "kWh", "opening", "top-ups", "energy", "standing", "taxes", "debt",
                "other", "balance", "account");
        for (BillingReport.Row row : report.rows()) {
            printRow(out, row, currency, zone);
        }
        printRow(out, report.totals(), currency, zone);
        out.println();
        out.printf("Amounts in %s. Balance = opening + top-ups - energy - standing - taxes - debt + other.%n",
                currency);
        out.println("Taxes are taxes and levies, debt is what top-ups repaid of debts, other is minimum charges "
                + "(negative) and corrections. kWh counts every meter that billed the account in turn, and the gap "
                + "that a gateway replacement billed.");
        printAudit(report.reconciliation(), zone, out);
    }

    /**
     * Says how many of the gateway's entries were checked and whether they match, then how many were not checked
     * and why: an audit never says all match while it left some out.
     */
    private static void printAudit(Reconciliation reconciliation, ZoneId zone, PrintWriter out) {
        List<LedgerEntry> notChecked = reconciliation.notChecked();
        if (reconciliation.agrees() && notChecked.isEmpty()) {
            out.printf("Audit: all %d ledger entries of the gateway match the console's re-run.%n",
                    reconciliation.compared());
        } else if (reconciliation.agrees()) {
            out.printf("Audit: checked %d ledger entries, up to the last reading (%s): every one matches the "
                    + "console's re-run.%n", reconciliation.compared(), local(reconciliation.checkedTo(), zone));
        } else {
            out.printf("Audit: %d of %d ledger entries checked match. %s%n", reconciliation.matched(),
                    reconciliation.compared(), reconciliation.firstDifference().orElse(""));
        }
        if (!notChecked.isEmpty()) {
            out.printf("Not checked: %d entries newer than the last reading, which the re-run cannot reach until "
                    + "the readings after them are pulled; audit again after the next quarter hour: %s%s.%n",
                    notChecked.size(), notChecked.stream().limit(NAMED).map(ReportPrinter::name)
                            .collect(Collectors.joining(", ")), notChecked.size() > NAMED ? ", ..." : "");
        }
    }

    private static String name(LedgerEntry entry) {
        return "#" + entry.seq() + " " + entry.kind() + " " + entry.customerId();
    }

    private static void printRow(PrintWriter out, BillingReport.Row row, String currency, ZoneId zone) {
        String account = row.closedAt() == null ? "" : "closed " + local(row.closedAt(), zone);
        out.printf(Locale.ROOT, ROW, row.customerId(), row.name(), row.meterId(),
                String.format(Locale.ROOT, "%.3f", row.energyWh() / 1000.0),
                money(row.openingMinor(), currency), money(row.topUpsMinor(), currency),
                money(row.energyChargesMinor(), currency), money(row.standingChargesMinor(), currency),
                money(row.taxesMinor(), currency), money(row.debtRecoveredMinor(), currency),
                money(row.otherMinor(), currency), money(row.balanceMinor(), currency), account);
    }

    private static String money(long minor, String currency) {
        return Currencies.toDecimal(minor, currency).toPlainString();
    }

    private static String local(Instant at, ZoneId zone) {
        return at == null ? "-" : SITE_TIME.format(at.atZone(zone));
    }
}

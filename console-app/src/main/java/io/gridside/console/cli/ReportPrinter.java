package io.gridside.console.cli;

import io.gridside.console.service.BillingReport;
import io.gridside.site.Currencies;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Prints a billing report as a table a technician can read in a terminal. */
final class ReportPrinter {

    private static final DateTimeFormatter SITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");
    private static final String ROW = "%-7s %-24.24s %-7s %9s %10s %10s %10s %9s %11s%n";

    private ReportPrinter() {
    }

    static void print(BillingReport report, PrintWriter out) {
        String currency = report.site().currency();
        ZoneId zone = report.site().zone();
        out.printf("Site %s (%s), currency %s, time zone %s%n", report.site().name(), report.site().siteId(),
                currency, zone);
        out.printf("Billed from %s to %s%n", local(report.from(), zone), local(report.to(), zone));
        out.println();
        out.printf(ROW, "cust", "name", "meter", "kWh", "opening", "top-ups", "energy", "standing", "balance");
        for (BillingReport.Row row : report.rows()) {
            printRow(out, row, currency);
        }
        printRow(out, report.totals(), currency);
        out.println();
        out.printf("Amounts in %s. Balance = opening + top-ups - energy - standing.%n", currency);
        if (report.reconciliation().agrees()) {
            out.printf("Audit: all %d ledger entries of the gateway match the console's re-run.%n",
                    report.reconciliation().compared());
        } else {
            out.printf("Audit: %d of %d ledger entries match. %s%n", report.reconciliation().matched(),
                    report.reconciliation().compared(), report.reconciliation().firstDifference().orElse(""));
        }
    }

    private static void printRow(PrintWriter out, BillingReport.Row row, String currency) {
        out.printf(Locale.ROOT, ROW, row.customerId(), row.name(), row.meterId(),
                String.format(Locale.ROOT, "%.3f", row.energyWh() / 1000.0),
                money(row.openingMinor(), currency), money(row.topUpsMinor(), currency),
                money(row.energyChargesMinor(), currency), money(row.standingChargesMinor(), currency),
                money(row.balanceMinor(), currency));
    }

    private static String money(long minor, String currency) {
        return Currencies.toDecimal(minor, currency).toPlainString();
    }

    private static String local(Instant at, ZoneId zone) {
        return at == null ? "-" : SITE_TIME.format(at.atZone(zone));
    }
}

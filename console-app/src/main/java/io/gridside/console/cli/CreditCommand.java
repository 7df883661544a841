package io.gridside.console.cli;

import io.gridside.console.service.Amounts;
import io.gridside.console.service.CreditListing;
import io.gridside.site.store.SiteStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridside bill credit --site FILE}: each customer's credit state, relay, debts, maintenance lock and the
 * energy delivered past zero credit, from a pulled site database.
 */
@Command(name = "credit", mixinStandardHelpOptions = true,
        description = {"Lists each customer's credit state and balance, the debts recovered from their top-ups, a "
            + "maintenance lock on their meter, and the energy delivered past zero credit.",
            "Reads a site database pulled with 'connect ... audit'; energy past zero is what the gateway billed "
                + "into a negative balance, such as a meter it could not reach went on consuming."})
final class CreditCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--site", paramLabel = "FILE", required = true, description = "The site database file.")
    Path siteFile;

    @Option(names = "--json", description = "Print a JSON array, one object per customer.")
    boolean json;

    @Override
    public Integer call() {
        List<CreditListing.Row> rows;
        try (SiteStore store = SiteFiles.openExisting(siteFile)) {
            rows = CreditListing.of(store);
        } catch (NoSuchElementException e) {
            throw new UsageException(e.getMessage(), e, SiteFiles.NO_SITE);
        }
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            out.println(Json.write(rows));
        } else {
            printTable(out, rows);
        }
        return ExitCode.OK;
    }

    /** One line per customer; a closed account shows CLOSED and its final balance, and a line says when. */
    private static void printTable(PrintWriter out, List<CreditListing.Row> rows) {
        String currency = rows.isEmpty() ? "" : rows.get(0).currency();
        out.printf("%-10s %-8s %-12s %-5s %14s %14s  %-20s %s%n", "CUSTOMER", "METER", "STATE", "RELAY",
                "BALANCE " + currency, "PAST ZERO Wh", "LOCKED SINCE",
                "DEBTS " + currency + " (RECOVERED, STILL OWED)");
        for (CreditListing.Row row : rows) {
            String debts = row.debts().stream().map(d -> debt(d, row.currency())).collect(Collectors.joining(", "));
            String state = row.closedAt() == null ? row.state().toString() : "CLOSED";
            out.printf("%-10s %-8s %-12s %-5s %14s %14d  %-20s %s%n", row.customerId(), row.meterId(), state,
                    row.relay(), Amounts.plain(row.balanceMinor(), row.currency()), row.energyPastZeroWh(),
                    row.lockedSince() == null ? "-" : row.lockedSince(), debts.isEmpty() ? "-" : debts);
        }
        rows.stream().filter(row -> row.closedAt() != null).forEach(row -> out.printf("%s moved out at %s; the "
                + "balance shown is the closed account's final one.%n", row.customerId(), row.closedAt()));
    }

    /**
     * A debt as "loan-7 4.00 (2 payments) owes 16.00", or without what it owes when the principal is not known; the
     * header names the currency.
     */
    private static String debt(CreditListing.DebtLine d, String currency) {
        return d.debtId() + " " + Amounts.plain(d.recoveredMinor(), currency) + " (" + d.payments()
                + (d.payments() == 1 ? " payment)" : " payments)")
                + (d.owingMinor() == null ? "" : " owes " + Amounts.plain(d.owingMinor(), currency));
    }
}

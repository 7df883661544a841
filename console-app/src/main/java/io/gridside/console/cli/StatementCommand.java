package io.gridside.console.cli;

import io.gridside.console.service.Amounts;
import io.gridside.console.service.CustomerStatement;
import io.gridside.console.service.StatementExport;
import io.gridside.console.service.StatementLines;
import io.gridside.console.service.Statements;
import io.gridside.site.Currencies;
import io.gridside.site.Meter;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridside bill statement --site FILE --customer ID}: a statement a customer could be shown, day by day,
 * printed and, if asked, written as CSV and as a printable page.
 */
@Command(name = "statement", mixinStandardHelpOptions = true,
        description = {"Prints a customer's statement from the ledger a pull stored: the site, customer, meter, "
            + "tariff and period; one line a day with the energy, charges, top-ups, adjustments and the balance "
            + "after it; and the period's charges line by line.",
            "--csv writes the same as CSV (one row per line, amounts in the currency's main unit, columns as the "
                + "README lists them); --html writes a printable page, one file with no scripts. Either replaces "
                + "a file already there, whole."},
        footer = {"", "Exit codes: 0 printed (and written); 1 refused (an unknown customer, no ledger to take the "
            + "days from, a file that cannot be written); 2 a usage error, such as a missing site database."})
final class StatementCommand implements Callable<Integer> {

    static final String EXPORT_FAILED = "EXPORT_FAILED";

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--site", paramLabel = "FILE", required = true, description = "The site database file.")
    Path siteFile;

    @ArgGroup(exclusive = true, multiplicity = "1")
    CustomerOrMeter who;

    @Mixin
    PeriodOptions period;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the statement as CSV to FILE.")
    Path csvFile;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the statement as a printable page.")
    Path htmlFile;

    @Option(names = "--json", description = "Print the statement as JSON for programs: amounts in minor units.")
    boolean json;

    /** One day as JSON carries it. */
    record DayJson(LocalDate date, long energyWh, StatementLines lines, long chargesMinor, long balanceMinor) {
    }

    /**
     * The statement as JSON carries it; the field names are a contract with scripts. {@code pendingCash} lists the
     * cash receipts the ledger had not posted at the last pull ({@code pulledAt}), which no balance counts yet.
     */
    record StatementJson(String siteId, String siteName, String customerId, String name, List<String> meterIds,
            String tariffId, String currency, int currencyExponent, String timeZone, LocalDate from, LocalDate to,
            long openingMinor, List<DayJson> days, long energyWh, StatementLines totals, long chargesMinor,
            long closingMinor, long accruedNotPostedMinor, long balanceMinor, String creditState,
            List<CustomerStatement.PendingCash> pendingCash, long pendingCashMinor, Instant pulledAt) {

        static StatementJson of(CustomerStatement s, Unposted unposted) {
            return new StatementJson(s.site().siteId(), s.site().name(), s.customerId(), s.customerName(),
                    s.meterIds(), s.tariffId(), s.currency(), Currencies.exponent(s.currency()),
                    s.site().zone().getId(), s.firstDay(), s.lastDay(), s.openingMinor(),
                    s.days().stream().map(d -> new DayJson(d.date(), d.energyWh(), d.lines(),
                            d.lines().chargesMinor(), d.balanceMinor())).toList(),
                    s.energyWh(), s.totals(), s.totals().chargesMinor(), s.closingMinor(), s.accruedMinor(),
                    s.balanceMinor(), s.state() == null ? null : s.state().name(), unposted.cash(),
                    unposted.cashMinor(), unposted.pulledAt());
        }
    }

    /** What the statement's ledger does not hold yet: cash taken and not posted by the last pull, and its time. */
    record Unposted(List<CustomerStatement.PendingCash> cash, Instant pulledAt) {

        long cashMinor() {
            return cash.stream().mapToLong(CustomerStatement.PendingCash::amountMinor).reduce(0, Math::addExact);
        }
    }

    @Override
    public Integer call() {
        checkFolder("--csv", csvFile);
        checkFolder("--html", htmlFile);
        CustomerStatement statement;
        Unposted unposted;
        try (SiteStore store = SiteFiles.openExisting(siteFile)) {
            Statements all = statements(store, siteFile);
            String customerId = who.customerId != null ? who.customerId : customerOf(store, who.meter);
            requireKnown(all, customerId, siteFile);
            Statements.Period days = period.period(all);
            statement = all.of(customerId, days);
            unposted = new Unposted(statement.pendingCash(), all.pulledAt().orElse(null));
        }
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            out.println(Json.write(StatementJson.of(statement, unposted)));
        } else {
            print(statement, out);
            printUnposted(unposted, statement, out);
        }
        export(statement, StatementExport.Format.CSV, csvFile, out);
        export(statement, StatementExport.Format.PAGE, htmlFile, out);
        return ExitCode.OK;
    }

    /** The statements of the site in {@code store}; a database never pulled into is a usage error. */
    static Statements statements(SiteStore store, Path siteFile) {
        try {
            return Statements.of(store);
        } catch (NoSuchElementException e) {
            throw SiteFiles.noSite(siteFile);
        }
    }

    /** The customer of the meter {@code meter} (its id or serial) as the site database's roster holds it. */
    private static String customerOf(SiteStore store, String meter) {
        List<Meter> meters = store.meters();
        String meterId = MeterNames.meterId(meter, meters);
        return meters.stream().filter(m -> m.meterId().equals(meterId)).map(Meter::customerId).findFirst()
                .orElseThrow(() -> new RefusedException("The site database holds no meter of id or serial " + meter
                        + "; list the meters with: gridside connect ... meters.", BillCommand.NO_CUSTOMER));
    }

    static void requireKnown(Statements statements, String customerId, Path siteFile) {
        if (!statements.knows(customerId)) {
            throw new RefusedException("The site database holds no customer " + customerId + "; list the "
                    + "customers with: gridside bill --site " + siteFile + ".", BillCommand.NO_CUSTOMER);
        }
    }

    /** Refuses, before any work, a file to write in a folder that does not exist: an export creates none. */
    private static void checkFolder(String option, Path file) {
        if (file == null) {
            return;
        }
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UsageException(option + " names a file in " + folder + ", which is not a folder; the "
                    + "statement creates no folders.");
        }
    }

    private void export(CustomerStatement statement, StatementExport.Format format, Path file, PrintWriter out) {
        if (file == null) {
            return;
        }
        boolean replacing = Files.exists(file);
        try {
            Path written = StatementExport.write(statement, format, file);
            if (!json) {
                out.printf("Wrote the statement as %s to %s%s.%n", format == StatementExport.Format.CSV ? "CSV"
                        : "a printable page", written, replacing ? ", replacing the file that was there" : "");
            }
        } catch (IOException e) {
            throw new RefusedException("The statement could not be written to " + file + ": " + e.getMessage()
                    + "; check that the folder can be written to.", e, EXPORT_FAILED);
        }
    }

    private static void print(CustomerStatement s, PrintWriter out) {
        String currency = s.currency();
        out.printf("Statement of customer %s%s, %s (%s)%n", s.customerId(),
                s.customerName().isEmpty() ? "" : " (" + s.customerName() + ")", s.site().name(), s.site().siteId());
        out.printf("Meter %s, tariff %s, %s to %s (days in %s), amounts in %s%n%n",
                s.meterIds().isEmpty() ? "-" : String.join(", ", s.meterIds()), s.tariffId(), s.firstDay(),
                s.lastDay(), s.site().zone().getId(), currency);
        TextTable table = new TextTable(1, "DATE", "kWh", "CHARGES", "TOP-UPS", "ADJUST", "BALANCE");
        table.add(List.of("opening", "", "", "", "", Amounts.plain(s.openingMinor(), currency)));
        for (CustomerStatement.Day day : s.days()) {
            table.add(dayRow(day.date().toString(), day.energyWh(), day.lines(), day.balanceMinor(), currency));
        }
        table.add(dayRow("total", s.energyWh(), s.totals(), s.closingMinor(), currency));
        if (s.accruedMinor() != 0) {
            table.add(List.of("not yet posted", "", Amounts.plain(s.accruedMinor(), currency), "", "",
                    Amounts.plain(s.balanceMinor(), currency)));
        }
        table.print(out);
        if (s.accruedMinor() != 0) {
            out.printf("%nNot yet posted: the charges so far today, %s, which the gateway posts at the day's end.%n",
                    Amounts.money(s.accruedMinor(), currency));
        }
        StatementLines t = s.totals();
        out.printf("%nCharges: energy %s, standing %s, tax %s, levy %s, minimum %s, debt recovery %s.%n",
                Amounts.plain(t.energyMinor(), currency), Amounts.plain(t.standingMinor(), currency),
                Amounts.plain(t.taxMinor(), currency), Amounts.plain(t.levyMinor(), currency),
                Amounts.plain(t.minimumMinor(), currency), Amounts.plain(t.debtRecoveryMinor(), currency));
        out.printf("Closing balance %s; credit state at the last pull: %s.%n", Amounts.money(s.balanceMinor(),
                currency), s.state() == null ? "not pulled" : s.state().name().toLowerCase(Locale.ROOT));
    }

    /**
     * Says what the balance does not count yet: each cash receipt the gateway had not posted when it was pulled, and
     * when that pull was, since a top-up taken after it is in no table here until the next pull.
     */
    private static void printUnposted(Unposted unposted, CustomerStatement s, PrintWriter out) {
        ZoneId zone = s.site().zone();
        if (!unposted.cash().isEmpty()) {
            out.printf("Cash taken and not yet posted: %s, which the balance above does not count; the gateway "
                    + "posts it at its next quarter hour.%n", Amounts.money(unposted.cashMinor(), s.currency()));
            for (CustomerStatement.PendingCash cash : unposted.cash()) {
                out.printf("  receipt %s, reference %s, %s, paid %s%n", cash.receipt(), cash.reference(),
                        Amounts.money(cash.amountMinor(), s.currency()), VeeCommand.siteTime(cash.at(), zone));
            }
        }
        if (unposted.pulledAt() != null) {
            out.printf("Pulled from the gateway at %s (%s): a top-up taken since is not in this statement until the "
                    + "next pull (gridside connect ... audit).%n", VeeCommand.siteTime(unposted.pulledAt(), zone),
                    zone.getId());
        }
    }

    private static List<String> dayRow(String label, long energyWh, StatementLines lines, long balance,
            String currency) {
        return new ArrayList<>(List.of(label, Amounts.kwh(energyWh), Amounts.plain(lines.chargesMinor(), currency),
                Amounts.plain(lines.topUpsMinor(), currency), Amounts.plain(lines.adjustmentsMinor(), currency),
                Amounts.plain(balance, currency)));
    }
}

package io.gridside.console.cli;

import io.gridside.console.service.Amounts;
import io.gridside.console.service.CustomerStatement;
import io.gridside.console.service.PowerLimits;
import io.gridside.console.service.StatementLines;
import io.gridside.console.service.Statements;
import io.gridside.site.Currencies;
import io.gridside.site.SiteInfo;
import io.gridside.site.store.SiteStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridside bill --site FILE}: each customer's billing over whole days, from the pulled ledger, with
 * totals; its subcommands check a tariff, run VEE, list credit, verify the ledger and make a customer's statement.
 */
@Command(name = "bill", mixinStandardHelpOptions = true,
        description = {"Billing on this laptop, without a gateway. With --site alone: each customer's billing over "
            + "whole days of the site, from the ledger a pull stored: the opening balance, the energy, the charges "
            + "line by line, top-ups, adjustments, the closing balance and the credit state, with totals.",
            "Opening balance + top-ups + adjustments - charges = closing balance, to the minor unit. Amounts are in "
                + "the site's currency; --json gives them in minor units with the currency.",
            "The subcommands check a tariff file, validate and estimate readings, list credit, verify the "
                + "ledger's hash chain, make one customer's statement, and cash up a technician's day."},
        footer = {"", "Exit codes: 0 printed; 1 refused (an unknown customer, no ledger to take the days from, a "
            + "ledger whose entries do not add up); 2 a usage error, such as a missing or never-pulled site database."},
        subcommands = {TariffCheckCommand.class, TariffPreviewCommand.class, TariffExportCommand.class,
            VeeCommand.class, CreditCommand.class, VerifyCommand.class, StatementCommand.class,
            BillCashUpCommand.class})
final class BillCommand implements Callable<Integer> {

    static final String NO_CUSTOMER = "NO_CUSTOMER";

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    /** Not required by the parser, so that the subcommands run without it. */
    @Option(names = "--site", paramLabel = "FILE", description = "The site database file.")
    Path siteFile;

    @Option(names = "--customer", paramLabel = "ID", description = "Only this customer.")
    String customerId;

    @Option(names = "--json", description = "Print a JSON object for programs: amounts in minor units.")
    boolean json;

    @Mixin
    PeriodOptions period;

    /**
     * One customer's billing as JSON carries it; amounts in minor units of the report's currency, charges
     * positive; the field names are a contract with scripts.
     */
    record CustomerJson(String customerId, String name, List<String> meterIds, String tariffId, String creditState,
            long openingMinor, long energyWh, StatementLines lines, long chargesMinor, long closingMinor,
            int limiterTrips) {

        static CustomerJson of(CustomerStatement s, Map<String, Integer> trips, Set<String> closed) {
            return new CustomerJson(s.customerId(), s.customerName(), s.meterIds(), s.tariffId(),
                    stateOf(s, closed), s.openingMinor(), s.energyWh(), s.totals(),
                    s.totals().chargesMinor(), s.closingMinor(), PowerLimits.tripsOf(trips, s.meterIds()));
        }
    }

    /** The totals over every customer listed. */
    record TotalsJson(long openingMinor, long energyWh, StatementLines lines, long chargesMinor, long closingMinor,
            int limiterTrips) {
    }

    /** The whole report as JSON. */
    record ReportJson(String siteId, String siteName, String currency, int currencyExponent, String timeZone,
            LocalDate from, LocalDate to, List<CustomerJson> customers, TotalsJson totals) {
    }

    @Override
    public Integer call() {
        if (siteFile == null) {
            throw new UsageException("Name a site database with --site FILE for its billing, or what to do, such "
                    + "as: gridside bill statement --site FILE --customer ID, gridside bill tariff-check FILE, "
                    + "gridside bill vee --site FILE, gridside bill credit --site FILE or gridside bill verify "
                    + "--site FILE.");
        }
        List<CustomerStatement> statements;
        SiteInfo site;
        try (SiteStore store = SiteFiles.openExisting(siteFile)) {
            Statements all = StatementCommand.statements(store, siteFile);
            site = all.site();
            Statements.Period days = period.period(all);
            if (customerId != null) {
                StatementCommand.requireKnown(all, customerId, siteFile);
                statements = List.of(all.of(customerId, days));
            } else {
                statements = all.all(days);
            }
            Instant end = days.last().plusDays(1).atStartOfDay(site.zone()).toInstant();
            Set<String> closed = new HashSet<>();
            statements.forEach(st -> all.closedAt(st.customerId()).filter(at -> at.isBefore(end))
                    .ifPresent(at -> closed.add(st.customerId())));
            print(site, days, statements, trips(store, site, days), closed);
        }
        return ExitCode.OK;
    }

    /** How often each meter's load limiter tripped in the period's days, from the pulled event log. */
    // A meter that billed two customers in the period (a move-out and a move-in) counts its trips to both, and an
    // exchanged meter's trips are lost with it from the roster: trips are counted by meter, not by account.
    private static Map<String, Integer> trips(SiteStore store, SiteInfo site, Statements.Period days) {
        Instant from = days.first().atStartOfDay(site.zone()).toInstant();
        Instant to = days.last().plusDays(1).atStartOfDay(site.zone()).toInstant();
        return PowerLimits.tripsByMeter(store.events(from, to));
    }

    /** The state the report shows: CLOSED for an account closed by the period's end, else the last pulled. */
    private static String stateOf(CustomerStatement s, Set<String> closed) {
        if (closed.contains(s.customerId())) {
            return "CLOSED";
        }
        return s.state() == null ? null : s.state().name();
    }

    private void print(SiteInfo site, Statements.Period days, List<CustomerStatement> statements,
            Map<String, Integer> trips, Set<String> closed) {
        PrintWriter out = command.commandLine().getOut();
        TotalsJson totals = totals(statements, trips);
        if (json) {
            out.println(Json.write(new ReportJson(site.siteId(), site.name(), site.currency(),
                    Currencies.exponent(site.currency()), site.zone().getId(), days.first(), days.last(),
                    statements.stream().map(s -> CustomerJson.of(s, trips, closed)).toList(), totals)));
            return;
        }
        String currency = site.currency();
        out.printf("%s (%s), %s to %s, days in %s; amounts in %s, energy in kWh: every reading the gateway billed "
                + "each account, including the open day's whose charges are not posted yet, and a gap a gateway "
                + "replacement billed, on the day its charges were posted.%n%n", site.name(),
                site.siteId(), days.first(), days.last(), site.zone().getId(), currency);
        TextTable table = new TextTable(2, "CUSTOMER", "METER", "kWh", "OPENING", "ENERGY", "STANDING", "TAX",
                "LEVY", "MINIMUM", "DEBT", "TOP-UPS", "ADJUST", "CLOSING", "TRIPS", "STATE");
        for (CustomerStatement s : statements) {
            table.add(row(s.customerId(), String.join(",", s.meterIds()), s.energyWh(), s.openingMinor(), s.totals(),
                    s.closingMinor(), PowerLimits.tripsOf(trips, s.meterIds()),
                    stateOf(s, closed) == null ? "-" : stateOf(s, closed).toLowerCase(Locale.ROOT), currency));
        }
        table.add(row("TOTAL", "", totals.energyWh(), totals.openingMinor(), totals.lines(), totals.closingMinor(),
                totals.limiterTrips(), "", currency));
        table.print(out);
        out.printf("%nClosing = opening + top-ups + adjustments - charges (energy, standing, tax, levy, minimum, "
                + "debt recovery); trips of the meter's power limiter in the period; state at the last pull.%n");
    }

    private static List<String> row(String customer, String meters, long energyWh, long opening, StatementLines l,
            long closing, int trips, String state, String currency) {
        List<String> row = new ArrayList<>(List.of(customer, meters.isEmpty() ? "-" : meters,
                Amounts.kwh(energyWh)));
        for (long minor : new long[] {opening, l.energyMinor(), l.standingMinor(), l.taxMinor(), l.levyMinor(),
            l.minimumMinor(), l.debtRecoveryMinor(), l.topUpsMinor(), l.adjustmentsMinor(), closing}) {
            row.add(Amounts.plain(minor, currency));
        }
        row.add(Integer.toString(trips));
        row.add(state);
        return row;
    }

    private static TotalsJson totals(List<CustomerStatement> statements, Map<String, Integer> trips) {
        int tripCount = 0;
        long opening = 0;
        long energy = 0;
        long closing = 0;
        StatementLines lines = StatementLines.NONE;
        for (CustomerStatement s : statements) {
            opening = Math.addExact(opening, s.openingMinor());
            energy = Math.addExact(energy, s.energyWh());
            closing = Math.addExact(closing, s.closingMinor());
            lines = lines.plus(s.totals());
            tripCount += PowerLimits.tripsOf(trips, s.meterIds());
        }
        return new TotalsJson(opening, energy, lines, lines.chargesMinor(), closing, tripCount);
    }
}

package io.gridside.console.cli;

import io.gridside.console.service.Statements;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The days a billing report or statement covers: whole days of the site, by default every day its ledger has. */
final class PeriodOptions {

    static final String NO_LEDGER = "NO_LEDGER";
    /** The code of a period that holds none of the days the site's ledger has. */
    static final String NO_DAYS = "NO_DAYS";

    @Option(names = "--from", paramLabel = "DATE", description = "The first day, in the site's time zone "
        + "(2026-06-01; a date and time stands for its day). Default: the day of the ledger's first entry.")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "The last day, included. Default: the day of the "
        + "ledger's last entry.")
    String to;

    /**
     * The period the options name, the ledger's days filling in what they leave out.
     *
     * @throws UsageException when a date cannot be read or the period ends before it starts
     * @throws RefusedException when a day is left out and the ledger holds no entry to take it from
     */
    Statements.Period period(Statements statements) {
        ZoneId zone = statements.site().zone();
        Optional<Statements.Period> ledger = statements.ledgerPeriod();
        LocalDate first = from != null ? day("--from", from, zone) : ledger.map(Statements.Period::first)
                .orElseThrow(PeriodOptions::noLedger);
        LocalDate last = to != null ? day("--to", to, zone) : ledger.map(Statements.Period::last)
                .orElseThrow(PeriodOptions::noLedger);
        if (last.isBefore(first) && from != null && to != null) {
            throw new UsageException("--to (" + last + ") must not be before --from (" + first + ").");
        }
        if (ledger.isPresent() && (last.isBefore(ledger.get().first()) || first.isAfter(ledger.get().last()))) {
            // A report of days the site never billed would print zeros that read as a quiet period.
            throw new RefusedException("The site's ledger holds the days " + ledger.get().first() + " to "
                    + ledger.get().last() + "; " + first + " to " + last + " holds none of them. Name days in that "
                    + "range, or pull the site again for later ones.", NO_DAYS);
        }
        return new Statements.Period(first, last);
    }

    private static LocalDate day(String option, String text, ZoneId zone) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException notADate) {
            return SiteTimes.parse(option, text, zone, true, false).atZone(zone).toLocalDate();
        }
    }

    private static RefusedException noLedger() {
        return new RefusedException("The site database holds no ledger entries yet, so there is no period to "
                + "default to; pull the site again, or name the days with --from and --to.", NO_LEDGER);
    }
}

package io.gridside.console.cli;

import io.gridside.console.service.Amounts;
import io.gridside.console.service.TariffPreview;
import io.gridside.console.service.TariffUnits;
import io.gridside.site.Currencies;
import io.gridside.site.Reading;
import io.gridside.site.store.SiteStore;
import io.gridside.site.tariff.InvalidTariffException;
import io.gridside.site.tariff.TariffProblem;
import io.gridside.site.tariff.TariffSchedule;
import io.gridside.site.tariff.TariffVersion;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridside bill tariff-preview}: one customer's bill of one month, line by line, under the site's tariff
 * and under the newest version of a tariff file, with the difference.
 */
@Command(name = "tariff-preview", mixinStandardHelpOptions = true,
        description = {"Previews a tariff change on one customer's bill of one month: each line (energy by block "
            + "and time-of-use band, standing, minimum, tax, levy, total) under the site's tariff as last pulled "
            + "and under the newest version of the tariff file, as if that version had been in force all month, "
            + "with the difference.",
            "Rated by the billing engine's own rating over the readings the site database holds. Amounts are in "
                + "the site's currency; --json gives them in minor units (energy parts in exact charge units)."},
        footer = {"", "Exit codes: 0 printed; 1 the tariff file is invalid (each problem is printed with its field) "
            + "or the customer is unknown; 2 a usage error, such as a missing file or a month written otherwise "
            + "than YYYY-MM."})
final class TariffPreviewCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--site", paramLabel = "FILE", required = true, description = "The site database file.")
    Path siteFile;

    @Option(names = "--tariff", paramLabel = "FILE", required = true,
            description = "The tariff file whose newest version is previewed, as tariff-check reads it.")
    Path tariffFile;

    @Option(names = "--customer", paramLabel = "ID", required = true, description = "The customer's id.")
    String customerId;

    @Option(names = "--month", paramLabel = "YYYY-MM", required = true, description = "The month, site time.")
    YearMonth month;

    @Option(names = "--json", description = "Print a JSON object for programs: amounts in minor units.")
    boolean json;

    /** One row as JSON carries it: amounts in units of which {@code unitsPerMinor} make a minor unit. */
    record RowJson(String line, Long currentWh, Long proposedWh, Long currentPrice, Long proposedPrice,
            long current, long proposed, long difference, long unitsPerMinor) {
    }

    /** The whole preview as JSON; prices in ten-thousandths of a minor unit per kWh. */
    record PreviewJson(String siteId, String customerId, YearMonth month, String currency, int currencyExponent,
            String tariffId, String proposedFrom, List<RowJson> rows, long currentTotalMinor,
            long proposedTotalMinor, long differenceMinor) {
    }

    @Override
    public Integer call() {
        TariffSchedule file;
        TariffPreview.Preview preview;
        try {
            file = TariffCheckCommand.read(tariffFile);
            TariffVersion proposed = newest(file.validated());
            try (SiteStore store = SiteFiles.openExisting(siteFile)) {
                TariffPreview source = source(store);
                requireKnown(source);
                List<Reading> readings = source.readings(store, customerId);
                preview = source.preview(proposed, customerId, month, readings);
            }
        } catch (InvalidTariffException e) {
            return invalid(e.problems());
        }
        print(preview, newest(file));
        return ExitCode.OK;
    }

    private static TariffVersion newest(TariffSchedule schedule) {
        return schedule.versions().get(schedule.versions().size() - 1);
    }

    private TariffPreview source(SiteStore store) {
        try {
            return TariffPreview.of(store);
        } catch (NoSuchElementException e) {
            throw SiteFiles.noSite(siteFile);
        }
    }

    private void requireKnown(TariffPreview source) {
        if (!source.knows(customerId)) {
            throw new RefusedException("The site database holds no customer " + customerId + "; list the "
                    + "customers with: gridside bill --site " + siteFile + ".", BillCommand.NO_CUSTOMER);
        }
    }

    /**
     * The problems of the tariff file, or of its newest version as a version of the site's tariff (its currency),
     * printed as tariff-check prints them.
     */
    private int invalid(List<TariffProblem> problems) {
        PrintWriter out = command.commandLine().getOut();
        problems.forEach(problem -> out.println(problem.field() + ": " + problem.message()));
        command.commandLine().getErr().println("gridside: The tariff " + tariffFile + " cannot be previewed: "
                + problems.size() + (problems.size() == 1 ? " problem" : " problems") + ", listed above. ["
                + TariffCheckCommand.TARIFF_INVALID + "]");
        return ExitCode.FAILED;
    }

    private void print(TariffPreview.Preview preview, TariffVersion proposed) {
        PrintWriter out = command.commandLine().getOut();
        String currency = preview.currency();
        if (json) {
            out.println(Json.write(new PreviewJson(preview.site().siteId(), customerId, month, currency,
                    Currencies.exponent(currency), preview.tariffId(), proposed.effectiveFrom().toString(),
                    preview.rows().stream().map(TariffPreviewCommand::rowJson).toList(),
                    preview.current().totalMinor(), preview.proposed().totalMinor(), preview.differenceMinor())));
            return;
        }
        LocalDate lastDay = preview.current().lastDay();
        String days = lastDay.equals(month.atEndOfMonth()) ? month.toString()
                : month.atDay(1) + " to " + lastDay + " (the month so far, without its minimum charge)";
        out.printf("%s, %s: customer %s, %s kWh read; amounts in %s.%n", preview.site().name(), days, customerId,
                Amounts.kwh(preview.current().energyWh()), currency);
        out.printf("NOW is the site's tariff %s as last pulled; NEW is the version from %s of %s, as if in force "
                + "all month.%n%n", preview.tariffId(), proposed.effectiveFrom(), tariffFile);
        TextTable table = new TextTable(1, "LINE", "kWh NOW", "NOW", "kWh NEW", "NEW", "DIFFERENCE");
        for (TariffPreview.Row row : preview.rows()) {
            table.add(List.of(label(row, currency), kwh(row.currentWh()), amount(row.currentUnits(), row, currency),
                    kwh(row.proposedWh()), amount(row.proposedUnits(), row, currency),
                    signed(row.differenceUnits(), row, currency)));
        }
        table.print(out);
        out.printf("%nEnergy parts are exact; each line is posted in whole minor units, rounded down day by day "
                + "with the rest carried, as the gateway posts.%n");
    }

    /** The row's line as a technician reads it; an energy part's prices are left out without a currency. */
    static String label(TariffPreview.Row row, String currency) {
        return switch (row.kind()) {
            case ENERGY_PART -> part(row, currency);
            case ENERGY -> "energy";
            case STANDING -> "standing";
            case MINIMUM -> "minimum";
            case TAX -> "tax " + row.name();
            case LEVY -> "levy " + row.name();
            case TOTAL -> "TOTAL";
        };
    }

    private static String part(TariffPreview.Row row, String currency) {
        StringBuilder label = new StringBuilder("  block ").append(row.block() + 1);
        if (Boolean.TRUE.equals(row.lifeline())) {
            label.append(" lifeline");
        }
        if (row.upToWh() != null) {
            label.append(" to ").append(TariffUnits.kwh(row.upToWh())).append(" kWh");
        }
        if (row.band() != null) {
            label.append(", ").append(row.band().day().name().toLowerCase()).append(' ')
                    .append(row.band().from()).append('-').append(row.band().to());
        }
        if (currency != null) {
            label.append(" at ").append(price(row.currentPrice(), currency)).append(" / ")
                    .append(price(row.proposedPrice(), currency));
        }
        return label.toString();
    }

    private static String price(Long price, String currency) {
        return price == null ? "-" : TariffUnits.price(price, currency);
    }

    private static String kwh(Long wh) {
        return wh == null ? "" : Amounts.kwh(wh);
    }

    private static String amount(long units, TariffPreview.Row row, String currency) {
        return row.unitsPerMinor() == 1 ? Amounts.plain(units, currency) : TariffUnits.exactCharge(units, currency);
    }

    private static String signed(long units, TariffPreview.Row row, String currency) {
        return (units > 0 ? "+" : "") + amount(units, row, currency);
    }

    private static RowJson rowJson(TariffPreview.Row row) {
        return new RowJson(label(row, null).strip(), row.currentWh(), row.proposedWh(), row.currentPrice(),
                row.proposedPrice(), row.currentUnits(), row.proposedUnits(), row.differenceUnits(),
                row.unitsPerMinor());
    }
}

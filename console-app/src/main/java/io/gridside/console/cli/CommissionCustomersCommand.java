package io.gridside.console.cli;

import io.gridside.site.commission.CommissionStep;
import io.gridside.site.commission.CsvProblem;
import io.gridside.site.commission.CustomerCsv;
import io.gridside.site.commission.SitePlan;
import io.gridside.site.store.SiteStore;
import io.gridside.site.tariff.TariffSchedule;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridside commission customers --csv FILE}: the operator's customers, every problem of the file listed with
 * its line and column, and nothing kept unless every line is good.
 */
@Command(name = "customers", mixinStandardHelpOptions = true,
        description = {"Loads the customers the operator prepared from a CSV file, checking every line.",
            "The file's header: customer_id,name,phone,address,category,tariff_id,opening_balance,meter_serial",
            "category is HOUSEHOLD, SHOP or MILL; opening_balance is in the currency's main unit with at most its "
                + "decimals; phone (+ and 8 to 15 digits) and meter_serial may be empty. Every problem is listed "
                + "with its line and column; nothing is kept unless every line is good. Tariff ids are checked "
                + "once 'gridside commission tariffs' kept the tariffs. Loading a file again replaces the "
                + "customers of the ids it lists and keeps the others."},
        footer = {"", "Exit codes: 0 loaded; 1 the file has problems; 2 a usage error, such as a missing file."})
final class CommissionCustomersCommand implements Callable<Integer> {

    static final String CSV_INVALID = "CSV_INVALID";
    static final String CSV_UNREADABLE = "CSV_UNREADABLE";

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Mixin
    CommissionSite site;

    @Option(names = "--csv", paramLabel = "FILE", required = true, description = "The customers file, CSV in UTF-8.")
    Path csv;

    @Option(names = "--json", description = "Print the customers loaded, or the problems, as JSON.")
    boolean json;

    /** The JSON output: the field names are a contract with scripts. */
    record CustomersJson(String file, int customers, List<CsvProblem> problems) {
    }

    @Override
    public Integer call() {
        String text = read(csv);
        try (SiteStore store = site.open()) {
            SitePlan plan = CommissionSite.plan(store);
            List<TariffSchedule> tariffs = store.commission().tariffs();
            Set<String> known = tariffs.isEmpty() ? null
                    : tariffs.stream().map(TariffSchedule::tariffId).collect(Collectors.toSet());
            CustomerCsv.Result result = CustomerCsv.read(text, plan.currency(), known);
            PrintWriter out = command.commandLine().getOut();
            if (json) {
                out.println(Json.write(new CustomersJson(csv.toString(), result.customers().size(),
                        result.problems())));
            }
            if (!result.ok()) {
                if (!json) {
                    result.problems().forEach(out::println);
                }
                throw new RefusedException("The customers file " + csv + " has " + result.problems().size()
                        + (result.problems().size() == 1 ? " problem" : " problems") + ", listed above; nothing was "
                        + "loaded. Fix the lines they name and load the file again.", CSV_INVALID);
            }
            store.commission().saveCustomers(result.customers());
            String loaded = result.customers().size() + " customers from " + csv.getFileName();
            if (!store.commission().markDone(CommissionStep.CUSTOMERS, Instant.now(), loaded)) {
                store.commission().markDoneAgain(CommissionStep.CUSTOMERS, Instant.now(), loaded);
            }
            if (!json) {
                out.printf("Loaded %d customers from %s%s.%n", result.customers().size(), csv,
                        known == null ? " (tariff ids not checked: no tariffs kept yet)" : "");
            }
        }
        return ExitCode.OK;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new UsageException("The customers file " + file + " does not exist; check the path.", e,
                    CSV_UNREADABLE);
        } catch (CharacterCodingException e) {
            throw new UsageException("The customers file " + file + " is not UTF-8 text; save it from the "
                    + "spreadsheet as CSV UTF-8.", e, CSV_UNREADABLE);
        } catch (IOException e) {
            throw new UsageException("The customers file " + file + " cannot be read: " + e.getMessage(), e,
                    CSV_UNREADABLE);
        }
    }
}

package io.gridside.console.cli;

import io.gridside.site.commission.CustomerCsv;
import io.gridside.site.commission.PlannedCustomer;
import io.gridside.site.commission.SitePlan;
import io.gridside.site.store.SiteStore;
import io.gridside.site.tariff.TariffSchedule;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridside commission add-customer}: one customer entered on site, checked by the same rules as a line of the
 * customers file.
 */
@Command(name = "add-customer", mixinStandardHelpOptions = true,
        description = {"Adds one customer entered on site, checked as a line of the customers file is."},
        footer = {"", "Exit codes: 0 added; 1 refused, with the reason; 2 a usage error."})
final class CommissionAddCustomerCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Mixin
    CommissionSite site;

    @Option(names = "--id", required = true, description = "The customer's id.")
    String customerId;

    @Option(names = "--name", required = true, description = "The customer's name.")
    String name;

    @Option(names = "--phone", defaultValue = "", description = "Their phone: + and 8 to 15 digits.")
    String phone;

    @Option(names = "--address", defaultValue = "", description = "Where they live or trade.")
    String address;

    @Option(names = "--category", required = true, description = "HOUSEHOLD, SHOP or MILL.")
    String category;

    @Option(names = "--tariff", required = true, description = "The id of the tariff they are billed on.")
    String tariffId;

    @Option(names = "--opening", paramLabel = "AMOUNT", defaultValue = "0",
            description = "Their opening balance in the currency's main unit, such as 150.50 (default: 0).")
    String opening;

    @Option(names = "--meter", paramLabel = "SERIAL", description = "The serial of the meter planned for them.")
    String meter;

    @Override
    public Integer call() {
        try (SiteStore store = site.open()) {
            SitePlan plan = CommissionSite.plan(store);
            List<TariffSchedule> tariffs = store.commission().tariffs();
            Set<String> known = tariffs.isEmpty() ? null
                    : tariffs.stream().map(TariffSchedule::tariffId).collect(Collectors.toSet());
            String line = String.join(",", List.of(customerId, name, phone, address, category, tariffId, opening,
                    meter == null ? "" : meter).stream().map(CommissionAddCustomerCommand::quoted).toList());
            CustomerCsv.Result result = CustomerCsv.read(String.join(",", CustomerCsv.HEADER) + "\n" + line + "\n",
                    plan.currency(), known);
            if (!result.ok()) {
                throw new RefusedException("The customer cannot be added: " + result.problems().stream()
                        .map(problem -> "--" + option(problem.column()) + ": " + problem.message())
                        .collect(Collectors.joining("; ")) + ".", CommissionCustomersCommand.CSV_INVALID);
            }
            PlannedCustomer customer = result.customers().get(0);
            CommissionSite.refusing(() -> {
                store.commission().addCustomer(customer);
                return null;
            });
            command.commandLine().getOut().printf("Added customer %s (%s, %s) on tariff %s.%n", customer.customerId(),
                    customer.name(), customer.category(), customer.tariffId());
        }
        return ExitCode.OK;
    }

    /** The option that gives a column of the customers file. */
    private static String option(String column) {
        return switch (column) {
            case "customer_id" -> "id";
            case "tariff_id" -> "tariff";
            case "opening_balance" -> "opening";
            case "meter_serial" -> "meter";
            default -> column.isEmpty() ? "customer" : column;
        };
    }

    private static String quoted(String field) {
        return "\"" + field.replace("\"", "\"\"") + "\"";
    }
}

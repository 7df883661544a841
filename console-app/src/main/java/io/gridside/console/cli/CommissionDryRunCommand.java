package io.gridside.console.cli;

import io.gridside.billing.commission.DryRun;
import io.gridside.console.Formats;
import io.gridside.site.CustomerCategory;
import io.gridside.site.commission.CommissionRefusal;
import io.gridside.site.commission.CommissionStep;
import io.gridside.site.commission.DryRunBill;
import io.gridside.site.commission.DryRunLoads;
import io.gridside.site.commission.PlannedCustomer;
import io.gridside.site.commission.SitePlan;
import io.gridside.site.store.SiteStore;
import io.gridside.site.tariff.TariffSchedule;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridside commission dry-run}: the first week billed on each customer's tariff from simulated consumption,
 * with the engine the gateway bills with.
 */
@Command(name = "dry-run", mixinStandardHelpOptions = true,
        description = {"Bills the first week of every customer on their tariff from their opening balance, over "
            + "simulated consumption (a seeded day's shape per category), with the gateway's billing engine: "
            + "energy, charges, closing balance and days of credit left."},
        footer = {"", "Exit codes: 0 billed; 1 a customer's tariff is missing; 2 a usage error."})
final class CommissionDryRunCommand implements Callable<Integer> {

    static final String TARIFF_MISSING = "TARIFF_MISSING";

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Mixin
    CommissionSite site;

    @Option(names = "--from", paramLabel = "DATE",
            description = "The first day, in the site's time zone (default: tomorrow).")
    String from;

    @Option(names = "--seed", defaultValue = "1", description = "The seed of the simulated consumption.")
    long seed;

    @Option(names = "--json", description = "Print the bills as JSON.")
    boolean json;

    @Override
    public Integer call() {
        try (SiteStore store = site.open()) {
            SitePlan plan = CommissionSite.plan(store);
            List<PlannedCustomer> customers = store.commission().customers();
            if (customers.isEmpty()) {
                throw new RefusedException("There are no customers to bill yet; load them first.",
                        CommissionRefusal.NOT_READY);
            }
            Map<String, TariffSchedule> tariffs = store.commission().tariffs().stream()
                    .collect(Collectors.toMap(TariffSchedule::tariffId, Function.identity()));
            Instant start = start(plan).atStartOfDay(plan.zone()).toInstant();
            List<DryRunBill> bills;
            try {
                bills = DryRun.firstWeek(plan, customers, tariffs, new DryRunLoads(seed, plan.zone())::energyWh,
                        start);
            } catch (IllegalArgumentException e) {
                throw new RefusedException(e.getMessage(), e, TARIFF_MISSING);
            }
            store.commission().saveDryRun(bills);
            store.commission().markDone(CommissionStep.DRY_RUN, Instant.now(), bills.size() + " customers billed");
            print(plan, bills);
        }
        return ExitCode.OK;
    }

    private LocalDate start(SitePlan plan) {
        if (from == null) {
            return LocalDate.now(plan.zone()).plusDays(1);
        }
        try {
            return LocalDate.parse(from);
        } catch (DateTimeParseException e) {
            throw new UsageException("--from takes a date such as 2026-12-07, not " + from + ".", e,
                    UsageException.USAGE);
        }
    }

    private void print(SitePlan plan, List<DryRunBill> bills) {
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            out.println(Json.write(bills));
            return;
        }
        out.printf("%-12s %-12s %10s %16s %16s %10s%n", "customer", "tariff", "kWh", "charges", "closing",
                "days left");
        for (DryRunBill bill : bills) {
            out.printf("%-12s %-12s %10.2f %16s %16s %10s%n", bill.customerId(), bill.tariffId(),
                    bill.energyWh() / 1000.0, Formats.money(bill.chargesMinor(), plan.currency()),
                    Formats.money(bill.closingMinor(), plan.currency()),
                    bill.daysOfCreditLeft() < 0 ? "-" : Long.toString(bill.daysOfCreditLeft()));
        }
        long outOfCredit = bills.stream().filter(bill -> bill.closingMinor() <= 0 && bill.chargesMinor() > 0)
                .count();
        out.printf("%d customers billed; %d would run out of credit within the week.%n", bills.size(), outOfCredit);
        out.printf("kWh are the dry run's assumed use, not a measure and not the tariff's (it only prices them): on a "
                + "working weekday %s kWh for a household, %s for a shop and %s for a mill of middle size, each "
                + "customer 0.6 to 1.4 times that; a site's own households may use far less (docs/commissioning.md)."
                + "%n", kwh(CustomerCategory.HOUSEHOLD), kwh(CustomerCategory.SHOP), kwh(CustomerCategory.MILL));
    }

    private static String kwh(CustomerCategory category) {
        return FieldOptions.kwh(DryRunLoads.typicalWeekdayWh(category)).replace(" kWh", "");
    }
}

package io.gridside.billing.commission;

import io.gridside.site.commission.DryRunBill;
import io.gridside.site.commission.PlannedCustomer;
import io.gridside.site.commission.SitePlan;
import io.gridside.site.tariff.TariffSchedule;
import io.gridside.billing.BillingEngine;
import io.gridside.billing.LedgerStore;
import io.gridside.billing.Rater;
import io.gridside.site.Reading;
import io.gridside.site.Tariff;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Bills a new site's first week before it goes live: each customer on their own tariff, from their opening balance,
 * over consumption drawn from a {@link Consumption} (simulated households, shops and mills), with the same engine
 * the gateway bills with. It tells the technician and the operator, before anyone pays, what a week will cost each
 * customer and whose opening credit will not last it.
 */
public final class DryRun {

    /** Where a dry run's consumption comes from: the energy of one customer's meter in one interval. */
    @FunctionalInterface
    public interface Consumption {
        /** Energy used by {@code customer} over the interval from {@code start}, {@code minutes} long, in Wh. */
        long energyWh(PlannedCustomer customer, Instant start, int minutes);
    }

    private static final Duration WEEK = Duration.ofDays(7);

    private DryRun() {
    }

    /**
     * The first week from {@code from}, billed per customer in customer id order.
     *
     * @param tariffs the site's tariffs by id; every customer's tariff must be among them
     * @throws IllegalArgumentException naming the customer whose tariff is missing
     */
    public static List<DryRunBill> firstWeek(SitePlan plan, List<PlannedCustomer> customers,
            Map<String, TariffSchedule> tariffs, Consumption consumption, Instant from) {
        if (from.getEpochSecond() % Reading.INTERVAL.toSeconds() != 0 || from.getNano() != 0) {
            throw new IllegalArgumentException("A dry run starts on a quarter hour: " + from);
        }
        for (PlannedCustomer customer : customers) {
            if (!tariffs.containsKey(customer.tariffId())) {
                throw new IllegalArgumentException("Customer " + customer.customerId() + " is billed on tariff "
                        + customer.tariffId() + ", which the site does not have; load the operator's tariffs.");
            }
        }
        Map<String, List<PlannedCustomer>> byTariff = new TreeMap<>(customers.stream()
                .collect(Collectors.groupingBy(PlannedCustomer::tariffId)));
        List<DryRunBill> bills = new ArrayList<>();
        for (Map.Entry<String, List<PlannedCustomer>> group : byTariff.entrySet()) {
            bills.addAll(week(plan, group.getValue(), tariffs.get(group.getKey()), consumption, from));
        }
        bills.sort(Comparator.comparing(DryRunBill::customerId));
        return bills;
    }

    /** One tariff's customers billed by one engine, tick by tick, as a gateway would. */
    private static List<DryRunBill> week(SitePlan plan, List<PlannedCustomer> customers, TariffSchedule schedule,
            Consumption consumption, Instant from) {
        Tariff flat = new Tariff(schedule.tariffId(), plan.currency(), 0, 0, 0);
        Set<LocalDate> holidays = Set.copyOf(plan.holidays());
        BillingEngine engine = new BillingEngine(flat, new Rater(schedule, plan.zone(), holidays::contains),
                LedgerStore.inMemory());
        Map<String, Long> energy = new HashMap<>();
        for (PlannedCustomer customer : customers) {
            engine.openAccount(customer.customerId(), meterOf(customer), customer.openingBalanceMinor(), from);
            energy.put(customer.customerId(), 0L);
        }
        int minutes = (int) Reading.INTERVAL.toMinutes();
        Instant to = from.plus(WEEK);
        for (Instant start = from; start.isBefore(to); start = start.plus(Reading.INTERVAL)) {
            List<Reading> readings = new ArrayList<>();
            for (PlannedCustomer customer : customers) {
                long wh = consumption.energyWh(customer, start, minutes);
                long register = energy.merge(customer.customerId(), wh, Long::sum);
                readings.add(new Reading(meterOf(customer), start, wh, register));
            }
            engine.tick(start.plus(Reading.INTERVAL), List.of(), readings);
        }
        List<DryRunBill> bills = new ArrayList<>();
        for (PlannedCustomer customer : customers) {
            long closing = engine.balance(customer.customerId());
            long charges = customer.openingBalanceMinor() - closing;
            long daysLeft = charges <= 0 ? -1 : Math.max(0, closing) * WEEK.toDays() / charges;
            bills.add(new DryRunBill(customer.customerId(), schedule.tariffId(), from, to,
                    energy.get(customer.customerId()), charges, customer.openingBalanceMinor(), closing, daysLeft));
        }
        return bills;
    }

    /** The meter a customer is billed on in the dry run: not a real meter, so that no customer needs one yet. */
    private static String meterOf(PlannedCustomer customer) {
        return "dry-run:" + customer.customerId();
    }
}

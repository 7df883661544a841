package io.gridside.billing.commission;

import io.gridside.site.commission.DryRunBill;
import io.gridside.site.commission.PlannedCustomer;
import io.gridside.site.commission.SitePlan;
import io.gridside.site.tariff.TariffSchedule;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
        throw new UnsupportedOperationException("not yet");
    }
}

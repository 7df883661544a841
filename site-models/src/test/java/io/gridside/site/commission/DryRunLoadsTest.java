package io.gridside.site.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridside.site.CustomerCategory;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The day a dry run assumes for each kind of customer, which its output states beside the kWh it bills. */
class DryRunLoadsTest {

    private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");
    /** Monday 1 June 2026, midnight in Nairobi. */
    private static final Instant MONDAY = Instant.parse("2026-05-31T21:00:00Z");

    @Test
    void statesTheWeekdayOfACustomerOfMiddleSize() {
        assertThat(DryRunLoads.typicalWeekdayWh(CustomerCategory.HOUSEHOLD)).isEqualTo(15 * 17 + 90 * 2 + 180 * 5);
        assertThat(DryRunLoads.typicalWeekdayWh(CustomerCategory.SHOP)).isEqualTo(220 * 13 + 30 * 11);
        assertThat(DryRunLoads.typicalWeekdayWh(CustomerCategory.MILL)).isEqualTo(2_500 * 9);
    }

    @Test
    void theStatedDayIsTheMeanOfTheCustomersTheDryRunDraws() {
        DryRunLoads loads = new DryRunLoads(7, NAIROBI);
        long total = 0;
        int customers = 400;
        for (int i = 0; i < customers; i++) {
            PlannedCustomer customer = new PlannedCustomer("C" + i, "Customer " + i, "", "",
                    CustomerCategory.HOUSEHOLD, "household", 0, null);
            for (int quarter = 0; quarter < 96; quarter++) {
                total += loads.energyWh(customer, MONDAY.plusSeconds(900L * quarter), 15);
            }
        }

        assertThat((double) total / customers).isCloseTo(DryRunLoads.typicalWeekdayWh(CustomerCategory.HOUSEHOLD),
                within(0.05 * DryRunLoads.typicalWeekdayWh(CustomerCategory.HOUSEHOLD)));
    }
}

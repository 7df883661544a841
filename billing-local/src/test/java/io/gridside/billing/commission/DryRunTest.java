package io.gridside.billing.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.site.CustomerCategory;
import io.gridside.site.Tariff;
import io.gridside.site.commission.DryRunBill;
import io.gridside.site.commission.DryRunLoads;
import io.gridside.site.commission.PlannedCustomer;
import io.gridside.site.commission.SitePlan;
import io.gridside.site.tariff.TariffSchedule;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The first week billed before go-live, each customer on their own tariff, with the gateway's engine. */
class DryRunTest {

    static final SitePlan PLAN = new SitePlan("ke-kisumu-07", "Kisumu Seven", "Lakeside Power", "KES",
            ZoneId.of("Africa/Nairobi"), List.of(), -0.1, 34.76);
    /** Local midnight of Monday 7 December 2026 in Nairobi. */
    static final Instant FROM = Instant.parse("2026-12-06T21:00:00Z");
    static final Map<String, TariffSchedule> TARIFFS = Map.of(
            "lifeline", TariffSchedule.flat(new Tariff("lifeline", "KES", 2_500, 1_000, 0)),
            "business", TariffSchedule.flat(new Tariff("business", "KES", 3_000, 0, 0)));

    @Test
    void billsEnergyAndStandingChargesOfTheWeekOnEachCustomersTariff() {
        List<PlannedCustomer> customers = List.of(customer("C002", "business", 0),
                customer("C001", "lifeline", 100_000));

        List<DryRunBill> bills = DryRun.firstWeek(PLAN, customers, TARIFFS, (customer, start, minutes) -> 10, FROM);

        // 672 quarter hours of 10 Wh: 6.72 kWh; at 25.00 a kWh and 10.00 a day that is 168.00 + 70.00.
        assertThat(bills).extracting(DryRunBill::customerId).containsExactly("C001", "C002");
        DryRunBill lifeline = bills.get(0);
        assertThat(lifeline.energyWh()).isEqualTo(6_720);
        assertThat(lifeline.chargesMinor()).isEqualTo(16_800 + 7_000);
        assertThat(lifeline.closingMinor()).isEqualTo(100_000 - 23_800);
        assertThat(lifeline.daysOfCreditLeft()).isEqualTo(76_200L * 7 / 23_800);
        assertThat(lifeline.to()).isEqualTo(FROM.plusSeconds(7 * 86_400));
    }

    @Test
    void showsWhoseCreditRunsOutWithinTheWeek() {
        List<DryRunBill> bills = DryRun.firstWeek(PLAN, List.of(customer("C003", "business", 1_000)), TARIFFS,
                (customer, start, minutes) -> 50, FROM);

        assertThat(bills.get(0).closingMinor()).isNotPositive();
        assertThat(bills.get(0).daysOfCreditLeft()).isZero();
    }

    @Test
    void givesTheSameWeekForTheSameSeedOfSimulatedLoads() {
        List<PlannedCustomer> customers = List.of(customer("C001", "lifeline", 50_000),
                new PlannedCustomer("C002", "Mill", "", "", CustomerCategory.MILL, "business", 500_000, null));

        List<DryRunBill> once = DryRun.firstWeek(PLAN, customers, TARIFFS, new DryRunLoads(7, PLAN.zone())::energyWh,
                FROM);
        List<DryRunBill> again = DryRun.firstWeek(PLAN, customers, TARIFFS,
                new DryRunLoads(7, PLAN.zone())::energyWh, FROM);

        assertThat(once).isEqualTo(again);
        assertThat(once.get(1).energyWh()).isGreaterThan(once.get(0).energyWh() * 5);
    }

    @Test
    void refusesACustomerOnATariffTheSiteDoesNotHave() {
        assertThatThrownBy(() -> DryRun.firstWeek(PLAN, List.of(customer("C009", "premium", 0)), TARIFFS,
                (customer, start, minutes) -> 0, FROM)).hasMessageContaining("C009").hasMessageContaining("premium");
    }

    static PlannedCustomer customer(String id, String tariff, long opening) {
        return new PlannedCustomer(id, "Customer " + id, "", "", CustomerCategory.HOUSEHOLD, tariff, opening, null);
    }
}

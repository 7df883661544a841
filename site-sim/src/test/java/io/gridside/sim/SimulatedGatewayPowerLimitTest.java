package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.billing.config.BillingConfig;
import io.gridside.billing.config.BillingConfigDocument;
import io.gridside.site.Customer;
import io.gridside.site.CustomerCategory;
import io.gridside.site.EventKind;
import io.gridside.site.Meter;
import io.gridside.site.SiteEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A realistic site's gateway limits its lifeline households' power, and no one else's. */
class SimulatedGatewayPowerLimitTest {

    private static final Instant NOW = Instant.parse("2026-06-03T21:07:00Z");
    /** A limit that the evening's television and lights with a fridge pass: the realistic 250 W nobody does. */
    private static final int LOW_LIMIT_WATTS = 150;

    @Test
    void onlyLifelineHouseholdsTripAndTheirTripsAreLogged() {
        SimulatedGateway gateway = new SimulatedGateway(new SiteSpec(40, 13, 3, NOW)
                .withBilling(SimBilling.realisticLimitedTo(LOW_LIMIT_WATTS)), SimClock.manual(NOW));
        BillingConfig config = BillingConfigDocument.decode(gateway.billingConfig());
        Map<String, Customer> customerOfMeter = customersByMeter(gateway);

        List<SiteEvent> trips = gateway.events(Instant.EPOCH, NOW).stream()
                .filter(e -> e.kind() == EventKind.POWER_LIMIT_TRIPPED).toList();

        assertThat(trips).isNotEmpty();
        Set<String> tripped = trips.stream().map(SiteEvent::source).collect(Collectors.toSet());
        assertThat(tripped).allSatisfy(meterId -> {
            Customer customer = customerOfMeter.get(meterId);
            assertThat(customer.category()).isEqualTo(CustomerCategory.HOUSEHOLD);
            assertThat(config.terms().neverDisconnect()).doesNotContain(customer.customerId());
        });
        assertThat(trips).allSatisfy(trip -> assertThat(Long.parseLong(trip.detail("demandW")))
                .isGreaterThan(Long.parseLong(trip.detail("limitW"))));
        assertThat(gateway.events(Instant.EPOCH, NOW)).anyMatch(e -> e.kind() == EventKind.POWER_LIMIT_RECLOSED);
    }

    @Test
    void theRealisticSitesHouseholdsStayUnderItsLimitAndNeverTrip() {
        SimulatedGateway gateway = new SimulatedGateway(new SiteSpec(40, 13, 3, NOW)
                .withBilling(SimBilling.REALISTIC), SimClock.manual(NOW));

        assertThat(gateway.events(Instant.EPOCH, NOW)).noneMatch(e -> e.kind() == EventKind.POWER_LIMIT_TRIPPED);
    }

    @Test
    void aFlatSiteHasNoLimitAndNoTrips() {
        SimulatedGateway gateway = new SimulatedGateway(new SiteSpec(40, 13, 3, NOW), SimClock.manual(NOW));

        assertThat(gateway.events(Instant.EPOCH, NOW)).noneMatch(e -> e.kind() == EventKind.POWER_LIMIT_TRIPPED);
        assertThat(gateway.limiter.limitWatts(0)).isZero();
    }

    private static Map<String, Customer> customersByMeter(SimulatedGateway gateway) {
        Map<String, Customer> customers = gateway.layout().customers().stream()
                .collect(Collectors.toMap(Customer::customerId, Function.identity()));
        return gateway.layout().meters().stream()
                .collect(Collectors.toMap(Meter::meterId, m -> customers.get(m.customerId())));
    }
}

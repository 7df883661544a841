package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.billing.config.BillingConfig;
import io.gridside.link.client.GatewayClient;
import io.gridside.sim.SimBilling;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.site.Customer;
import io.gridside.site.CustomerCategory;
import io.gridside.site.EventKind;
import io.gridside.site.Meter;
import io.gridside.site.SiteEvent;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A realistic simulated site whose lifeline households' meters trip on their power limit is pulled over TCP: the
 * trips arrive with the events, the console works out the same limits the gateway enforces, and the audit still
 * agrees with the gateway's ledger entry for entry, since billing bills what the registers show.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PowerLimitPullTest {

    private static final Instant NOW = Instant.parse("2026-06-03T21:07:00Z");
    private static final Instant FROM = Instant.parse("2026-05-31T21:00:00Z");
    /** A limit the evening's television and lights with a fridge pass; no household passes the realistic one. */
    private static final int LIMIT_WATTS = 150;

    @TempDir
    Path dir;

    private PulledSite fixture;
    private SimulatedSite site;
    private GatewayClient client;
    private SiteStore store;

    @BeforeEach
    void connect() throws IOException {
        fixture = PulledSite.connect(SimulatedSite.start(new SiteSpec(40, 8, 3, NOW)
                .withBilling(SimBilling.realisticLimitedTo(LIMIT_WATTS)), SimClock.manual(NOW)), NOW,
                dir.resolve("site.db"));
        site = fixture.site();
        client = fixture.client();
        store = fixture.store();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theTripsArriveWithTheEventsAndTheAuditStillAgrees() throws IOException {
        fixture.pull(FROM, NOW);

        BillingReport report = BillingAudit.run(store);
        Map<String, Integer> pulled = PowerLimits.tripsByMeter(store.events(Instant.EPOCH, Instant.MAX));
        Map<String, Integer> logged = PowerLimits.tripsByMeter(site.gateway().events(Instant.EPOCH, NOW));

        assertThat(pulled).isNotEmpty().isEqualTo(logged);
        assertThat(report.reconciliation().agrees()).isTrue();
        assertThat(report.reconciliation().compared()).isEqualTo(store.ledger().size());
    }

    @Test
    void theConsoleGivesTheLimitToTheUnprotectedHouseholdsAlone() throws IOException {
        fixture.pull(FROM, NOW);
        BillingConfig config = BillingAudit.billingConfig(store, store.tariff().orElseThrow());
        Map<String, Customer> customers = store.customers().stream()
                .collect(Collectors.toMap(Customer::customerId, Function.identity()));

        Map<String, Integer> limits = PowerLimits.of(store);

        assertThat(limits).isNotEmpty().allSatisfy((meter, watts) -> assertThat(watts).isEqualTo(LIMIT_WATTS));
        for (Meter meter : store.meters()) {
            Customer customer = customers.get(meter.customerId());
            boolean lifeline = customer.category() == CustomerCategory.HOUSEHOLD
                    && !config.terms().neverDisconnect().contains(customer.customerId());
            assertThat(limits.containsKey(meter.meterId())).as(meter.meterId()).isEqualTo(lifeline);
        }
        List<SiteEvent> trips = store.events(Instant.EPOCH, Instant.MAX).stream()
                .filter(e -> e.kind() == EventKind.POWER_LIMIT_TRIPPED).toList();
        assertThat(trips).allSatisfy(trip -> assertThat(limits).containsKey(trip.source()));
    }
}

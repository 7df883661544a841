package io.gridside.console.service;

import io.gridside.billing.config.BillingConfig;
import io.gridside.billing.config.BillingConfigDocument;
import io.gridside.site.Customer;
import io.gridside.site.EventKind;
import io.gridside.site.Meter;
import io.gridside.site.SiteEvent;
import io.gridside.site.SiteInfo;
import io.gridside.site.store.SiteStore;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The lifeline power limits of a pulled site's meters, and how often their load limiters tripped, from what was
 * pulled: the limit comes from the billing configuration the gateway serves and the roster's customers, by the
 * same rule the gateway applies ({@link BillingConfig#powerLimitWatts}); the trips from the pulled event log.
 */
public final class PowerLimits {

    private PowerLimits() {
    }

    /**
     * Each meter's power limit in watts at the gateway's clock of the last pull, for the meters that have one; empty
     * when the site database holds no billing configuration (a gateway that bills flat limits no one).
     */
    public static Map<String, Integer> of(SiteStore store) {
        Optional<SiteInfo> site = store.site();
        Optional<Instant> clock = store.pulledGatewayClock();
        Optional<BillingConfig> config = store.billingConfig().map(BillingConfigDocument::decode);
        if (site.isEmpty() || clock.isEmpty() || config.isEmpty()) {
            return Map.of();
        }
        LocalDateTime local = LocalDateTime.ofInstant(clock.get(), site.get().zone());
        Map<String, Customer> customers = new HashMap<>();
        store.customers().forEach(c -> customers.put(c.customerId(), c));
        Map<String, Integer> limits = new TreeMap<>();
        for (Meter meter : store.meters()) {
            Customer customer = customers.get(meter.customerId());
            Integer limit = customer == null ? null : config.get().powerLimitWatts(customer, local);
            if (limit != null) {
                limits.put(meter.meterId(), limit);
            }
        }
        return limits;
    }

    /** How often each meter's load limiter tripped among {@code events}; meters that never tripped are left out. */
    public static Map<String, Integer> tripsByMeter(List<SiteEvent> events) {
        Map<String, Integer> trips = new TreeMap<>();
        for (SiteEvent event : events) {
            if (event.kind() == EventKind.POWER_LIMIT_TRIPPED) {
                trips.merge(event.source(), 1, Integer::sum);
            }
        }
        return trips;
    }

    /** The trips of {@code meterIds} together, from {@link #tripsByMeter}. */
    public static int tripsOf(Map<String, Integer> tripsByMeter, Collection<String> meterIds) {
        return meterIds.stream().mapToInt(id -> tripsByMeter.getOrDefault(id, 0)).sum();
    }
}

package io.gridside.console.service;

import io.gridside.billing.AccountHistory;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.site.SiteEvent;
import io.gridside.site.store.SiteStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The meter exchanges and moves a gateway logged, as reconciliation follows them: what the site store holds after
 * a pull, and from the gateway only what happened since the latest event the store holds.
 */
final class SiteChangeEvents {

    /** How near the first opening the store's first event must be for the store to hold the site's whole log. */
    private static final Duration FIRST_DAY = Duration.ofDays(1);

    private SiteChangeEvents() {
    }

    /**
     * The exchanges and moves from the first opening on, in the order the gateway logged them. A store that holds
     * no event of the site's first day, such as an empty one, holds too little to trust, and the gateway's whole
     * log is read instead; the store is not written.
     */
    static List<SiteEvent> of(GatewayClient client, SiteStore store, Instant firstOpening, CancelSignal cancel)
            throws LinkException {
        Map<Long, SiteEvent> byId = new TreeMap<>();
        Instant from = Instant.EPOCH;
        if (firstOpening != null && !store.events(Instant.EPOCH, firstOpening.plus(FIRST_DAY)).isEmpty()) {
            store.events(Instant.EPOCH, Instant.MAX).stream().filter(SiteChangeEvents::isChange)
                    .forEach(e -> byId.put(e.id(), e));
            from = store.latestEventAt().orElse(Instant.EPOCH);
        }
        if (client.hello().capabilities().contains("events")) {
            List<SiteEvent> fresh = new ArrayList<>();
            Instant to = client.lastGatewayClock().plusSeconds(1);
            client.events(from, to, (batch, received, total) -> batch.stream().filter(SiteChangeEvents::isChange)
                    .forEach(fresh::add), cancel);
            fresh.forEach(e -> byId.put(e.id(), e));
        }
        return byId.values().stream().sorted(Comparator.comparingLong(SiteEvent::id)).toList();
    }

    private static boolean isChange(SiteEvent event) {
        return AccountHistory.SITE_CHANGES.contains(event.kind());
    }
}

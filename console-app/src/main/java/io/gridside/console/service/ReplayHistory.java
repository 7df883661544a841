package io.gridside.console.service;

import io.gridside.site.Customer;
import io.gridside.site.Meter;
import io.gridside.site.SiteEvent;
import io.gridside.site.SiteInfo;
import io.gridside.site.TopologySnapshot;
import io.gridside.site.store.SiteStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the Replay screen reads of the site database: the events of a window, the site's meters, customers and
 * feeders, and each meter's parent in the mesh as a window begins. Reads only; every call queries the database, so
 * call off the JavaFX thread.
 */
public final class ReplayHistory {

    private final SiteStore store;

    public ReplayHistory(SiteStore store) {
        this.store = store;
    }

    /** When the latest event held happened; empty when the database holds no events. */
    public Optional<Instant> lastEventAt() {
        return store.latestEventAt();
    }

    /** The events held in [from, to), in the gateway's order. */
    public List<SiteEvent> events(Instant from, Instant to) {
        return store.events(from, to);
    }

    /** The site's name, currency and time zone, once pulled. */
    public Optional<SiteInfo> site() {
        return store.site();
    }

    /** The gateway the stored data came from, once anything was pulled. */
    public Optional<String> gatewayId() {
        return store.gatewayId();
    }

    public List<Meter> meters() {
        return store.meters();
    }

    public List<Customer> customers() {
        return store.customers();
    }

    /** Each meter's feeder, by meter id; empty when the site's meters are not mapped to feeders. */
    public Map<String, String> feeders() {
        return store.feeders();
    }

    /**
     * Each meter's parent at {@code at}: from the mesh history's routes at that instant, else the mesh snapshot held
     * nearest it, and, for a meter that mesh does not have, the parent the roster last named.
     */
    public Map<String, String> parentsAt(Instant at) {
        Map<String, String> parents = new HashMap<>();
        for (Meter meter : store.meters()) {
            if (!meter.parentId().isBlank()) {
                parents.put(meter.meterId(), meter.parentId());
            }
        }
        Optional<TopologySnapshot> mesh = store.meshAt(at).or(() -> store.topologyNearest(at));
        mesh.ifPresent(snapshot -> snapshot.nodes().stream()
                .filter(node -> node.parentId() != null && !node.parentId().isBlank())
                .forEach(node -> parents.put(node.id(), node.parentId())));
        return parents;
    }

    /** The outages of [from, to) with their indices and the readings they cost: what an incident report reads. */
    public OutageReview review(Instant from, Instant to) {
        return OutageReview.load(store, from, to);
    }
}

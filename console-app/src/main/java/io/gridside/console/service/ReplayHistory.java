package io.gridside.console.service;

import io.gridside.site.Customer;
import io.gridside.site.Meter;
import io.gridside.site.SiteInfo;
import io.gridside.site.outage.Diagnosis;
import io.gridside.site.outage.DiagnosisInput;
import io.gridside.site.store.SiteStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the Replay screen reads of the site database: when its latest event happened, the site's meters, customers
 * and feeders, a window's outage review and its replay. Reads only; every call queries the database, so call off
 * the JavaFX thread.
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

    /** The site's name, currency and time zone, once pulled. */
    public Optional<SiteInfo> site() {
        return store.site();
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
     * The outages of [from, to) diagnosed by {@code diagnoser}, with their indices and the readings they cost: what
     * the outage list and an incident report read.
     */
    public OutageReview review(Instant from, Instant to, Function<DiagnosisInput, Diagnosis> diagnoser) {
        return OutageReview.load(store, from, to, diagnoser);
    }

    /** The replay of [from, to) with a day's lead-in, for a window whose outages cannot be reviewed. */
    public StoredReplay replay(Instant from, Instant to) {
        return StoredReplay.load(store, from, to);
    }
}

package io.gridside.console.service;

import io.gridside.site.InvalidValueException;
import io.gridside.site.Meter;
import io.gridside.site.SiteEvent;
import io.gridside.site.SiteInfo;
import io.gridside.site.TopologySnapshot;
import io.gridside.site.replay.Replay;
import io.gridside.site.store.SiteStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A window of a site's history loaded from its database as a {@link Replay}, for the Replay screen and the outage
 * report: the events of the window and of a day's lead-in before it, the roster's meters, each meter's parent as
 * the lead-in begins, the gateway, and the site's time zone for what a technician reads. It reads the database
 * once, when loaded; load off the JavaFX thread.
 *
 * <p>The lead-in lets the replay learn what stood before the window: a meter that lost power, a relay held open or
 * a backhaul down in the day before shows so at the window's start. What began earlier than the lead-in is not
 * known, and the replay takes it as normal.
 *
 * @param from the window's start, included
 * @param to the window's end, excluded
 * @param loadedFrom where the events loaded begin: {@code from} less the lead-in
 * @param parentsAt the moment of the mesh the parents at the start came from; empty when the database held no mesh
 *     at or before the window's start. A meter that mesh lacks starts under the parent the roster names, if any
 * @param zone the site's time zone; UTC when the database does not say
 */
public record StoredReplay(Instant from, Instant to, Instant loadedFrom, Optional<Instant> parentsAt, ZoneId zone,
        Replay replay) {

    /** How much history before a window is loaded with it. */
    public static final Duration LEAD_IN = Duration.ofDays(1);

    public StoredReplay {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(loadedFrom, "loadedFrom");
        Objects.requireNonNull(parentsAt, "parentsAt");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(replay, "replay");
    }

    /**
     * Loads [{@code from}, {@code to}) of the site in {@code store}, with a day's lead-in before it.
     *
     * @throws IllegalArgumentException when {@code to} is not after {@code from}
     */
    public static StoredReplay load(SiteStore store, Instant from, Instant to) {
        return load(store, from, to, Replay.DEFAULT_CHECKPOINT_EVERY);
    }

    /** As {@link #load(SiteStore, Instant, Instant)}, with a checkpoint every {@code checkpointEvery} events. */
    public static StoredReplay load(SiteStore store, Instant from, Instant to, int checkpointEvery) {
        if (!to.isAfter(from)) {
            throw new InvalidValueException("window.order", "The window's end (" + to + ") must be after its start ("
                    + from + ").", from, to);
        }
        Instant loadedFrom = from.minus(LEAD_IN);
        List<Meter> meters = store.meters();
        List<String> meterIds = meters.stream().map(Meter::meterId).toList();
        Optional<TopologySnapshot> mesh = meshAtOrBefore(store, loadedFrom).or(() -> meshAtOrBefore(store, from));
        String gatewayId = store.gatewayId().or(() -> mesh.map(TopologySnapshot::gatewayId)).orElse(null);
        List<SiteEvent> events = store.events(loadedFrom, to);
        Replay replay = Replay.of(meterIds, parents(meters, mesh), gatewayId, events, checkpointEvery);
        ZoneId zone = store.site().map(SiteInfo::zone).orElse(ZoneOffset.UTC);
        return new StoredReplay(from, to, loadedFrom, mesh.map(TopologySnapshot::at), zone, replay);
    }

    /**
     * The mesh at or before {@code at}: the later of the day's mesh history at that moment and the latest snapshot
     * taken at or before it.
     */
    static Optional<TopologySnapshot> meshAtOrBefore(SiteStore store, Instant at) {
        Optional<TopologySnapshot> fromHistory = store.meshAt(at).filter(mesh -> !mesh.at().isAfter(at));
        Optional<TopologySnapshot> snapshot = store.topologyTimes().stream().filter(time -> !time.isAfter(at))
                .max(Comparator.naturalOrder()).flatMap(store::topologyNearest);
        if (fromHistory.isPresent() && snapshot.isPresent()) {
            return fromHistory.get().at().isAfter(snapshot.get().at()) ? fromHistory : snapshot;
        }
        return fromHistory.or(() -> snapshot);
    }

    /** Each meter's parent in the mesh, or the roster's for a meter the mesh lacks or has no route in. */
    private static Map<String, String> parents(List<Meter> meters, Optional<TopologySnapshot> mesh) {
        Map<String, String> parents = new HashMap<>();
        for (Meter meter : meters) {
            if (meter.parentId() != null && !meter.parentId().isBlank()) {
                parents.put(meter.meterId(), meter.parentId());
            }
        }
        mesh.ifPresent(snapshot -> snapshot.nodes().stream()
                .filter(node -> node.parentId() != null && !node.parentId().isBlank())
                .forEach(node -> parents.put(node.id(), node.parentId())));
        return parents;
    }
}

package io.gridside.console.service;

import io.gridside.site.Meter;
import io.gridside.site.TopologySnapshot;
import io.gridside.site.history.DayDigest;
import io.gridside.site.history.MeshDay;
import io.gridside.site.mesh.MeshGraph;
import io.gridside.site.store.SiteStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mesh as the site database holds it, at any moment of what was pulled: the snapshots the pulls stored and the
 * mesh history by day. What the mesh view shows and where its technician put the radios.
 *
 * <p>The mesh at a moment is the latest of two sources that does not come after it: the nearest earlier snapshot
 * (every neighbour-table entry) or the day's history (each radio's route and the links in use, quarter hour by
 * quarter hour). What a few earlier snapshots of the week before (an hour apart at least), and the day's first
 * full mesh, knew and that source does not is added as stale, so a link the history does not follow still shows
 * where it was, marked as old.
 */
public final class MeshHistory {

    /** How far back before a moment earlier snapshots are looked at for stale links and radios. */
    static final Duration LOOK_BACK = Duration.ofDays(7);
    /**
     * At most this many earlier snapshots are read for one moment, the latest first: each costs about a third of a
     * second at 10,000 meters, and the past they add is only what shows stale.
     */
    static final int EARLIER_SNAPSHOTS = 6;
    /** Earlier snapshots read are at least this far apart, so that a visit's many pulls do not crowd out the week. */
    static final Duration SPACING = Duration.ofHours(1);

    private final SiteStore store;

    public MeshHistory(SiteStore store) {
        this.store = store;
    }

    /**
     * The span of time the database holds a mesh of: from its earliest snapshot or day of history to its latest;
     * empty when it holds none.
     */
    public Optional<Span> span() {
        List<Instant> times = store.topologyTimes();
        Instant first = times.isEmpty() ? null : times.get(0);
        Instant last = times.isEmpty() ? null : times.get(times.size() - 1);
        List<LocalDate> days = historyDays();
        Optional<LocalDate> firstDay = days.stream().findFirst();
        if (firstDay.isPresent()) {
            Optional<MeshDay> day = store.meshDay(firstDay.get());
            if (day.isPresent() && (first == null || day.get().start().at().isBefore(first))) {
                first = day.get().start().at();
            }
        }
        Optional<LocalDate> lastDay = days.stream().reduce((a, b) -> b);
        if (lastDay.isPresent()) {
            Optional<MeshDay> day = store.meshDay(lastDay.get());
            if (day.isPresent() && (last == null || day.get().lastAt().isAfter(last))) {
                last = day.get().lastAt();
            }
        }
        return first == null ? Optional.empty() : Optional.of(new Span(first, last));
    }

    /** When the database's mesh begins and ends. */
    public record Span(Instant first, Instant last) {
    }

    /** The latest mesh held, with what the week before it knew added as stale; empty when none is held. */
    public Optional<MeshGraph> latest() {
        return span().flatMap(span -> at(span.last()));
    }

    /**
     * The mesh as it stood at {@code at}, from what the database holds at or before then, and nothing from after;
     * empty when it holds nothing that early.
     */
    public Optional<MeshGraph> at(Instant at) {
        return moment(at).map(Moment::graph);
    }

    /**
     * The mesh at {@code at} as {@link #at} gives it, with when the neighbour tables it carries were last seen
     * whole: at the mesh's own moment for a snapshot, earlier for a mesh rebuilt from the history by day.
     */
    public Optional<Moment> moment(Instant at) {
        Optional<TopologySnapshot> snapshot = snapshotAtOrBefore(at);
        Optional<MeshDay> day = store.meshDayAt(at).filter(d -> !d.start().at().isAfter(at));
        Optional<TopologySnapshot> fromHistory = day.map(d -> d.meshAt(at));
        if (fromHistory.isPresent()
                && (snapshot.isEmpty() || fromHistory.get().at().isAfter(snapshot.get().at()))) {
            // The history by day carries no firmware or traffic: the latest snapshot before tells them (its hour's
            // traffic, not the quarter hour's); with none before, they stay unknown rather than come from after.
            TopologySnapshot routes = snapshot.map(fromHistory.get()::withRadioFactsOf).orElse(fromHistory.get());
            TopologySnapshot start = day.get().start();
            TopologySnapshot tables = snapshot.filter(taken -> taken.at().isAfter(start.at())).orElse(start);
            List<TopologySnapshot> earlier = earlierSnapshots(routes.at());
            earlier.add(start);
            return Optional.of(new Moment(MeshGraph.ofRoutes(routes, tables, earlier), tables.at()));
        }
        if (snapshot.isEmpty()) {
            return Optional.empty();
        }
        TopologySnapshot now = snapshot.get();
        List<TopologySnapshot> earlier = earlierSnapshots(now.at());
        day.map(MeshDay::start).filter(start -> start.at().isBefore(now.at())).ifPresent(earlier::add);
        return Optional.of(new Moment(MeshGraph.of(now, earlier), now.at()));
    }

    /**
     * A mesh at a moment and when its neighbour tables were last seen whole.
     *
     * @param tablesAt the moment of the snapshot whose neighbour-table entries the graph carries; before the
     *     graph's own moment when routes came from the history by day and the other entries from that snapshot
     */
    public record Moment(MeshGraph graph, Instant tablesAt) {

        /** Whether the graph's neighbour-table entries other than routes are older than the graph. */
        public boolean tablesCarried() {
            return tablesAt.isBefore(graph.at());
        }
    }

    /**
     * The days of mesh history held from {@code from} to {@code to}, both included, in day order: a meter's parent
     * history and signal over time come from them.
     */
    public List<MeshDay> days(LocalDate from, LocalDate to) {
        List<MeshDay> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            store.meshDay(day).ifPresent(days::add);
        }
        return days;
    }

    /**
     * Each customer's average daily charge in minor units over the last full site days of the ledger before
     * {@code until} (see {@link DailyRevenue}); empty when the ledger holds no full day.
     */
    public Map<String, Long> dailyRevenue(Instant until) {
        if (store.site().isEmpty()) {
            return Map.of();
        }
        // Known shortcoming: this reads the whole stored ledger at every moment the mesh view loads; fine for a
        // month of a few hundred meters, worth a per-day cache for the largest sites.
        return DailyRevenue.of(store, until).map(DailyRevenue::averageMinorOfCustomer).orElse(Map.of());
    }

    /** The meters of the roster, with their serial numbers and customers. */
    public List<Meter> meters() {
        return store.meters();
    }

    /** The radio positions the technician chose in {@code layout}, by radio id, as {x, y} in world units. */
    public Map<String, float[]> positions(String layout) {
        return store.meshPositions(layout);
    }

    /** Keeps where the technician put a radio in {@code layout}. */
    public void savePosition(String layout, String radioId, float x, float y) {
        store.saveMeshPosition(layout, radioId, x, y);
    }

    /** Forgets the positions chosen in {@code layout}; returns how many there were. */
    public int clearPositions(String layout) {
        return store.clearMeshPositions(layout);
    }

    private Optional<TopologySnapshot> snapshotAtOrBefore(Instant at) {
        return store.topologyTimes().stream().filter(time -> !time.isAfter(at)).max(Comparator.naturalOrder())
                .flatMap(store::topologyNearest);
    }

    private List<TopologySnapshot> earlierSnapshots(Instant before) {
        Instant horizon = before.minus(LOOK_BACK);
        List<Instant> times = new ArrayList<>(store.topologyTimes().stream()
                .filter(time -> time.isBefore(before) && !time.isBefore(horizon)).toList());
        times.sort(Comparator.reverseOrder());
        List<TopologySnapshot> earlier = new ArrayList<>();
        Instant last = before;
        for (Instant time : times) {
            if (earlier.size() == EARLIER_SNAPSHOTS) {
                break;
            }
            if (earlier.isEmpty() || !time.isAfter(last.minus(SPACING))) {
                store.topologyNearest(time).ifPresent(earlier::add);
                last = time;
            }
        }
        return earlier;
    }

    private List<LocalDate> historyDays() {
        return store.dayDigests(LocalDate.of(2000, 1, 1), LocalDate.of(2999, 12, 31)).stream()
                .filter(digest -> digest.meshSteps() > 0 || digest.meshBytes() > 0).map(DayDigest::day).toList();
    }
}

package io.gridside.console.cli;

import io.gridside.site.Reading;
import io.gridside.site.SiteInfo;
import io.gridside.site.TopologySnapshot;
import io.gridside.site.history.DayDigest;
import io.gridside.site.history.MeshDay;
import io.gridside.site.mesh.MeshGraph;
import io.gridside.site.store.SiteStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The mesh a site database holds at one moment, for the {@code mesh} commands: the latest of the snapshots the
 * pulls stored and the day's mesh history that does not come after the moment, with what the snapshots of the week
 * before knew and it does not added as stale.
 *
 * <p>Known shortcoming: the mesh screen picks its moment by the same rule in its own service; the two should become
 * one once both are on the main line, so that the command line and the screen cannot disagree.
 */
final class StoredMesh {

    /** The code of a site database that holds no mesh of the moment asked. */
    static final String NO_MESH = "NO_MESH";
    /** How far back before the moment earlier snapshots are read for stale links and radios. */
    private static final Duration LOOK_BACK = Duration.ofDays(7);
    /** At most this many earlier snapshots are read, the latest first. */
    private static final int EARLIER_SNAPSHOTS = 12;

    private StoredMesh() {
    }

    /**
     * The mesh at {@code at} (the site's local time, as {@code --at} takes it), or the latest held when it is null.
     *
     * @throws RefusedException when the database holds no mesh that early, or none at all
     */
    static MeshGraph load(SiteStore store, Path file, SiteInfo site, String at) {
        return load(store, file, site, at, null);
    }

    /**
     * The mesh as {@link #load(SiteStore, Path, SiteInfo, String)} finds it, saying on {@code err} when the moment
     * asked lies past the latest mesh held, so that an old mesh is not taken for the mesh of that moment.
     */
    static MeshGraph load(SiteStore store, Path file, SiteInfo site, String at, PrintWriter err) {
        ZoneId zone = site.zone();
        Optional<Instant> latest = latest(store);
        if (latest.isEmpty()) {
            throw new RefusedException("The site database " + file + " holds no mesh; pull the site first with: "
                    + "gridside connect ... audit --site " + file + ".", NO_MESH);
        }
        Instant when = at == null ? latest.get() : SiteTimes.parse("--at", at, zone, true, false);
        Optional<TopologySnapshot> now = meshAt(store, when);
        if (now.isEmpty()) {
            throw new RefusedException("The site database " + file + " holds no mesh as early as "
                    + local(when, zone) + "; its mesh begins at " + local(earliest(store).orElseThrow(), zone) + ".",
                    NO_MESH);
        }
        if (err != null && when.isAfter(latest.get().plus(Reading.INTERVAL))) {
            err.println("gridside: The mesh held ends at " + local(latest.get(), zone) + "; this is the mesh as it "
                    + "stood then.");
        }
        return MeshGraph.of(now.get(), earlier(store, now.get()));
    }

    /** The local time as the technician typed it, without seconds' noise. */
    static String local(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDateTime().toString().replace('T', ' ');
    }

    private static Optional<TopologySnapshot> meshAt(SiteStore store, Instant when) {
        Optional<TopologySnapshot> snapshot = store.topologyTimes().stream().filter(time -> !time.isAfter(when))
                .max(Comparator.naturalOrder()).flatMap(store::topologyNearest);
        Optional<TopologySnapshot> history = store.meshDayAt(when).filter(day -> !day.start().at().isAfter(when))
                .map(day -> day.meshAt(when));
        if (history.isPresent() && (snapshot.isEmpty() || history.get().at().isAfter(snapshot.get().at()))) {
            return history;
        }
        return snapshot;
    }

    private static List<TopologySnapshot> earlier(SiteStore store, TopologySnapshot now) {
        Instant horizon = now.at().minus(LOOK_BACK);
        List<Instant> times = new ArrayList<>(store.topologyTimes().stream()
                .filter(time -> time.isBefore(now.at()) && !time.isBefore(horizon)).toList());
        times.sort(Comparator.reverseOrder());
        List<TopologySnapshot> earlier = new ArrayList<>();
        for (Instant time : times.subList(0, Math.min(EARLIER_SNAPSHOTS, times.size()))) {
            store.topologyNearest(time).ifPresent(earlier::add);
        }
        store.meshDayAt(now.at()).map(MeshDay::start).filter(start -> start.at().isBefore(now.at()))
                .ifPresent(earlier::add);
        return earlier;
    }

    private static Optional<Instant> latest(SiteStore store) {
        Optional<Instant> snapshot = store.topologyTimes().stream().max(Comparator.naturalOrder());
        Optional<Instant> history = historyDays(store).reduce((a, b) -> b).flatMap(store::meshDay)
                .map(MeshDay::lastAt);
        return later(snapshot, history);
    }

    private static Optional<Instant> earliest(SiteStore store) {
        Optional<Instant> snapshot = store.topologyTimes().stream().min(Comparator.naturalOrder());
        Optional<Instant> history = historyDays(store).findFirst().flatMap(store::meshDay)
                .map(day -> day.start().at());
        if (snapshot.isPresent() && history.isPresent()) {
            return Optional.of(snapshot.get().isBefore(history.get()) ? snapshot.get() : history.get());
        }
        return snapshot.or(() -> history);
    }

    private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
        if (a.isPresent() && b.isPresent()) {
            return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
        }
        return a.or(() -> b);
    }

    private static Stream<LocalDate> historyDays(SiteStore store) {
        return store.dayDigests(LocalDate.of(2000, 1, 1), LocalDate.of(2999, 12, 31)).stream()
                .filter(digest -> digest.meshSteps() > 0 || digest.meshBytes() > 0).map(DayDigest::day);
    }
}

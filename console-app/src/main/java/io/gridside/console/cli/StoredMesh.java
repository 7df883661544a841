package io.gridside.console.cli;

import io.gridside.console.service.MeshHistory;
import io.gridside.site.Reading;
import io.gridside.site.SiteInfo;
import io.gridside.site.mesh.MeshGraph;
import io.gridside.site.store.SiteStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The mesh a site database holds at one moment, for the {@code mesh} commands, found as the mesh screen finds it
 * ({@link MeshHistory}), so that the command line and the screen cannot disagree.
 */
final class StoredMesh {

    /** The code of a site database that holds no mesh of the moment asked. */
    static final String NO_MESH = "NO_MESH";

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
     * asked lies past the latest mesh held, so that an old mesh is not taken for the mesh of that moment, and when
     * the neighbour tables come from an earlier pull than the routes.
     */
    static MeshGraph load(SiteStore store, Path file, SiteInfo site, String at, PrintWriter err) {
        return moment(store, file, site, at, err).graph();
    }

    /**
     * The mesh as {@link #load(SiteStore, Path, SiteInfo, String, PrintWriter)} finds it, with when its neighbour
     * tables were last seen whole, which the answers' JSON carries.
     */
    static MeshHistory.Moment moment(SiteStore store, Path file, SiteInfo site, String at, PrintWriter err) {
        ZoneId zone = site.zone();
        MeshHistory history = new MeshHistory(store);
        Optional<MeshHistory.Span> span = history.span();
        if (span.isEmpty()) {
            throw new RefusedException("The site database " + file + " holds no mesh; pull the site first with: "
                    + "gridside connect ... audit --site " + file + ".", NO_MESH);
        }
        Instant when = at == null ? span.get().last() : SiteTimes.parse("--at", at, zone, true, false);
        Optional<MeshHistory.Moment> moment = history.moment(when);
        if (moment.isEmpty()) {
            throw new RefusedException("The site database " + file + " holds no mesh as early as "
                    + local(when, zone) + "; its mesh begins at " + local(span.get().first(), zone) + ".", NO_MESH);
        }
        if (err != null && when.isAfter(span.get().last().plus(Reading.INTERVAL))) {
            err.println("gridside: The mesh held ends at " + local(span.get().last(), zone) + "; this is the mesh as "
                    + "it stood then.");
        }
        if (err != null && moment.get().tablesCarried()) {
            err.println("gridside: Between pulls the history keeps only routes; the other neighbour-table entries "
                    + "are those last seen whole, at " + local(moment.get().tablesAt(), zone) + ".");
        }
        return moment.get();
    }

    /** The local time as the technician typed it, without seconds' noise. */
    static String local(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDateTime().toString().replace('T', ' ');
    }
}

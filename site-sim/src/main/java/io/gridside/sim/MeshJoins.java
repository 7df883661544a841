package io.gridside.sim;

import io.gridside.sim.rf.GeoPoint;
import io.gridside.sim.rf.LocalFrame;
import io.gridside.sim.rf.MeshNetwork;
import io.gridside.sim.rf.MeshTopology;
import io.gridside.site.CustomerCategory;
import io.gridside.site.Meter;
import io.gridside.site.commission.JoinedMeter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When each meter of a new site joins the mesh, as the technician installs them house by house, and how it hears
 * and is heard once it has. Meters join one after another, {@link #JOIN_GAP} apart give or take a little, in the
 * order of the site's layout: a 200-meter site is all joined in a little over an hour of simulated time.
 *
 * <p>KNOWN SHORTCOMING: the mesh's radio model runs every meter from the start, so a meter not yet joined may
 * already relay for one that has; the signals a joined meter reports are those of the whole site's mesh.
 */
final class MeshJoins {

    /** The time between two meters joining, on average: three a minute. */
    static final Duration JOIN_GAP = Duration.ofSeconds(20);
    /** The largest ETX reported: a link that delivers almost nothing. */
    private static final double WORST_ETX = 99;
    private static final long NOISE = 0x6A01_5EEDL;

    private final SiteLayout layout;
    private final MeterFirmware firmware;
    private final Instant[] joinedAt;
    private final Map<String, Integer> bySerial = new HashMap<>();
    private final MeshNetwork network;
    private final boolean hasMill;

    /** The joins of the meters of {@code layout}, the first soon after {@code start}, by the simulation's clock. */
    MeshJoins(SiteLayout layout, long seed, Instant start) {
        this.layout = layout;
        this.firmware = MeterFirmware.of(seed, layout.meters().size());
        this.joinedAt = new Instant[layout.meters().size()];
        for (int i = 0; i < joinedAt.length; i++) {
            long jitterSeconds = (long) Noise.between(0, JOIN_GAP.toSeconds() / 2.0, seed, NOISE, i, 1);
            joinedAt[i] = start.plus(JOIN_GAP.multipliedBy(i + 1)).plusSeconds(jitterSeconds);
            bySerial.put(layout.meters().get(i).serial(), i);
        }
        this.hasMill = layout.customers().stream().anyMatch(c -> c.category() == CustomerCategory.MILL);
        this.network = new MeshNetwork(layout.mesh());
        network.update(start);
    }

    /** The index in the layout of the meter of {@code serial}, or -1 when the site has no such meter. */
    int indexOf(String serial) {
        return bySerial.getOrDefault(serial, -1);
    }

    /** Whether the meter at {@code index} has joined by {@code now}, by the simulation's clock. */
    boolean joined(int index, Instant now) {
        return index >= 0 && !joinedAt[index].isAfter(now);
    }

    /**
     * The meters joined by {@code now} with a route to the gateway, in the order they joined, with their join
     * times moved by {@code clockOffset} onto the gateway's clock.
     *
     * @param since only those that joined at or after this time by the gateway's clock, or null for all
     * @param siteLocation where the site is, as its setup gave it: the meters are reported where they stand around
     *     it, each as far and in the same direction from the gateway as in the simulated village; null before a
     *     setup, when they are reported in the village as generated
     */
    synchronized List<JoinedMeter> joinedMeters(Instant now, Duration clockOffset, Instant since,
            GeoPoint siteLocation) {
        if (now.getEpochSecond() > network.updatedAt().getEpochSecond()) {
            network.update(now);
        }
        MeshTopology topology = network.topology();
        LocalFrame village = new LocalFrame(topology.nodes().get(topology.nodes().size() - 1).position());
        LocalFrame site = siteLocation == null ? village : new LocalFrame(siteLocation);
        Map<String, MeshTopology.Link> parentLinks = new HashMap<>();
        for (MeshTopology.Link link : topology.links()) {
            parentLinks.putIfAbsent(link.from() + ">" + link.to(), link);
        }
        List<JoinedMeter> joined = new ArrayList<>();
        for (int i = 0; i < joinedAt.length; i++) {
            Instant at = joinedAt[i].plus(clockOffset);
            MeshTopology.Node node = topology.nodes().get(i);
            if (!joined(i, now) || since != null && at.isBefore(since) || !node.routed()) {
                continue;
            }
            MeshTopology.Link link = parentLinks.get(node.id() + ">" + node.parentId());
            if (link != null) {
                GeoPoint position = node.position();
                joined.add(joinedMeter(i, node, link, at,
                        site.toGeo(village.east(position), village.north(position))));
            }
        }
        return joined;
    }

    /**
     * How many phases the meter at {@code index} has: the site's mills have three-phase meters, others one. A site
     * too small to have a mill still has one three-phase meter, its last, as an installer brings one for a mill or
     * a pump, so that every site can be commissioned with a mill.
     */
    int phases(int index) {
        boolean mill = layout.customers().get(index).category() == CustomerCategory.MILL;
        return mill || index == layout.customers().size() - 1 && !hasMill ? 3 : 1;
    }

    private JoinedMeter joinedMeter(int index, MeshTopology.Node node, MeshTopology.Link link, Instant at,
            GeoPoint position) {
        Meter meter = layout.meters().get(index);
        double etx = Double.isFinite(link.etx()) ? Math.min(WORST_ETX, Math.max(1, link.etx())) : WORST_ETX;
        return new JoinedMeter(meter.serial(), firmware.hardware(index), phases(index),
                firmware.version(index), position.latitude(), position.longitude(),
                SiteGenerator.rssiDbm(link.forwardRssiDbm()), SiteGenerator.rssiDbm(link.reverseRssiDbm()), etx,
                1 + node.alternates().size(), Math.max(1, node.hops()), at);
    }
}

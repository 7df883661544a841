package io.gridside.site.commission;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks each joined meter's links against the thresholds and suggests what to do about the ones that fall short:
 * a meter weak on its own probably has its antenna badly placed; several weak meters close together lack a node to
 * relay through, and a repeater near their centre helps them all; a meter that hears its parent well but has a
 * single route lacks only a second route, which any node within its reach gives.
 */
public final class LinkChecks {

    private static final double EARTH_RADIUS_METRES = 6_371_000;
    /** How many meters a repeater's suggestion names in its sentence; the record lists them all. */
    private static final int NAMED_IN_TEXT = 6;

    private LinkChecks() {
    }

    /** {@code meter}'s links against {@code thresholds}: signal both ways, ETX and the number of routes. */
    public static LinkCheck check(JoinedMeter meter, LinkThresholds thresholds) {
        List<LinkFinding> findings = findings(meter, thresholds);
        List<String> reasons = findings.stream().map(LinkChecks::reason).toList();
        boolean fails = findings.stream().anyMatch(LinkFinding::fails);
        LinkVerdict verdict = fails ? LinkVerdict.FAIL : !findings.isEmpty() ? LinkVerdict.ATTENTION : LinkVerdict.PASS;
        return new LinkCheck(meter.meterId(), verdict, reasons);
    }

    /**
     * The measures of {@code meter}'s links short of a pass against {@code thresholds}, those that fail first, each
     * group in the order signal up, signal down, ETX, routes; none when the meter passes.
     */
    public static List<LinkFinding> findings(JoinedMeter meter, LinkThresholds thresholds) {
        List<LinkFinding> found = new ArrayList<>();
        found.add(signal(LinkFinding.Measure.SIGNAL_UP, meter.upRssiDbm(), thresholds));
        found.add(signal(LinkFinding.Measure.SIGNAL_DOWN, meter.downRssiDbm(), thresholds));
        if (meter.etx() > thresholds.failEtx()) {
            found.add(new LinkFinding(LinkFinding.Measure.ETX, true, meter.etx(), thresholds.failEtx()));
        } else if (meter.etx() > thresholds.passEtx()) {
            found.add(new LinkFinding(LinkFinding.Measure.ETX, false, meter.etx(), thresholds.passEtx()));
        }
        if (meter.routes() < thresholds.failRoutes()) {
            found.add(new LinkFinding(LinkFinding.Measure.ROUTES, true, meter.routes(), thresholds.failRoutes()));
        } else if (meter.routes() < thresholds.passRoutes()) {
            found.add(new LinkFinding(LinkFinding.Measure.ROUTES, false, meter.routes(), thresholds.passRoutes()));
        }
        return found.stream().filter(Objects::nonNull)
                .sorted(Comparator.comparing((LinkFinding finding) -> !finding.fails())).toList();
    }

    /** A finding in English words, as the check's reasons and the command line give it. */
    static String reason(LinkFinding finding) {
        String limit = finding.fails() ? "fail" : "pass";
        return switch (finding.measure()) {
            case SIGNAL_UP, SIGNAL_DOWN -> format("the signal %s of %.1f dBm is below the %s limit of %.1f dBm",
                    finding.measure() == LinkFinding.Measure.SIGNAL_UP ? "up (the meter heard by its parent)"
                            : "down (the parent heard by the meter)", finding.value(), limit, finding.limit());
            case ETX -> format("ETX %.2f is above the %s limit of %.2f", finding.value(), limit, finding.limit())
                    + (finding.fails() ? ": most packets need resending" : "");
            case ROUTES -> routes((int) finding.value(), (int) finding.limit(), finding.fails());
        };
    }

    private static String routes(int routes, int limit, boolean fails) {
        if (fails) {
            return "it has " + routes + " routes to the gateway, fewer than the " + limit + " it needs";
        }
        return "it has " + routes + (routes == 1 ? " route" : " routes") + " to the gateway, fewer than the " + limit
                + " that keep it reachable when a parent fails";
    }

    /** Every meter checked, in serial order. */
    public static List<LinkCheck> checkAll(List<JoinedMeter> meters, LinkThresholds thresholds) {
        return meters.stream().sorted(Comparator.comparing(JoinedMeter::meterId))
                .map(meter -> check(meter, thresholds)).toList();
    }

    /**
     * The suggestions for the meters whose check did not pass. The meters weak in signal or ETX are grouped by
     * position, each group within {@link LinkThresholds#clusterMetres} of the meter that gathered it (see
     * {@link #clusters}); a group of one gets a suggestion to move its antenna, a larger one a repeater near its
     * centre. The meters short only of routes hear their parent well and need no repeater for their signal: they
     * are grouped the same way and told apart, as lacking a second route. Signal suggestions first, each kind
     * largest group first.
     */
    public static List<LinkSuggestion> suggest(List<JoinedMeter> meters, List<LinkCheck> checks,
            LinkThresholds thresholds) {
        Map<String, LinkCheck> byMeter = checks.stream()
                .collect(Collectors.toMap(LinkCheck::meterId, Function.identity(), (a, b) -> b));
        List<JoinedMeter> short1 = meters.stream()
                .filter(meter -> byMeter.containsKey(meter.meterId())
                        && byMeter.get(meter.meterId()).verdict() != LinkVerdict.PASS)
                .sorted(Comparator.comparing(JoinedMeter::meterId)).toList();
        Map<Boolean, List<JoinedMeter>> byRoutesOnly = short1.stream()
                .collect(Collectors.partitioningBy(meter -> shortOnlyOfRoutes(meter, thresholds)));
        List<LinkSuggestion> suggestions = new ArrayList<>();
        for (List<JoinedMeter> cluster : clusters(byRoutesOnly.get(false), thresholds.clusterMetres())) {
            suggestions.add(cluster.size() == 1 ? antenna(cluster.get(0), byMeter.get(cluster.get(0).meterId()))
                    : repeater(cluster));
        }
        for (List<JoinedMeter> cluster : clusters(byRoutesOnly.get(true), thresholds.clusterMetres())) {
            suggestions.add(fewRoutes(cluster, thresholds));
        }
        suggestions.sort(Comparator.comparing((LinkSuggestion s) -> s.kind() == LinkSuggestion.Kind.FEW_ROUTES)
                .thenComparing(s -> -s.meterIds().size()).thenComparing(s -> s.meterIds().get(0)));
        return suggestions;
    }

    /** Whether the routes are all that {@code meter} falls short of: its signal both ways and its ETX pass. */
    static boolean shortOnlyOfRoutes(JoinedMeter meter, LinkThresholds thresholds) {
        List<LinkFinding> findings = findings(meter, thresholds);
        return !findings.isEmpty()
                && findings.stream().allMatch(finding -> finding.measure() == LinkFinding.Measure.ROUTES);
    }

    /**
     * The weak meters grouped as a repeater would serve them: the meter with the most weak meters within
     * {@code metres} of it (the first by serial on a tie) gathers them into a group, and so on with those left.
     * Every meter of a group lies within {@code metres} of the meter that gathered it, so a dense area of weak
     * meters gives several groups, one per repeater, rather than one that spans the site.
     */
    static List<List<JoinedMeter>> clusters(List<JoinedMeter> weak, double metres) {
        int count = weak.size();
        List<List<Integer>> near = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            near.add(new ArrayList<>());
        }
        for (int i = 0; i < count; i++) {
            near.get(i).add(i);
            for (int j = i + 1; j < count; j++) {
                if (distanceMetres(weak.get(i), weak.get(j)) <= metres) {
                    near.get(i).add(j);
                    near.get(j).add(i);
                }
            }
        }
        int[] nearLeft = new int[count];
        for (int i = 0; i < count; i++) {
            nearLeft[i] = near.get(i).size();
        }
        boolean[] taken = new boolean[count];
        List<List<JoinedMeter>> clusters = new ArrayList<>();
        for (int seed = mostNear(nearLeft, taken); seed >= 0; seed = mostNear(nearLeft, taken)) {
            List<JoinedMeter> cluster = new ArrayList<>();
            for (int member : near.get(seed)) {
                if (!taken[member]) {
                    taken[member] = true;
                    cluster.add(weak.get(member));
                    near.get(member).forEach(neighbour -> nearLeft[neighbour]--);
                }
            }
            clusters.add(cluster);
        }
        return clusters;
    }

    /** The meter not yet taken with the most weak meters near it still left, the first on a tie; -1 when none. */
    private static int mostNear(int[] nearLeft, boolean[] taken) {
        int best = -1;
        for (int i = 0; i < nearLeft.length; i++) {
            if (!taken[i] && (best < 0 || nearLeft[i] > nearLeft[best])) {
                best = i;
            }
        }
        return best;
    }

    /** The great-circle distance between two meters, in metres. */
    static double distanceMetres(JoinedMeter a, JoinedMeter b) {
        double lat1 = Math.toRadians(a.latitude());
        double lat2 = Math.toRadians(b.latitude());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private static LinkSuggestion antenna(JoinedMeter meter, LinkCheck check) {
        String text = "Move or raise the antenna of meter " + meter.meterId() + ", the only weak meter near it ("
                + check.reasons().get(0) + "): clear of metal roofs and walls, and check it again.";
        return new LinkSuggestion(LinkSuggestion.Kind.MOVE_ANTENNA, List.of(meter.meterId()), meter.latitude(),
                meter.longitude(), text);
    }

    private static LinkSuggestion repeater(List<JoinedMeter> cluster) {
        double latitude = cluster.stream().mapToDouble(JoinedMeter::latitude).average().orElseThrow();
        double longitude = cluster.stream().mapToDouble(JoinedMeter::longitude).average().orElseThrow();
        List<String> ids = cluster.stream().map(JoinedMeter::meterId).toList();
        String text = format("Add a repeater near %.6f, %.6f, the centre of %d weak meters close together: ",
                latitude, longitude, ids.size()) + named(ids) + ".";
        return new LinkSuggestion(LinkSuggestion.Kind.ADD_REPEATER, ids, latitude, longitude, text);
    }

    private static LinkSuggestion fewRoutes(List<JoinedMeter> cluster, LinkThresholds thresholds) {
        double latitude = cluster.stream().mapToDouble(JoinedMeter::latitude).average().orElseThrow();
        double longitude = cluster.stream().mapToDouble(JoinedMeter::longitude).average().orElseThrow();
        List<String> ids = cluster.stream().map(JoinedMeter::meterId).toList();
        String text = ids.size() == 1
                ? format("Meter %s hears its parent well but has fewer than %d routes to the gateway, so it is cut "
                        + "off when that parent fails: a node within its reach (another meter or a repeater) gives "
                        + "it a second route; its signal needs no repeater.", ids.get(0), thresholds.passRoutes())
                : format("%d meters close together around %.6f, %.6f hear their parents well but have fewer than %d "
                        + "routes to the gateway, so each is cut off when its parent fails: a node within their reach "
                        + "(another meter or a repeater) gives them a second route; their signal needs no repeater: "
                        + "%s.", ids.size(), latitude, longitude, thresholds.passRoutes(), named(ids));
        return new LinkSuggestion(LinkSuggestion.Kind.FEW_ROUTES, ids, latitude, longitude, text);
    }

    /** The first meters of {@code ids} and how many more, as a suggestion's sentence names them. */
    private static String named(List<String> ids) {
        return ids.size() <= NAMED_IN_TEXT ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, NAMED_IN_TEXT)) + " and " + (ids.size() - NAMED_IN_TEXT) + " more";
    }

    /** The finding of a signal of {@code rssiDbm}, or null when it passes. */
    private static LinkFinding signal(LinkFinding.Measure measure, double rssiDbm, LinkThresholds thresholds) {
        if (rssiDbm < thresholds.failRssiDbm()) {
            return new LinkFinding(measure, true, rssiDbm, thresholds.failRssiDbm());
        }
        return rssiDbm < thresholds.passRssiDbm() ? new LinkFinding(measure, false, rssiDbm,
                thresholds.passRssiDbm()) : null;
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}

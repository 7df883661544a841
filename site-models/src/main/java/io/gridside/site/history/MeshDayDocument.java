package io.gridside.site.history;

import io.gridside.site.TopologySnapshot;
import io.gridside.site.cbor.CborException;
import io.gridside.site.cbor.DeterministicCbor;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A day's mesh history as one document of deterministic CBOR, which the link carries as it is and whose SHA-256 is
 * the day's mesh digest. Radios are named once, in {@code nodes}, and referred to everywhere else by their
 * position there, and every measure is an integer, so a day of a 5,000-meter mesh stays small:
 *
 * <pre>
 * { "day": "2026-06-03", "gatewayId": text, "at": epoch second of the start,
 *   "nodes": [[id, latitude e7, longitude e7, hops, rank, parent index or null, [alternate index]]],
 *   "links": [[from index, to index, forward dBm, reverse dBm, forward psr ‰, reverse psr ‰, etx %, age s,
 *              preferred]],
 *   "steps": [[seconds after the start, [[node index, parent index or null, rank increase]],
 *              [[from index, to index, forward dBm, reverse dBm, forward psr ‰, reverse psr ‰, etx %, age s]],
 *              [[from index, changed measures (a bit each, in that order from 1), the change of each]]]] }
 * </pre>
 *
 * <p>A step samples a link in use whole when its meter took a new parent, and otherwise by what changed since the
 * link's last sample (the day's start or an earlier step): a drifting signal costs a few bytes, not a row.
 */
public final class MeshDayDocument {

    private MeshDayDocument() {
    }

    public static byte[] encode(MeshDay day) {
        TopologySnapshot start = day.start();
        Map<String, Integer> index = new HashMap<>();
        List<Object> nodes = new ArrayList<>();
        for (TopologySnapshot.Node node : start.nodes()) {
            index.put(node.id(), index.size());
        }
        for (TopologySnapshot.Node node : start.nodes()) {
            // A list that takes nulls: the gateway and a meter without a route have no parent.
            nodes.add(Arrays.asList(node.id(), Math.round(node.latitude() * MeshDayBuilder.POSITION_SCALE),
                    Math.round(node.longitude() * MeshDayBuilder.POSITION_SCALE), node.hops(), node.rank(),
                    indexOf(index, node.parentId()),
                    node.alternates().stream().map(id -> indexOf(index, id)).toList()));
        }
        List<Object> links = new ArrayList<>();
        for (TopologySnapshot.Link link : start.links()) {
            List<Object> row = sample(index, MeshDay.LinkSample.of(link));
            row.add(link.preferred());
            links.add(row);
        }
        Map<String, MeshDay.LinkSample> inUse = inUseAtStart(start);
        List<Object> steps = new ArrayList<>();
        for (MeshDay.Step step : day.steps()) {
            List<Object> whole = new ArrayList<>();
            List<Object> changes = new ArrayList<>();
            for (MeshDay.LinkSample sample : step.samples()) {
                MeshDay.LinkSample before = inUse.put(sample.from(), sample);
                if (before != null && before.to().equals(sample.to())) {
                    changes.add(change(index, before, sample));
                } else {
                    whole.add(sample(index, sample));
                }
            }
            steps.add(List.of(step.at().getEpochSecond() - start.at().getEpochSecond(),
                    step.routes().stream().map(route -> route(index, route)).toList(), whole, changes));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("day", day.day().toString());
        document.put("gatewayId", day.gatewayId());
        document.put("at", start.at().getEpochSecond());
        document.put("nodes", nodes);
        document.put("links", links);
        document.put("steps", steps);
        return DeterministicCbor.encode(document);
    }

    private static Object route(Map<String, Integer> index, MeshDay.RouteChange route) {
        List<Object> row = new ArrayList<>();
        row.add(indexOf(index, route.nodeId()));
        row.add(indexOf(index, route.parentId()));
        row.add(route.rankIncrease());
        return row;
    }

    private static List<Object> sample(Map<String, Integer> index, MeshDay.LinkSample sample) {
        List<Object> row = new ArrayList<>();
        row.add(indexOf(index, sample.from()));
        row.add(indexOf(index, sample.to()));
        row.add(sample.forwardRssiDbm());
        row.add(sample.reverseRssiDbm());
        row.add(sample.forwardPsrPerMille());
        row.add(sample.reversePsrPerMille());
        row.add(sample.etxHundredths());
        row.add(sample.lastHeardAgeSeconds());
        return row;
    }

    /** Each meter's link in use at the start, by the meter's id. */
    private static Map<String, MeshDay.LinkSample> inUseAtStart(TopologySnapshot start) {
        Map<String, MeshDay.LinkSample> inUse = new HashMap<>();
        start.links().stream().filter(TopologySnapshot.Link::preferred)
                .forEach(link -> inUse.put(link.from(), MeshDay.LinkSample.of(link)));
        return inUse;
    }

    /** A link's new sample as what changed since its last: which measures (a bit each), then by how much. */
    private static List<Object> change(Map<String, Integer> index, MeshDay.LinkSample before,
            MeshDay.LinkSample after) {
        long[] was = measures(before);
        long[] now = measures(after);
        List<Object> row = new ArrayList<>();
        row.add(indexOf(index, after.from()));
        row.add(0);
        int mask = 0;
        for (int i = 0; i < now.length; i++) {
            if (now[i] != was[i]) {
                mask |= 1 << i;
                row.add(now[i] - was[i]);
            }
        }
        row.set(1, mask);
        return row;
    }

    private static long[] measures(MeshDay.LinkSample sample) {
        return new long[] {sample.forwardRssiDbm(), sample.reverseRssiDbm(), sample.forwardPsrPerMille(),
            sample.reversePsrPerMille(), sample.etxHundredths(), sample.lastHeardAgeSeconds()};
    }

    private static MeshDay.LinkSample changed(MeshDay.LinkSample before, List<?> row) {
        long[] values = measures(before);
        int mask = (int) number(row.get(1));
        int next = 2;
        for (int i = 0; i < values.length; i++) {
            if ((mask & 1 << i) != 0) {
                values[i] += number(row.get(next++));
            }
        }
        return new MeshDay.LinkSample(before.from(), before.to(), (int) values[0], (int) values[1], (int) values[2],
                (int) values[3], (int) values[4], values[5]);
    }

    private static Integer indexOf(Map<String, Integer> index, String id) {
        if (id == null) {
            return null;
        }
        Integer position = index.get(id);
        if (position == null) {
            throw new IllegalArgumentException("The mesh history names radio " + id + ", which its start lacks.");
        }
        return position;
    }

    /**
     * Reads a document back.
     *
     * @throws IllegalArgumentException naming what is wrong, when the bytes are not a mesh history document
     */
    public static MeshDay decode(byte[] bytes) {
        try {
            Map<?, ?> document = (Map<?, ?>) DeterministicCbor.decode(bytes);
            Instant at = Instant.ofEpochSecond(number(document.get("at")));
            String gatewayId = (String) document.get("gatewayId");
            List<String> ids = new ArrayList<>();
            List<TopologySnapshot.Node> nodes = nodes(list(document.get("nodes")), ids);
            List<TopologySnapshot.Link> links = new ArrayList<>();
            for (Object row : list(document.get("links"))) {
                List<?> fields = list(row);
                links.add(sample(fields, ids).toLink((Boolean) fields.get(8)));
            }
            TopologySnapshot start = new TopologySnapshot(at, gatewayId, nodes, links);
            Map<String, MeshDay.LinkSample> inUse = inUseAtStart(start);
            List<MeshDay.Step> steps = new ArrayList<>();
            for (Object row : list(document.get("steps"))) {
                steps.add(step(list(row), at, ids, inUse));
            }
            return new MeshDay(LocalDate.parse((String) document.get("day")), gatewayId, start, steps);
        } catch (CborException | ClassCastException | IndexOutOfBoundsException | NullPointerException
                | DateTimeParseException e) {
            throw new IllegalArgumentException("The bytes are not a mesh history document: " + e.getMessage(), e);
        }
    }

    private static List<TopologySnapshot.Node> nodes(List<?> rows, List<String> ids) {
        for (Object row : rows) {
            ids.add((String) list(row).get(0));
        }
        List<TopologySnapshot.Node> nodes = new ArrayList<>();
        for (Object row : rows) {
            List<?> fields = list(row);
            List<String> alternates = list(fields.get(6)).stream().map(i -> ids.get((int) number(i))).toList();
            nodes.add(new TopologySnapshot.Node(ids.get(nodes.size()),
                    number(fields.get(1)) / MeshDayBuilder.POSITION_SCALE,
                    number(fields.get(2)) / MeshDayBuilder.POSITION_SCALE, (int) number(fields.get(3)),
                    (int) number(fields.get(4)), idOrNull(fields.get(5), ids), alternates));
        }
        return nodes;
    }

    private static MeshDay.Step step(List<?> fields, Instant start, List<String> ids,
            Map<String, MeshDay.LinkSample> inUse) {
        List<MeshDay.RouteChange> routes = new ArrayList<>();
        for (Object row : list(fields.get(1))) {
            List<?> route = list(row);
            routes.add(new MeshDay.RouteChange(ids.get((int) number(route.get(0))), idOrNull(route.get(1), ids),
                    (int) number(route.get(2))));
        }
        List<MeshDay.LinkSample> samples = new ArrayList<>();
        for (Object row : list(fields.get(2))) {
            MeshDay.LinkSample sample = sample(list(row), ids);
            inUse.put(sample.from(), sample);
            samples.add(sample);
        }
        for (Object row : list(fields.get(3))) {
            String from = ids.get((int) number(list(row).get(0)));
            MeshDay.LinkSample before = inUse.get(from);
            if (before == null) {
                throw new IllegalArgumentException("a change of the link in use of " + from + ", which has none");
            }
            MeshDay.LinkSample sample = changed(before, list(row));
            inUse.put(from, sample);
            samples.add(sample);
        }
        return new MeshDay.Step(start.plusSeconds(number(fields.get(0))), routes, samples);
    }

    private static MeshDay.LinkSample sample(List<?> fields, List<String> ids) {
        return new MeshDay.LinkSample(ids.get((int) number(fields.get(0))), ids.get((int) number(fields.get(1))),
                (int) number(fields.get(2)), (int) number(fields.get(3)), (int) number(fields.get(4)),
                (int) number(fields.get(5)), (int) number(fields.get(6)), number(fields.get(7)));
    }

    private static String idOrNull(Object value, List<String> ids) {
        return value == null ? null : ids.get((int) number(value));
    }

    private static List<?> list(Object value) {
        return (List<?>) value;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}

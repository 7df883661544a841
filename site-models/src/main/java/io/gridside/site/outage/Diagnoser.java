package io.gridside.site.outage;

import io.gridside.site.Reading;
import io.gridside.site.SiteEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the outages in a window of a site's event log and decides each one's cause from its evidence.
 *
 * <p>The meters' losses are grouped by time and by the mesh's routes, and joined to the gateway's own events
 * that explain them (see {@code OutageFinder}); each outage then gets its evidence in words a technician reads
 * (see {@code OutageWriter}). One case is decided only once its end is known: a branch of the mesh that went dark
 * while interference held, which a failed repeater explains as well (see {@link #settle}). The same input always
 * gives the same outages, with the same ids. Decision 0047 gives the rules.
 */
public final class Diagnoser {

    /** How long after interference ends its silenced meters may take to come back: two routing updates. */
    static final Duration NOISE_GRACE = Duration.ofMinutes(30);

    /** An outage's id gives its start in the site's time zone, so that its date is the site's day. */
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    private Diagnoser() {
    }

    /** The outages of {@code input}'s window, each with its cause and evidence. */
    public static Diagnosis diagnose(DiagnosisInput input) {
        OutageFinder finder = new OutageFinder(input).walk();
        List<OutageDraft> drafts = new ArrayList<>(finder.drafts());
        for (OutageDraft draft : List.copyOf(drafts)) {
            if (draft.interference != null && settle(draft, input.to(), finder, input.zone())) {
                drafts.remove(draft);
            }
        }
        for (OutageDraft draft : List.copyOf(drafts)) {
            if (draft.window != null && draft.cause == OutageCause.RF_INTERFERENCE) {
                drafts.addAll(outlasting(draft, input.to(), input.zone()));
            }
        }
        OutageWriter writer = new OutageWriter(input);
        List<OutageDraft> inWindow = drafts.stream()
                .filter(draft -> !draft.events.isEmpty() || draft.window != null)
                .filter(draft -> draft.start.isBefore(input.to()) && !end(draft, input.to()).isBefore(input.from()))
                .sorted(Comparator.comparing((OutageDraft draft) -> draft.start)
                        .thenComparing(draft -> draft.cause.ordinal())
                        .thenComparing(Diagnoser::firstEventId))
                .toList();
        Map<String, Integer> perMinute = new HashMap<>();
        List<Outage> outages = new ArrayList<>();
        for (OutageDraft draft : inWindow) {
            String minute = ID_TIME.withZone(input.zone()).format(draft.start);
            int number = perMinute.merge(minute, 1, Integer::sum);
            outages.add(writer.write("O-" + minute + "-" + number, draft, end(draft, input.to())));
        }
        return new Diagnosis(input.from(), input.to(), outages, List.copyOf(finder.excluded()));
    }

    /**
     * Decides a branch of the mesh that went dark while interference held, once its root's return is known.
     * The failed repeater wins when the root lost power, when the branch went dark between the mesh's routing
     * updates (a radio fails at an instant; noise breaks links as the mesh re-routes, at each reading interval),
     * or when the root stayed silent well past the noise. The interference wins when the root came back as the
     * noise ended. Anything else fits both, and the outage is ambiguous. The routing-update evidence holds for
     * gateways that re-route at each reading interval, as ours do; a mesh that re-routes at any moment would leave
     * more of these outages ambiguous.
     *
     * @return whether the draft joined the interference's outage and is gone
     */
    static boolean settle(OutageDraft draft, Instant windowEnd, OutageFinder finder, ZoneId zone) {
        GatewayWindow noise = draft.interference;
        OutageDraft.Span root = draft.spans.stream().filter(span -> span.meterId.equals(draft.root))
                .findFirst().orElseThrow();
        Instant rootBack = root.to == null ? windowEnd : root.to;
        boolean offGrid = draft.start.getEpochSecond() % Reading.INTERVAL.toSeconds() != 0;
        boolean outlasted = noise.closed() && rootBack.isAfter(noise.to().plus(NOISE_GRACE));
        boolean backWithTheNoise = noise.closed() && root.to != null && !root.to.isBefore(noise.to())
                && !root.to.isAfter(noise.to().plus(NOISE_GRACE));
        if (draft.rootLostPower || offGrid || outlasted) {
            draft.notes.add(OutageWriter.partitionOverNoise(draft, offGrid, outlasted));
            return false;
        }
        if (backWithTheNoise) {
            OutageDraft noiseOutage = finder.drafts().stream().filter(d -> d.window == noise).findFirst()
                    .orElseThrow();
            noiseOutage.events.addAll(draft.events);
            noiseOutage.spans.addAll(draft.spans);
            noiseOutage.events.sort(Comparator.comparingLong(SiteEvent::id));
            noiseOutage.branches++;
            return true;
        }
        draft.cause = OutageCause.AMBIGUOUS;
        draft.competing.addAll(OutageWriter.partitionOrNoise(draft, zone));
        return false;
    }

    /**
     * Takes the meters that stayed dark more than {@link #NOISE_GRACE} after the noise ended out of its outage:
     * the noise does not explain them. A meter with others dark behind it, or that relayed for others when it went
     * dark, is a mesh partition; a meter alone a single-meter fault.
     *
     * @return the outages taken out, perhaps none
     */
    static List<OutageDraft> outlasting(OutageDraft noise, Instant windowEnd, ZoneId zone) {
        if (!noise.window.closed()) {
            return List.of();
        }
        Instant limit = noise.window.to().plus(NOISE_GRACE);
        List<OutageDraft.Span> late = noise.spans.stream().filter(span -> !span.supplyLost)
                .filter(span -> (span.to == null ? windowEnd : span.to).isAfter(limit)).toList();
        Set<String> lateMeters = late.stream().map(span -> span.meterId).collect(Collectors.toSet());
        Map<String, List<OutageDraft.Span>> byRoot = new LinkedHashMap<>();
        for (OutageDraft.Span span : late) {
            String root = lateMeters.contains(span.root) ? span.root : span.meterId;
            byRoot.computeIfAbsent(root, r -> new ArrayList<>()).add(span);
        }
        List<OutageDraft> taken = new ArrayList<>();
        byRoot.forEach((root, spans) -> taken.add(takeOut(noise, root, spans, zone)));
        return taken;
    }

    private static OutageDraft takeOut(OutageDraft noise, String root, List<OutageDraft.Span> spans,
            ZoneId zone) {
        boolean others = spans.stream().anyMatch(span -> !span.meterId.equals(root));
        boolean relays = spans.stream().anyMatch(span -> span.meterId.equals(root) && span.relays);
        Instant start = spans.stream().map(span -> span.from).min(Comparator.naturalOrder()).orElseThrow();
        OutageDraft draft = new OutageDraft(others || relays ? OutageCause.MESH_PARTITION
                : OutageCause.SINGLE_METER, start, null);
        draft.root = root;
        for (OutageDraft.Span span : spans) {
            noise.spans.remove(span);
            noise.events.removeAll(span.events);
            draft.spans.add(span);
            draft.events.addAll(span.events);
        }
        draft.events.sort(Comparator.comparingLong(SiteEvent::id));
        draft.notes.add(Evidence.named(root + " went dark while interference held, but stayed silent more than "
                + NOISE_GRACE.toMinutes() + " minutes after the noise ended at "
                + OutageWriter.time(noise.window.to(), zone)
                + ": the noise does not explain it.", "evidence.outlastedNoise", root,
                String.valueOf(NOISE_GRACE.toMinutes()), Evidence.time(noise.window.to(), zone)));
        return draft;
    }

    private static Instant end(OutageDraft draft, Instant windowEnd) {
        Instant spansEnd = draft.spansEnd(windowEnd);
        Instant end = draft.window != null ? draft.window.to() : spansEnd;
        if (spansEnd != null && spansEnd.isAfter(end)) {
            end = spansEnd;
        }
        return end == null ? draft.start : end;
    }

    private static long firstEventId(OutageDraft draft) {
        if (draft.window != null) {
            return draft.window.opening().id();
        }
        return draft.events.isEmpty() ? Long.MAX_VALUE : draft.events.get(0).id();
    }
}

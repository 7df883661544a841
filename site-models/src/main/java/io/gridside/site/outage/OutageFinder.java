package io.gridside.site.outage;

import io.gridside.site.EventKind;
import io.gridside.site.SiteEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Walks a window's event log once, in the gateway's order, and groups the meters' losses into outages with the
 * gateway's events that explain them. It keeps each meter's route (its parent at the start, then each parent
 * change), which meters are out and in which outage, and which relays billing or maintenance hold open.
 *
 * <p>Events within {@link #BURST} of each other are taken together, since a feeder's meters or a repeater's
 * subtree go out at one instant. In a burst, losses of power are placed first (the plant, a feeder, the site, or
 * one meter), then each loss of comms is placed by its route: a meter cut off behind a meter that is out joins
 * that meter's outage; meters that lost their own links are placed by interference and by how many branches of
 * the mesh they are in. See decision 0047 for the rules.
 */
final class OutageFinder {

    /** Events this close together are one burst. */
    static final Duration BURST = Duration.ofSeconds(5);
    /** A group losing power this soon after another joins its outage. */
    static final Duration JOIN = Duration.ofMinutes(1);

    private final DiagnosisInput input;
    private final Set<String> meters;
    private final Map<String, Integer> feederSizes = new HashMap<>();
    private final List<GatewayWindow> windows;
    private final List<OutageDraft> drafts = new ArrayList<>();
    private final Map<Long, OutageDraft> byGatewayEvent = new HashMap<>();
    private final Map<GatewayWindow, OutageDraft> byWindow = new HashMap<>();
    private final Map<String, String> parentOf;
    /** The meters that have relayed for others in the window so far: the mesh's repeaters. */
    private final Set<String> repeaters = new HashSet<>();
    private final Map<String, OutageDraft.Span> openSpan = new HashMap<>();
    private final Map<String, OutageDraft> outIn = new HashMap<>();
    private final Map<String, Instant> relayOpenSince = new HashMap<>();
    private final Set<String> excluded = new TreeSet<>();
    /** The outage of each meter that was dark when it lost power too, until it is heard again. */
    private final Map<String, OutageDraft> darkWhenCut = new HashMap<>();
    /** The meters without power now, whatever outage they are in. */
    private final Set<String> powerOff = new HashSet<>();
    /** When each meter last had its power back. */
    private final Map<String, Instant> restoredAt = new HashMap<>();

    OutageFinder(DiagnosisInput input) {
        this.input = input;
        this.meters = new HashSet<>(input.meterIds());
        this.parentOf = new HashMap<>(input.parentOf());
        repeaters.addAll(parentOf.values());
        input.feederOf().values().forEach(feeder -> feederSizes.merge(feeder, 1, Integer::sum));
        this.windows = GatewayWindow.allOf(input);
        for (GatewayWindow window : windows) {
            OutageDraft draft = new OutageDraft(window.cause(), window.from(), window);
            drafts.add(draft);
            byWindow.put(window, draft);
            window.eventIds().forEach(id -> byGatewayEvent.put(id, draft));
        }
    }

    /** The outages of the whole log, unordered, some perhaps outside the window. */
    List<OutageDraft> drafts() {
        return drafts;
    }

    /** The meters whose relay billing or maintenance held open at some time in the window, by id. */
    Set<String> excluded() {
        return excluded;
    }

    /** Walks every event. */
    OutageFinder walk() {
        List<SiteEvent> burst = new ArrayList<>();
        for (SiteEvent event : input.events()) {
            if (!event.at().isBefore(input.to())) {
                continue;
            }
            if (!burst.isEmpty() && event.at().isAfter(burst.get(0).at().plus(BURST))) {
                burst(burst);
                burst.clear();
            }
            burst.add(event);
        }
        if (!burst.isEmpty()) {
            burst(burst);
        }
        relayOpenSince.forEach((meter, since) -> noteRelayOpen(meter, since, input.to()));
        return this;
    }

    private void burst(List<SiteEvent> burst) {
        Instant at = burst.get(0).at();
        List<SiteEvent> power = new ArrayList<>();
        List<SiteEvent> comms = new ArrayList<>();
        for (SiteEvent event : burst) {
            if (event.source().equals(input.gatewayId())) {
                gatewayEvent(event);
            } else if (meters.contains(event.source())) {
                meterEvent(event, power, comms);
            }
        }
        if (!power.isEmpty() || !comms.isEmpty()) {
            losses(at, power, comms);
        }
    }

    private void gatewayEvent(SiteEvent event) {
        OutageDraft draft = byGatewayEvent.get(event.id());
        if (draft == null) {
            return;
        }
        draft.explain(event);
        if (event.kind() == EventKind.GATEWAY_REBOOT) {
            // Every meter still talking went quiet to the gateway for as long as it was down.
            for (String meter : input.meterIds()) {
                if (!openSpan.containsKey(meter)) {
                    draft.open(meter, event.at(), false).to = draft.window.to();
                }
            }
        }
    }

    /** Notes routes, relays and returns at once; collects the burst's losses for {@link #losses}. */
    private void meterEvent(SiteEvent event, List<SiteEvent> power, List<SiteEvent> comms) {
        String meter = event.source();
        switch (event.kind()) {
            case PARENT_CHANGE -> {
                if (event.detail("to") != null) {
                    parentOf.put(meter, event.detail("to"));
                    repeaters.add(event.detail("to"));
                }
            }
            case RELAY_OFF -> {
                if (heldByBillingOrMaintenance(event)) {
                    relayOpenSince.putIfAbsent(meter, event.at());
                    splitPowerSpan(meter, event.at(), false);
                }
            }
            case RELAY_ON -> {
                Instant since = heldByBillingOrMaintenance(event) ? relayOpenSince.remove(meter) : null;
                if (since != null) {
                    noteRelayOpen(meter, since, event.at());
                    splitPowerSpan(meter, event.at(), true);
                }
            }
            case POWER_RESTORE, COMMS_RETURN -> back(event);
            case POWER_LOSS -> power.add(event);
            case COMMS_LOSS -> comms.add(event);
            default -> {
                // Tamper, clocks, floods and the rest are no outage.
            }
        }
    }

    /**
     * A relay held open or let go while the meter is without power: its customer's supply changes then (no supply
     * is lost behind an open relay), so its time out is cut in two there, the second part with {@code supplyLost}.
     * The relay's own event stays in no outage.
     */
    private void splitPowerSpan(String meter, Instant at, boolean supplyLost) {
        OutageDraft.Span span = openSpan.get(meter);
        OutageDraft draft = outIn.get(meter);
        if (span == null || draft == null || !powerOff.contains(meter) || span.supplyLost == supplyLost) {
            return;
        }
        if (span.from.isBefore(at)) {
            span.to = at;
        } else {
            // The relay turned at the very instant the time out began: that part has no length, so it goes.
            draft.spans.remove(span);
        }
        OutageDraft.Span rest = draft.open(meter, at, supplyLost);
        if (!span.from.isBefore(at)) {
            rest.events.addAll(span.events);
        }
        rest.root = span.root;
        rest.relays = span.relays;
        openSpan.put(meter, rest);
    }

    private static boolean heldByBillingOrMaintenance(SiteEvent event) {
        String reason = event.detail("reason");
        return "billing".equals(reason) || "maintenance".equals(reason);
    }

    private void noteRelayOpen(String meter, Instant since, Instant until) {
        if (since.isBefore(input.to()) && until.isAfter(input.from())) {
            excluded.add(meter);
        }
    }

    private boolean relayOpen(String meter) {
        return relayOpenSince.containsKey(meter);
    }

    private void back(SiteEvent event) {
        if (event.kind() == EventKind.POWER_RESTORE) {
            restoredAt.put(event.source(), event.at());
            powerOff.remove(event.source());
        } else {
            darkWhenCut.remove(event.source());
        }
        OutageDraft.Span span = openSpan.remove(event.source());
        OutageDraft draft = outIn.remove(event.source());
        if (span != null) {
            span.to = event.at();
            span.events.add(event);
            draft.explain(event);
        }
    }

    private void losses(Instant at, List<SiteEvent> power, List<SiteEvent> comms) {
        for (SiteEvent event : power) {
            // A meter already dark that now loses power too: its dark span ends where its power span begins.
            OutageDraft.Span dark = openSpan.remove(event.source());
            if (dark != null) {
                dark.to = at;
                darkWhenCut.put(event.source(), outIn.remove(event.source()));
            }
        }
        int offBefore = powerOff.size();
        power.forEach(event -> powerOff.add(event.source()));
        SiteEvent single = placePower(at, power);
        OutageDraft group = power.isEmpty() ? null : outIn.get(power.get(0).source());
        if (group != null && power.size() > 1 && offBefore > 0 && powerOff.size() == meters.size()) {
            group.notes.add(Evidence.named("With the " + offBefore + " meters already without power, every meter "
                    + "of the site was then out.", "evidence.siteThenOut", String.valueOf(offBefore)));
        }
        List<SiteEvent> newComms = new ArrayList<>();
        for (SiteEvent event : comms) {
            OutageDraft already = outIn.get(event.source());
            OutageDraft stillDark = stillDark(event);
            if (already != null) {
                already.explain(event);
            } else if (stillDark != null) {
                openAll(stillDark, List.of(event), at, event.source());
            } else {
                newComms.add(event);
            }
        }
        placeComms(at, single, newComms);
    }

    /**
     * The outage of a meter that was dark when its power was cut and is dark again the moment its power is back:
     * it was never heard in between, so the fault that silenced it still holds.
     */
    private OutageDraft stillDark(SiteEvent loss) {
        OutageDraft before = darkWhenCut.remove(loss.source());
        Instant restored = restoredAt.get(loss.source());
        boolean atRestore = restored != null && !loss.at().isAfter(restored.plus(BURST));
        return atRestore ? before : null;
    }

    /**
     * Places the burst's losses of power in the plant's outage that holds, load shedding's, or a power outage of
     * the group; a meter that lost power alone is returned, to be placed once the losses of comms show whether it
     * cut others off.
     */
    private SiteEvent placePower(Instant at, List<SiteEvent> power) {
        if (power.isEmpty()) {
            return null;
        }
        GatewayWindow inverter = holding(OutageCause.INVERTER, at);
        if (inverter != null) {
            openAll(byWindow.get(inverter), power, at);
            return null;
        }
        List<SiteEvent> rest = new ArrayList<>();
        for (SiteEvent event : power) {
            GatewayWindow shedding = shedding(event.source(), at);
            if (shedding != null) {
                openAll(byWindow.get(shedding), List.of(event), at);
            } else {
                rest.add(event);
            }
        }
        if (rest.isEmpty()) {
            return null;
        }
        if (rest.size() == 1 && !aloneOnItsFeeder(rest.get(0).source())) {
            return rest.get(0);
        }
        openAll(supplyOutage(at), rest, at);
        return null;
    }

    /** The outage a group's loss of supply joins: a low battery's, a failed generator's, or a power outage. */
    private OutageDraft supplyOutage(Instant at) {
        GatewayWindow battery = holding(OutageCause.BATTERY, at);
        GatewayWindow generator = holding(OutageCause.GENERATOR, at);
        if (battery != null) {
            OutageDraft draft = byWindow.get(battery);
            if (generator != null) {
                draft.notes.add(new Evidence("The generator had failed too, which left the battery to carry the "
                        + "site; the battery running low is what cut the meters.", generator.eventIds(),
                        "evidence.generatorToo", List.of()));
            }
            return draft;
        }
        if (generator != null) {
            return byWindow.get(generator);
        }
        for (OutageDraft draft : drafts) {
            if (draft.cause == OutageCause.POWER && !at.isAfter(draft.start.plus(JOIN))) {
                return draft;
            }
        }
        OutageDraft draft = new OutageDraft(OutageCause.POWER, at, null);
        drafts.add(draft);
        return draft;
    }

    private void placeComms(Instant at, SiteEvent single, List<SiteEvent> comms) {
        Set<String> outNow = new HashSet<>(openSpan.keySet());
        comms.forEach(event -> outNow.add(event.source()));
        if (single != null) {
            outNow.add(single.source());
        }
        Map<String, List<SiteEvent>> byRoot = new LinkedHashMap<>();
        for (SiteEvent event : comms) {
            byRoot.computeIfAbsent(rootOf(event.source(), outNow), root -> new ArrayList<>()).add(event);
        }
        placeSingle(at, single, single == null ? null : byRoot.remove(single.source()));
        List<String> ownRoots = new ArrayList<>();
        for (Map.Entry<String, List<SiteEvent>> group : byRoot.entrySet()) {
            OutageDraft behind = outIn.get(group.getKey());
            if (behind != null) {
                cutOffBehind(behind, group.getKey(), group.getValue(), at);
            } else {
                ownRoots.add(group.getKey());
            }
        }
        placeOwnLosses(at, ownRoots, byRoot);
    }

    /** A meter that lost power alone: a single-meter fault, or the root of a partition if others went with it. */
    private void placeSingle(Instant at, SiteEvent single, List<SiteEvent> cutOff) {
        if (single == null) {
            return;
        }
        if (cutOff != null) {
            OutageDraft partition = newDraft(OutageCause.MESH_PARTITION, at);
            partition.root = single.source();
            partition.rootLostPower = true;
            openAll(partition, List.of(single), at);
            openAll(partition, cutOff, at, single.source());
        } else if (!relayOpen(single.source())) {
            openAll(newDraft(OutageCause.SINGLE_METER, at), List.of(single), at);
        }
    }

    /** Meters cut off behind a meter already out join its outage; a lone meter's outage becomes a partition. */
    private void cutOffBehind(OutageDraft behind, String root, List<SiteEvent> group, Instant at) {
        if (behind.cause == OutageCause.SINGLE_METER) {
            behind.cause = OutageCause.MESH_PARTITION;
            behind.root = root;
            behind.rootLostPower = behind.spans.stream().anyMatch(span -> span.supplyLost);
        }
        openAll(behind, group, at, root);
    }

    /**
     * Meters that lost their own links, each with the meters behind it. Under interference, several branches at
     * once, or one meter alone, are the interference; one branch alone might be a failed repeater too, which the
     * outage's end decides ({@link Diagnoser}). With no interference, a branch is a partition and a meter alone a
     * single-meter fault.
     */
    private void placeOwnLosses(Instant at, List<String> roots, Map<String, List<SiteEvent>> byRoot) {
        if (roots.isEmpty()) {
            return;
        }
        GatewayWindow noise = holding(OutageCause.RF_INTERFERENCE, at);
        boolean oneBranch = roots.size() == 1 && byRoot.get(roots.get(0)).size() > 1;
        if (noise != null && !oneBranch) {
            OutageDraft noiseOutage = byWindow.get(noise);
            roots.forEach(root -> openAll(noiseOutage, byRoot.get(root), at, root));
            noiseOutage.branches += roots.size();
            return;
        }
        for (String root : roots) {
            List<SiteEvent> group = byRoot.get(root);
            if (group.size() > 1) {
                OutageDraft partition = newDraft(OutageCause.MESH_PARTITION, at);
                partition.root = root;
                partition.interference = noise;
                openAll(partition, group, at, root);
            } else if (!relayOpen(root)) {
                openAll(newDraft(OutageCause.SINGLE_METER, at), group, at);
            }
        }
    }

    /** The top of the unbroken run of meters out above {@code meter} on its route, itself if its parent is up. */
    private String rootOf(String meter, Set<String> outNow) {
        String root = meter;
        String up = parentOf.get(meter);
        for (int hops = 0; up != null && outNow.contains(up) && hops < meters.size(); hops++) {
            root = up;
            up = parentOf.get(up);
        }
        return root;
    }

    private void openAll(OutageDraft draft, List<SiteEvent> events, Instant at) {
        openAll(draft, events, at, null);
    }

    /** Opens a span for each event's meter in {@code draft}, under {@code root} (null: each meter its own). */
    private void openAll(OutageDraft draft, List<SiteEvent> events, Instant at, String root) {
        for (SiteEvent event : events) {
            boolean supplyLost = event.kind() == EventKind.POWER_LOSS && !relayOpen(event.source());
            OutageDraft.Span span = draft.open(event.source(), at, supplyLost);
            span.events.add(event);
            span.root = root == null ? event.source() : root;
            span.relays = repeaters.contains(event.source());
            openSpan.put(event.source(), span);
            outIn.put(event.source(), draft);
            draft.explain(event);
        }
    }

    private OutageDraft newDraft(OutageCause cause, Instant at) {
        OutageDraft draft = new OutageDraft(cause, at, null);
        drafts.add(draft);
        return draft;
    }

    /** The latest begun stretch of {@code cause} that holds at {@code at}, or null. */
    private GatewayWindow holding(OutageCause cause, Instant at) {
        GatewayWindow found = null;
        for (GatewayWindow window : windows) {
            if (window.cause() == cause && window.holds(at)) {
                found = window;
            }
        }
        return found;
    }

    private GatewayWindow shedding(String meter, Instant at) {
        String feeder = input.feederOf().get(meter);
        GatewayWindow found = null;
        for (GatewayWindow window : windows) {
            if (window.cause() == OutageCause.LOAD_SHEDDING && window.holds(at)
                    && (window.feeders().isEmpty() || window.feeders().contains(feeder))) {
                found = window;
            }
        }
        return found;
    }

    private boolean aloneOnItsFeeder(String meter) {
        String feeder = input.feederOf().get(meter);
        return feeder != null && feederSizes.get(feeder) == 1;
    }
}

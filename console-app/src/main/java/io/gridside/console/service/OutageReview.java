package io.gridside.console.service;

import io.gridside.site.InvalidValueException;
import io.gridside.site.Meter;
import io.gridside.site.NotReadyException;
import io.gridside.site.Reading;
import io.gridside.site.SiteEvent;
import io.gridside.site.SiteInfo;
import io.gridside.site.TopologySnapshot;
import io.gridside.site.outage.Diagnoser;
import io.gridside.site.outage.Diagnosis;
import io.gridside.site.outage.DiagnosisInput;
import io.gridside.site.outage.MeterSpan;
import io.gridside.site.outage.Outage;
import io.gridside.site.outage.Reliability;
import io.gridside.site.store.SiteStore;
import io.gridside.site.vee.GapEstimate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The outages of a window of a site's history as its database holds them: the diagnosis, the reliability indices,
 * and the readings each outage cost with how billing estimated them. Read in one go, offline, so that a report or a
 * screen shows one consistent answer.
 *
 * @param site the site, whose time zone is what a person reads
 * @param from the window's start
 * @param to the window's end, exclusive
 * @param meters the roster's meters, by id
 * @param customerNames customers' names by id, the roster's and those the events name
 * @param feederOf each meter's feeder, by meter id; empty when the site's meters are not mapped
 * @param events the events of the window, in the gateway's order (not the lead-in before it)
 * @param diagnosis the outages found and the meters excluded
 * @param reliability the indices of the window, site and by feeder
 * @param gaps the readings each affected meter did not send, by outage and then meter
 * @param history the stretch of the site's history the database holds events of, which may not span the window
 * @param estimatesHeld whether billing's VEE has estimated any gap of the window; false when it has not been run
 *     over it, so that no estimate of a missing reading says nothing of what billing would make of it
 */
public record OutageReview(SiteInfo site, Instant from, Instant to, List<Meter> meters,
        Map<String, String> customerNames, Map<String, String> feederOf, List<SiteEvent> events,
        Diagnosis diagnosis, Reliability reliability, List<DataGap> gaps, EventHistory history,
        boolean estimatesHeld) {

    /**
     * How long before the window the events are read, so that the diagnosis knows what was already out as the window
     * began: a day holds the start of any outage a technician would still call one.
     */
    public static final Duration LEAD_IN = Duration.ofDays(1);

    public OutageReview {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        meters = List.copyOf(meters);
        customerNames = Map.copyOf(customerNames);
        feederOf = Map.copyOf(feederOf);
        events = List.copyOf(events);
        Objects.requireNonNull(diagnosis, "diagnosis");
        Objects.requireNonNull(reliability, "reliability");
        gaps = List.copyOf(gaps);
        Objects.requireNonNull(history, "history");
    }

    /** The review of [from, to) of {@code store}, diagnosed by the project's {@link Diagnoser}. */
    public static OutageReview load(SiteStore store, Instant from, Instant to) {
        return load(store, from, to, Diagnoser::diagnose);
    }

    /**
     * The review of [from, to) of {@code store}, diagnosed by {@code diagnoser}.
     *
     * @throws IllegalArgumentException when the window ends before it starts
     * @throws IllegalStateException when the database holds no site yet
     */
    public static OutageReview load(SiteStore store, Instant from, Instant to,
            Function<DiagnosisInput, Diagnosis> diagnoser) {
        if (!to.isAfter(from)) {
            throw new InvalidValueException("window.order", "The window must end after it starts: " + from + " to "
                    + to + ".", from, to);
        }
        SiteInfo site = store.site().orElseThrow(() -> new NotReadyException("held.site",
                "The site database holds no site."));
        String gatewayId = store.gatewayId().orElseThrow(
                () -> new IllegalStateException("The site database holds no gateway."));
        List<Meter> meters = store.meters();
        Map<String, String> feederOf = store.feeders();
        Instant loadedFrom = from.minus(LEAD_IN);
        List<SiteEvent> withLeadIn = store.events(loadedFrom, to);
        List<String> meterIds = meters.stream().map(Meter::meterId).toList();
        Diagnosis diagnosis = diagnoser.apply(new DiagnosisInput(from, to, gatewayId, meterIds,
                parentsAt(store, loadedFrom, from, meters), feederOf, withLeadIn, site.zone()));
        Reliability reliability = Reliability.of(diagnosis, meterIds, feederOf);
        List<SiteEvent> events = withLeadIn.stream().filter(event -> !event.at().isBefore(from)).toList();
        List<GapEstimate> estimates = store.estimates();
        boolean estimatesHeld = estimates.stream()
                .anyMatch(e -> e.gapStart().isBefore(to) && e.gapEnd().isAfter(from));
        return new OutageReview(site, from, to, meters, CustomerNames.of(store.customers(), withLeadIn), feederOf,
                events, diagnosis, reliability, gaps(store, diagnosis, estimates),
                EventHistory.of(store), estimatesHeld);
    }

    /**
     * What a person must be told before the figures when the window lies wholly or partly outside the history the
     * database holds; empty when the history spans it.
     */
    public Optional<String> historyWarning() {
        return history.warning(from, to, site.zone(), "The site database");
    }

    /** {@link #historyWarning} in the language in use, for a printed page or a screen. */
    public Optional<String> historyWarningWorded() {
        return history.wordedWarning(from, to, site.zone());
    }

    /** The outage named {@code outageId}, in any case, if the window holds one. */
    public Optional<Outage> outage(String outageId) {
        String id = outageId.strip();
        return diagnosis.outages().stream().filter(outage -> outage.id().equalsIgnoreCase(id)).findFirst();
    }

    /** The indices of {@code outage} alone over the window. */
    public Reliability reliabilityOf(Outage outage) {
        return Reliability.ofOutage(diagnosis, outage, meters.stream().map(Meter::meterId).toList(), feederOf);
    }

    /** Each meter's customer, by meter id, as the roster has it. */
    public Map<String, String> customerOfMeter() {
        Map<String, String> customers = new HashMap<>();
        meters.forEach(meter -> customers.put(meter.meterId(), meter.customerId()));
        return customers;
    }

    /**
     * Each meter's parent as the events read begin, a lead-in before the window, since the diagnosis follows the
     * parent changes from there: the latest mesh held at or before that moment (else at or before the window's
     * start), over the parent the roster last heard of. Nothing later is read, so a route the mesh took after an
     * outage cannot explain it.
     */
    static Map<String, String> parentsAt(SiteStore store, Instant at, Instant windowStart, List<Meter> meters) {
        Map<String, String> parents = new HashMap<>();
        meters.stream().filter(meter -> meter.parentId() != null)
                .forEach(meter -> parents.put(meter.meterId(), meter.parentId()));
        Optional<TopologySnapshot> mesh = meshAtOrBefore(store, at).or(() -> meshAtOrBefore(store, windowStart));
        mesh.ifPresent(snapshot -> snapshot.nodes().stream().filter(node -> node.parentId() != null)
                .forEach(node -> parents.put(node.id(), node.parentId())));
        return parents;
    }

    /** The later of the day's mesh history at {@code at} and the latest snapshot held at or before it. */
    private static Optional<TopologySnapshot> meshAtOrBefore(SiteStore store, Instant at) {
        Optional<TopologySnapshot> history = store.meshAt(at).filter(mesh -> !mesh.at().isAfter(at));
        Optional<TopologySnapshot> snapshot = store.topologyTimes().stream().filter(time -> !time.isAfter(at))
                .reduce((first, second) -> second).flatMap(store::topologyNearest)
                .filter(mesh -> !mesh.at().isAfter(at));
        if (history.isPresent() && snapshot.isPresent()) {
            return history.get().at().isBefore(snapshot.get().at()) ? snapshot : history;
        }
        return history.or(() -> snapshot);
    }

    /** Every affected meter's missing readings in each outage, with the VEE estimates that overlap them. */
    static List<DataGap> gaps(SiteStore store, Diagnosis diagnosis, List<GapEstimate> held) {
        Map<String, List<GapEstimate>> estimates = new HashMap<>();
        held.forEach(e -> estimates.computeIfAbsent(e.meterId(), id -> new ArrayList<>()).add(e));
        List<DataGap> gaps = new ArrayList<>();
        for (Outage outage : diagnosis.outages()) {
            for (MeterSpan span : outage.spans()) {
                gaps.add(gap(store, outage.id(), span, estimates.getOrDefault(span.meterId(), List.of())));
            }
        }
        return gaps;
    }

    private static DataGap gap(SiteStore store, String outageId, MeterSpan span, List<GapEstimate> estimates) {
        Instant first = Reading.intervalStartOf(span.from());
        Set<Instant> held = new HashSet<>();
        store.readings(span.meterId(), first, span.to()).forEach(reading -> held.add(reading.intervalStart()));
        List<Instant> missing = new ArrayList<>();
        int intervals = 0;
        for (Instant start = first; start.isBefore(span.to()); start = start.plus(Reading.INTERVAL)) {
            intervals++;
            if (!held.contains(start)) {
                missing.add(start);
            }
        }
        List<GapEstimate> overlapping = estimates.stream()
                .filter(e -> e.gapStart().isBefore(span.to()) && e.gapEnd().isAfter(first)).toList();
        return new DataGap(outageId, span.meterId(), span.from(), span.to(), intervals, missing, overlapping);
    }
}

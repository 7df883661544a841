package io.gridside.site.outage;

import io.gridside.site.EventKind;
import io.gridside.site.SiteEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a found outage into its record: its meters' spans, its feeders, and the evidence that decided its cause,
 * strongest first, in sentences a technician reads with the events that show each. Times in the sentences are
 * in the site's time zone the input gives, with the zone's name.
 */
final class OutageWriter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz",
            Locale.ROOT);

    private final DiagnosisInput input;

    OutageWriter(DiagnosisInput input) {
        this.input = input;
    }

    Outage write(String id, OutageDraft draft, Instant end) {
        List<MeterSpan> spans = draft.spans.stream()
                .map(span -> new MeterSpan(span.meterId, span.from, span.to == null ? input.to() : span.to,
                        span.supplyLost, span.to != null))
                .sorted(Comparator.comparing(MeterSpan::meterId).thenComparing(MeterSpan::from))
                .toList();
        List<Long> eventIds = draft.events.stream().map(SiteEvent::id).distinct().sorted().toList();
        return new Outage(id, draft.cause, draft.start, end, spans, feeders(draft), evidence(draft),
                draft.competing, eventIds);
    }

    private List<String> feeders(OutageDraft draft) {
        Set<String> feeders = new TreeSet<>();
        draft.spans.stream().map(span -> input.feederOf().get(span.meterId)).filter(f -> f != null)
                .forEach(feeders::add);
        if (draft.window != null) {
            feeders.addAll(draft.window.feeders());
        }
        return List.copyOf(feeders);
    }

    private List<Evidence> evidence(OutageDraft draft) {
        List<Evidence> evidence = new ArrayList<>();
        if (draft.window != null) {
            evidence.add(window(draft));
        }
        switch (draft.cause) {
            case BACKHAUL -> evidence.add(meterLossesDuring(draft.window));
            case GATEWAY_FAULT -> evidence.add(Evidence.named(draft.spans.size() + " of " + input.meterIds().size()
                    + " meters could not be heard while the gateway was down; it cut no customer's supply.",
                    "evidence.gatewayDown", String.valueOf(draft.spans.size()),
                    String.valueOf(input.meterIds().size())));
            case RF_INTERFERENCE -> evidence.add(commsLost(draft, "with their power on, in " + (draft.branches == 1
                    ? "1 branch of the mesh" : draft.branches + " branches of the mesh, not one repeater's subtree")));
            case MESH_PARTITION, AMBIGUOUS -> evidence.addAll(partition(draft));
            case SINGLE_METER -> evidence.add(single(draft));
            default -> evidence.addAll(supply(draft));
        }
        evidence.addAll(draft.notes);
        evidence.add(returns(draft));
        return evidence.stream().filter(e -> e != null).toList();
    }

    private Evidence window(OutageDraft draft) {
        GatewayWindow window = draft.window;
        SiteEvent opening = window.opening();
        String until = window.closed() ? " until " + time(window.to()) + " (" + duration(window) + ")"
                : ", still so at the window's end";
        String text = switch (window.cause()) {
            case BACKHAUL -> "The gateway's cellular uplink went down at " + time(window.from()) + until + ".";
            case GATEWAY_FAULT -> "The gateway rebooted at " + time(window.from()) + " and was down for "
                    + duration(window) + ".";
            case RF_INTERFERENCE -> "The radio noise floor rose by " + orUnknown(opening.detail("riseDb"))
                    + " dB around " + orUnknown(opening.detail("meters")) + " meters at " + time(window.from())
                    + until + ".";
            case BATTERY -> "The battery bank fell to " + orUnknown(opening.detail("stateOfChargePercent"))
                    + "% charge at " + time(window.from()) + until + ".";
            case GENERATOR -> "The generator failed at " + time(window.from()) + until + ".";
            case INVERTER -> "The inverter tripped (" + orUnknown(opening.detail("reason")) + ") at "
                    + time(window.from()) + until + ".";
            case LOAD_SHEDDING -> "The operator shed feeders " + String.join(", ", new TreeSet<>(window.feeders()))
                    + " on purpose at " + time(window.from()) + until + ": planned, not a fault.";
            default -> "The gateway reported " + opening.kind() + " at " + time(window.from()) + ".";
        };
        return new Evidence(text, window.eventIds());
    }

    private Evidence meterLossesDuring(GatewayWindow window) {
        Set<String> lost = new TreeSet<>();
        input.events().stream().filter(e -> window.holds(e.at()))
                .filter(e -> e.kind() == EventKind.POWER_LOSS || e.kind() == EventKind.COMMS_LOSS)
                .forEach(e -> lost.add(e.source()));
        int kept = input.meterIds().size() - lost.size();
        return Evidence.of(lost.isEmpty() ? "No meter lost power or comms meanwhile: the meters kept reporting to "
                + "the gateway, only its uplink was down." : kept == 0 ? "Every meter lost power or comms meanwhile; "
                + "those losses are outages of their own." : kept + " of " + input.meterIds().size() + " meters kept "
                + "their power and comms meanwhile; " + (lost.size() == 1 ? "the other's loss is an outage of its own."
                : "the others' losses are outages of their own."));
    }

    /** The evidence of lost supply: for a power outage, and for the plant's faults that cut meters. */
    private List<Evidence> supply(OutageDraft draft) {
        List<SiteEvent> lost = of(draft, EventKind.POWER_LOSS);
        if (lost.isEmpty()) {
            return List.of(Evidence.named("No meter lost power while it lasted.", "evidence.noPowerLost"));
        }
        List<Evidence> evidence = new ArrayList<>();
        long gasps = lost.stream().filter(e -> "true".equals(e.detail("lastGasp"))).count();
        evidence.add(new Evidence(meters(count(lost)) + " lost power from " + time(lost.get(0).at()) + ", "
                + gasps + " of them with a last gasp; " + scope(lost) + ".", ids(lost)));
        evidence.add(commsLost(draft, "behind them in the mesh, with their power on"));
        if (draft.cause == OutageCause.POWER) {
            evidence.add(Evidence.named("No inverter, battery, generator or load-shedding event explains it: the "
                    + "supply to these meters failed.", "evidence.supplyFailed"));
        }
        return evidence;
    }

    private String scope(List<SiteEvent> lost) {
        Set<String> meters = new TreeSet<>();
        lost.forEach(e -> meters.add(e.source()));
        if (meters.size() == input.meterIds().size()) {
            return "that is every meter of the site";
        }
        Set<String> feeders = new TreeSet<>();
        meters.forEach(m -> feeders.add(input.feederOf().getOrDefault(m, "no feeder")));
        long onThem = input.feederOf().values().stream().filter(feeders::contains).count();
        if (feeders.contains("no feeder")) {
            return "the site's meters are not mapped to feeders";
        }
        return (meters.size() == onThem ? "every one of the " : meters.size() + " of the ") + onThem
                + " meters of feeder " + String.join(", ", feeders);
    }

    private List<Evidence> partition(OutageDraft draft) {
        List<Evidence> evidence = new ArrayList<>();
        List<SiteEvent> rootLoss = draft.events.stream().filter(e -> e.source().equals(draft.root))
                .filter(e -> e.kind() == EventKind.POWER_LOSS || e.kind() == EventKind.COMMS_LOSS).toList();
        evidence.add(new Evidence(draft.root + " went silent at " + time(draft.start) + ": it lost "
                + (draft.rootLostPower ? "power" : "its radio link while its power held") + ".", ids(rootLoss)));
        List<SiteEvent> behind = draft.events.stream().filter(e -> !e.source().equals(draft.root))
                .filter(e -> e.kind() == EventKind.COMMS_LOSS).toList();
        evidence.add(behind.isEmpty() ? Evidence.of(draft.root + " relayed for other meters when it went silent; "
                + "they found other routes or were dark already.") : new Evidence(meters(count(behind))
                + " routing through " + draft.root + " lost comms with their power on; none of them sent a "
                + "last gasp.", ids(behind)));
        return evidence;
    }

    private Evidence single(OutageDraft draft) {
        List<SiteEvent> lost = draft.events.stream()
                .filter(e -> e.kind() == EventKind.POWER_LOSS || e.kind() == EventKind.COMMS_LOSS).toList();
        String meter = draft.spans.get(0).meterId;
        String what = lost.stream().anyMatch(e -> e.kind() == EventKind.POWER_LOSS) ? "power" : "comms";
        return new Evidence(meter + " lost " + what + " alone at " + time(draft.start) + "; no other meter on its "
                + "feeder or behind it in the mesh did, and no gateway or plant event explains it.", ids(lost),
                "evidence.alone." + what, List.of(meter, time(draft.start)));
    }

    private Evidence commsLost(OutageDraft draft, String how) {
        List<SiteEvent> lost = of(draft, EventKind.COMMS_LOSS);
        if (lost.isEmpty()) {
            return draft.cause == OutageCause.RF_INTERFERENCE
                    ? Evidence.named("No meter lost comms in it.", "evidence.noCommsLost") : null;
        }
        long count = count(lost);
        return new Evidence(meters(count) + " lost comms " + (count == 1 ? how.replace("their power", "its power")
                : how) + ".", ids(lost));
    }

    private Evidence returns(OutageDraft draft) {
        List<SiteEvent> back = draft.events.stream()
                .filter(e -> e.kind() == EventKind.POWER_RESTORE || e.kind() == EventKind.COMMS_RETURN).toList();
        long out = draft.spans.stream().filter(span -> span.to == null).map(span -> span.meterId).distinct()
                .count();
        if (back.isEmpty() && out == 0) {
            return null;
        }
        String last = back.isEmpty() ? "" : ", the last at " + time(back.get(back.size() - 1).at());
        return new Evidence(meters(count(back)) + " came back" + last + (out == 0 ? "" : "; " + out
                + " were still out at the window's end") + ".", ids(back));
    }

    /** Why a dark branch under interference is still a failed repeater. */
    static String partitionOverNoise(OutageDraft draft, boolean offGrid, boolean outlasted) {
        String why = draft.rootLostPower ? draft.root + " lost power, which noise does not cut"
                : offGrid ? "the branch went dark between the mesh's routing updates, as a failed radio does, "
                        + "while noise breaks links as the mesh re-routes"
                : outlasted ? draft.root + " stayed silent more than " + Diagnoser.NOISE_GRACE.toMinutes()
                        + " minutes after the noise ended" : "";
        return "Interference held at the time, but " + why + ": a failed repeater explains it better.";
    }

    /** The two explanations of a dark branch under interference that nothing decides. */
    static List<Outage.Competing> partitionOrNoise(OutageDraft draft, ZoneId zone) {
        return List.of(
                new Outage.Competing(OutageCause.MESH_PARTITION, draft.root + " went silent and the meters routing"
                        + " through it lost comms with it, their power on.", "competing.partition",
                        List.of(draft.root)),
                new Outage.Competing(OutageCause.RF_INTERFERENCE, "The noise floor had risen around the site since "
                        + time(draft.interference.from(), zone) + ", and the branch went dark at a routing update, "
                        + "as noise makes it do.", "competing.noise", List.of(time(draft.interference.from(), zone))));
    }

    private static List<SiteEvent> of(OutageDraft draft, EventKind kind) {
        return draft.events.stream().filter(e -> e.kind() == kind).toList();
    }

    /** "1 meter" or "N meters". */
    private static String meters(long count) {
        return count == 1 ? "1 meter" : count + " meters";
    }

    private static long count(List<SiteEvent> events) {
        return events.stream().map(SiteEvent::source).distinct().count();
    }

    private static List<Long> ids(List<SiteEvent> events) {
        return events.stream().map(SiteEvent::id).toList();
    }

    private static String orUnknown(String value) {
        return value == null ? "?" : value;
    }

    String time(Instant at) {
        return time(at, input.zone());
    }

    static String time(Instant at, ZoneId zone) {
        return TIME.withZone(zone).format(at);
    }

    private static String duration(GatewayWindow window) {
        Duration length = Duration.between(window.from(), window.to());
        long minutes = length.toMinutes();
        return minutes < 60 ? minutes + " min"
                : String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
    }
}

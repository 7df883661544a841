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
 * in the site's time zone the input gives, with the zone's name. Each fact also names its sentence and that
 * sentence's values, in the forms {@link Evidence} gives, for a console to word it in another language.
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
                    ? "1 branch of the mesh" : draft.branches + " branches of the mesh, not one repeater's subtree"),
                    "evidence.commsLost.noise", String.valueOf(draft.branches)));
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
        return new Evidence(windowText(window, opening, until), window.eventIds(), windowReason(window),
                windowValues(window, opening));
    }

    private String windowText(GatewayWindow window, SiteEvent opening, String until) {
        return switch (window.cause()) {
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
    }

    /**
     * The name of a stretch's sentence, such as {@code evidence.window.battery.closed}: each cause has one for a
     * stretch that ended and one for a stretch still open at the window's end; a reboot always ends, with its
     * downtime.
     */
    private static String windowReason(GatewayWindow window) {
        String name = switch (window.cause()) {
            case BACKHAUL -> "backhaul";
            case GATEWAY_FAULT -> "reboot";
            case RF_INTERFERENCE -> "noise";
            case BATTERY -> "battery";
            case GENERATOR -> "generator";
            case INVERTER -> "inverter";
            case LOAD_SHEDDING -> "shedding";
            default -> "other";
        };
        boolean ends = window.closed() || window.cause() == OutageCause.GATEWAY_FAULT;
        return "evidence.window." + name + (ends ? ".closed" : ".open");
    }

    /**
     * The values of a stretch's sentence: what the opening event reported (the noise's rise in dB and the meters
     * around it, the battery's charge, the inverter's reason, the feeders shed), then its start, and for a stretch
     * that ended its end and length.
     */
    private List<String> windowValues(GatewayWindow window, SiteEvent opening) {
        List<String> values = new ArrayList<>(switch (window.cause()) {
            case RF_INTERFERENCE -> List.of(orUnknown(opening.detail("riseDb")), orUnknown(opening.detail("meters")));
            case BATTERY -> List.of(orUnknown(opening.detail("stateOfChargePercent")));
            case INVERTER -> List.of(orUnknown(opening.detail("reason")));
            case LOAD_SHEDDING -> List.of(String.join(", ", new TreeSet<>(window.feeders())));
            case BACKHAUL, GATEWAY_FAULT, GENERATOR -> List.<String>of();
            default -> List.of(opening.kind().name());
        });
        values.add(Evidence.time(window.from(), input.zone()));
        if (window.cause() == OutageCause.GATEWAY_FAULT) {
            values.add(Evidence.duration(Duration.between(window.from(), window.to())));
        } else if (window.closed()) {
            values.add(Evidence.time(window.to(), input.zone()));
            values.add(Evidence.duration(Duration.between(window.from(), window.to())));
        }
        return values;
    }

    private Evidence meterLossesDuring(GatewayWindow window) {
        Set<String> lost = new TreeSet<>();
        input.events().stream().filter(e -> window.holds(e.at()))
                .filter(e -> e.kind() == EventKind.POWER_LOSS || e.kind() == EventKind.COMMS_LOSS)
                .forEach(e -> lost.add(e.source()));
        int kept = input.meterIds().size() - lost.size();
        if (lost.isEmpty()) {
            return Evidence.named("No meter lost power or comms meanwhile: the meters kept reporting to the gateway, "
                    + "only its uplink was down.", "evidence.backhaul.noneLost");
        }
        if (kept == 0) {
            return Evidence.named("Every meter lost power or comms meanwhile; those losses are outages of their own.",
                    "evidence.backhaul.allLost");
        }
        return Evidence.named(kept + " of " + input.meterIds().size() + " meters kept their power and comms "
                + "meanwhile; " + (lost.size() == 1 ? "the other's loss is an outage of its own."
                : "the others' losses are outages of their own."), "evidence.backhaul.someKept",
                String.valueOf(kept), String.valueOf(input.meterIds().size()), String.valueOf(lost.size()));
    }

    /** The evidence of lost supply: for a power outage, and for the plant's faults that cut meters. */
    private List<Evidence> supply(OutageDraft draft) {
        List<SiteEvent> lost = of(draft, EventKind.POWER_LOSS);
        if (lost.isEmpty()) {
            return List.of(Evidence.named("No meter lost power while it lasted.", "evidence.noPowerLost"));
        }
        List<Evidence> evidence = new ArrayList<>();
        long gasps = lost.stream().filter(e -> "true".equals(e.detail("lastGasp"))).count();
        Scope scope = scope(lost);
        List<String> values = new ArrayList<>(List.of(String.valueOf(count(lost)),
                Evidence.time(lost.get(0).at(), input.zone()), String.valueOf(gasps)));
        values.addAll(scope.values());
        evidence.add(new Evidence(meters(count(lost)) + " lost power from " + time(lost.get(0).at()) + ", "
                + gasps + " of them with a last gasp; " + scope.text() + ".", ids(lost),
                "evidence.powerLost." + scope.name(), values));
        evidence.add(commsLost(draft, "behind them in the mesh, with their power on", "evidence.commsLost.behind"));
        if (draft.cause == OutageCause.POWER) {
            evidence.add(Evidence.named("No inverter, battery, generator or load-shedding event explains it: the "
                    + "supply to these meters failed.", "evidence.supplyFailed"));
        }
        return evidence;
    }

    /**
     * Which meters lost power, as a part of a sentence: its English, the name that ends its sentence's name
     * ({@code site}, {@code unmapped}, {@code feederAll}, {@code feederSome}) and the values it adds.
     */
    private record Scope(String text, String name, List<String> values) {
    }

    private Scope scope(List<SiteEvent> lost) {
        Set<String> meters = new TreeSet<>();
        lost.forEach(e -> meters.add(e.source()));
        if (meters.size() == input.meterIds().size()) {
            return new Scope("that is every meter of the site", "site", List.of());
        }
        Set<String> feeders = new TreeSet<>();
        meters.forEach(m -> feeders.add(input.feederOf().getOrDefault(m, "no feeder")));
        long onThem = input.feederOf().values().stream().filter(feeders::contains).count();
        if (feeders.contains("no feeder")) {
            return new Scope("the site's meters are not mapped to feeders", "unmapped", List.of());
        }
        String names = String.join(", ", feeders);
        List<String> values = List.of(String.valueOf(onThem), names, String.valueOf(feeders.size()));
        return meters.size() == onThem
                ? new Scope("every one of the " + onThem + " meters of feeder " + names, "feederAll", values)
                : new Scope(meters.size() + " of the " + onThem + " meters of feeder " + names, "feederSome", values);
    }

    private List<Evidence> partition(OutageDraft draft) {
        List<Evidence> evidence = new ArrayList<>();
        List<SiteEvent> rootLoss = draft.events.stream().filter(e -> e.source().equals(draft.root))
                .filter(e -> e.kind() == EventKind.POWER_LOSS || e.kind() == EventKind.COMMS_LOSS).toList();
        evidence.add(new Evidence(draft.root + " went silent at " + time(draft.start) + ": it lost "
                + (draft.rootLostPower ? "power" : "its radio link while its power held") + ".", ids(rootLoss),
                draft.rootLostPower ? "evidence.partition.rootPower" : "evidence.partition.rootRadio",
                List.of(draft.root, Evidence.time(draft.start, input.zone()))));
        List<SiteEvent> behind = draft.events.stream().filter(e -> !e.source().equals(draft.root))
                .filter(e -> e.kind() == EventKind.COMMS_LOSS).toList();
        evidence.add(behind.isEmpty() ? Evidence.named(draft.root + " relayed for other meters when it went "
                + "silent; they found other routes or were dark already.", "evidence.partition.rerouted", draft.root)
                : new Evidence(meters(count(behind)) + " routing through " + draft.root + " lost comms with their "
                + "power on; none of them sent a last gasp.", ids(behind), "evidence.partition.behind",
                List.of(String.valueOf(count(behind)), draft.root)));
        return evidence;
    }

    private Evidence single(OutageDraft draft) {
        List<SiteEvent> lost = draft.events.stream()
                .filter(e -> e.kind() == EventKind.POWER_LOSS || e.kind() == EventKind.COMMS_LOSS).toList();
        String meter = draft.spans.get(0).meterId;
        String what = lost.stream().anyMatch(e -> e.kind() == EventKind.POWER_LOSS) ? "power" : "comms";
        return new Evidence(meter + " lost " + what + " alone at " + time(draft.start) + "; no other meter on its "
                + "feeder or behind it in the mesh did, and no gateway or plant event explains it.", ids(lost),
                "evidence.alone." + what, List.of(meter, Evidence.time(draft.start, input.zone())));
    }

    /** How many meters lost comms and how, in the sentence {@code reason}: their count, then {@code more}. */
    private Evidence commsLost(OutageDraft draft, String how, String reason, String... more) {
        List<SiteEvent> lost = of(draft, EventKind.COMMS_LOSS);
        if (lost.isEmpty()) {
            return draft.cause == OutageCause.RF_INTERFERENCE
                    ? Evidence.named("No meter lost comms in it.", "evidence.noCommsLost") : null;
        }
        long count = count(lost);
        List<String> values = new ArrayList<>(List.of(String.valueOf(count)));
        values.addAll(List.of(more));
        return new Evidence(meters(count) + " lost comms " + (count == 1 ? how.replace("their power", "its power")
                : how) + ".", ids(lost), reason, values);
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
        String text = meters(count(back)) + " came back" + last + (out == 0 ? "" : "; " + out
                + " were still out at the window's end") + ".";
        if (back.isEmpty()) {
            return new Evidence(text, List.of(), "evidence.back.none", List.of(String.valueOf(out)));
        }
        List<String> values = new ArrayList<>(List.of(String.valueOf(count(back)),
                Evidence.time(back.get(back.size() - 1).at(), input.zone())));
        if (out > 0) {
            values.add(String.valueOf(out));
        }
        return new Evidence(text, ids(back), out == 0 ? "evidence.back.all" : "evidence.back.some", values);
    }

    /** Why a dark branch under interference is still a failed repeater. */
    static Evidence partitionOverNoise(OutageDraft draft, boolean offGrid, boolean outlasted) {
        String why = draft.rootLostPower ? draft.root + " lost power, which noise does not cut"
                : offGrid ? "the branch went dark between the mesh's routing updates, as a failed radio does, "
                        + "while noise breaks links as the mesh re-routes"
                : outlasted ? draft.root + " stayed silent more than " + Diagnoser.NOISE_GRACE.toMinutes()
                        + " minutes after the noise ended" : "";
        String text = "Interference held at the time, but " + why + ": a failed repeater explains it better.";
        String grace = String.valueOf(Diagnoser.NOISE_GRACE.toMinutes());
        return draft.rootLostPower ? Evidence.named(text, "evidence.overNoise.rootPower", draft.root)
                : offGrid ? Evidence.named(text, "evidence.overNoise.offGrid")
                : Evidence.named(text, "evidence.overNoise.outlasted", draft.root, grace);
    }

    /** The two explanations of a dark branch under interference that nothing decides. */
    static List<Outage.Competing> partitionOrNoise(OutageDraft draft, ZoneId zone) {
        return List.of(
                new Outage.Competing(OutageCause.MESH_PARTITION, draft.root + " went silent and the meters routing"
                        + " through it lost comms with it, their power on.", "competing.partition",
                        List.of(draft.root)),
                new Outage.Competing(OutageCause.RF_INTERFERENCE, "The noise floor had risen around the site since "
                        + time(draft.interference.from(), zone) + ", and the branch went dark at a routing update, "
                        + "as noise makes it do.", "competing.noise",
                        List.of(Evidence.time(draft.interference.from(), zone))));
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

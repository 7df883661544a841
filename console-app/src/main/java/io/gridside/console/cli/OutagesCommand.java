package io.gridside.console.cli;

import io.gridside.console.service.EventHistory;
import io.gridside.console.service.GatewayOutages;
import io.gridside.link.client.GatewayClient;
import io.gridside.site.outage.Diagnoser;
import io.gridside.site.outage.Diagnosis;
import io.gridside.site.outage.DiagnosisInput;
import io.gridside.site.outage.Evidence;
import io.gridside.site.outage.MeterSpan;
import io.gridside.site.outage.Outage;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gridside connect ... outages}: finds the outages of a window of the gateway's history and says why each
 * happened, with its evidence.
 */
@Command(name = "outages", mixinStandardHelpOptions = true,
        description = {"Finds the outages of a window of the gateway's history and says why each happened: power, "
            + "backhaul, mesh partition, RF interference, gateway fault, the mini-grid's battery, inverter, "
            + "generator or load shedding, a single meter, or ambiguous. Reads the window's events (and a day "
            + "before it, to know who was already out), the roster with each meter's feeder and the mesh's routes.",
            "The JSON is an array of outages, by start, each with: id, cause (power, backhaul, mesh-partition, "
            + "rf-interference, gateway-fault, battery, inverter, generator, load-shedding, single-meter, "
            + "ambiguous), start and end (UTC instants; end is the window's end for an outage still under way), "
            + "durationSeconds, meters (how many), supplyLost (whether any customer lost power), feeders, spans "
            + "(meterId, from, to, supplyLost, restored), evidence (text, eventIds), competing (cause, why) and "
            + "eventIds (the gateway's numbers of the events it explains)."})
final class OutagesCommand implements Callable<Integer> {

    private static final DateTimeFormatter SITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @ParentCommand
    ConnectCommand connect;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--json", description = "Print a JSON array for programs.")
    boolean json;

    @Option(names = "--from", required = true, paramLabel = "WHEN", description = "The window's start, in the "
        + "site's time zone: a date (2026-06-03) or a date and time (2026-06-03T18:00), or an instant with an "
        + "offset or Z.")
    String from;

    @Option(names = "--to", paramLabel = "WHEN", description = {"The window's end, as --from; a date alone "
        + "includes that whole day. Default: the gateway's clock."})
    String to;

    /** One outage as the JSON output carries it; the field names are a contract with scripts. */
    record OutageJson(String id, String cause, Instant start, Instant end, long durationSeconds, int meters,
            boolean supplyLost, List<String> feeders, List<SpanJson> spans, List<EvidenceJson> evidence,
            List<CompetingJson> competing, List<Long> eventIds) {

        static OutageJson of(Outage outage) {
            return new OutageJson(outage.id(), outage.cause().code(), outage.start(), outage.end(),
                    outage.duration().toSeconds(), outage.meterCount(), outage.supplyLost(), outage.feeders(),
                    outage.spans().stream().map(SpanJson::of).toList(),
                    outage.evidence().stream().map(EvidenceJson::of).toList(),
                    outage.competing().stream().map(CompetingJson::of).toList(), outage.eventIds());
        }
    }

    /** One meter's time out: to is the window's end, and restored false, for a meter still out then. */
    record SpanJson(String meterId, Instant from, Instant to, boolean supplyLost, boolean restored) {

        static SpanJson of(MeterSpan span) {
            return new SpanJson(span.meterId(), span.from(), span.to(), span.supplyLost(), span.restored());
        }
    }

    /** One fact that decided the cause, with the gateway's numbers of the events that show it. */
    record EvidenceJson(String text, List<Long> eventIds) {

        static EvidenceJson of(Evidence evidence) {
            return new EvidenceJson(evidence.text(), evidence.eventIds());
        }
    }

    /** An explanation that fits an ambiguous outage, its cause as the {@code cause} field names causes. */
    record CompetingJson(String cause, String why) {

        static CompetingJson of(Outage.Competing competing) {
            return new CompetingJson(competing.cause().code(), competing.why());
        }
    }

    @Override
    public Integer call() throws Exception {
        Diagnosis diagnosis;
        ZoneId zone;
        Optional<String> warning;
        try (GatewayClient client = connect.open()) {
            zone = ZoneId.of(client.hello().timeZone());
            Instant start = SiteTimes.parse("--from", from, zone, true, false);
            // The gateway's clock, and a second past it, so that an event of this very second is read too.
            Instant end = to == null ? client.hello().clock().plusSeconds(1)
                    : SiteTimes.parse("--to", to, zone, true, true);
            if (!start.isBefore(end)) {
                throw new UsageException("--from must be before --to.");
            }
            DiagnosisInput input = GatewayOutages.input(client, start, end);
            diagnosis = Diagnoser.diagnose(input);
            warning = quietWarning(input, start, end, zone);
        }
        warning.ifPresent(text -> command.commandLine().getErr().println("Warning: " + text));
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            out.println(Json.write(diagnosis.outages().stream().map(OutageJson::of).toList()));
            return ExitCode.OK;
        }
        printTable(out, diagnosis, zone);
        warning.ifPresent(text -> out.println("Note: " + text));
        return ExitCode.OK;
    }

    /**
     * The warning for a window of which the gateway returned no event: no outage then means nothing is known, not
     * a perfect record. Says what the events read (the day before the window too) span, when they span anything.
     */
    static Optional<String> quietWarning(DiagnosisInput input, Instant from, Instant to, ZoneId zone) {
        if (input.events().stream().anyMatch(event -> !event.at().isBefore(from) && event.at().isBefore(to))) {
            return Optional.empty();
        }
        EventHistory read = EventHistory.of(input.events());
        String window = SITE_TIME.format(from.atZone(zone)) + " to " + SITE_TIME.format(to.atZone(zone));
        return Optional.of("The gateway returned no events for the window " + window
                + (read.isEmpty() ? "" : " (only the day before it, " + SITE_TIME.format(read.first().atZone(zone))
                        + " to " + SITE_TIME.format(read.last().atZone(zone)) + ")")
                + ": its history may not reach it, and no outage found says nothing about it.");
    }

    private static void printTable(PrintWriter out, Diagnosis diagnosis, ZoneId zone) {
        out.printf(Locale.ROOT, "Outages from %s to %s (%s): %d%n%n", SITE_TIME.format(diagnosis.from().atZone(zone)),
                SITE_TIME.format(diagnosis.to().atZone(zone)), zone.getId(), diagnosis.outages().size());
        out.printf("%-20s %-21s %-16s %-16s %6s %-10s %s%n", "id", "cause", "start", "end", "meters", "feeders",
                "evidence");
        for (Outage outage : diagnosis.outages()) {
            out.printf(Locale.ROOT, "%-20s %-21s %-16s %-16s %6d %-10s %s%n", outage.id(), outage.cause().label(),
                    SITE_TIME.format(outage.start().atZone(zone)), SITE_TIME.format(outage.end().atZone(zone)),
                    outage.meterCount(), outage.feeders().isEmpty() ? "-" : String.join(",", outage.feeders()),
                    firstLine(outage));
        }
    }

    /** The strongest evidence's first line, which is what a table has room for. */
    private static String firstLine(Outage outage) {
        return outage.evidence().isEmpty() ? "-" : outage.evidence().get(0).text().lines().findFirst().orElse("-");
    }
}

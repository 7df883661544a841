package io.gridside.console.cli;

import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.site.SiteEvent;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gridside connect ... events}: prints the gateway's event log, its own events and its meters'. */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Prints the gateway's event log: its own events and its meters', oldest first.")
final class EventsCommand implements Callable<Integer> {

    private static final DateTimeFormatter SITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @ParentCommand
    ConnectCommand connect;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--json", description = "Print a JSON array for programs.")
    boolean json;

    @Option(names = "--from", paramLabel = "WHEN", description = {"The first time to print, in the site's time "
        + "zone: a date (2026-06-03) or a date and time (2026-06-03T18:00), or an instant with an offset or Z.",
        "Default: the start of the log."})
    String from;

    @Option(names = "--to", paramLabel = "WHEN", description = {"The time to stop before, as --from; a date "
        + "alone includes that whole day. Default: the gateway's clock."})
    String to;

    /** One event as the JSON output carries it; the field names are a contract with scripts. */
    record EventJson(long id, Instant at, String source, String kind, Map<String, String> details,
            SiteEvent.Cause cause) {

        static EventJson of(SiteEvent event) {
            return new EventJson(event.id(), event.at(), event.source(),
                    event.kind().name().toLowerCase(Locale.ROOT), event.details(), event.cause());
        }
    }

    @Override
    public Integer call() throws Exception {
        List<SiteEvent> events = new ArrayList<>();
        ZoneId zone;
        try (GatewayClient client = connect.open()) {
            zone = ZoneId.of(client.hello().timeZone());
            Instant start = from == null ? Instant.EPOCH : SiteTimes.parse("--from", from, zone, true, false);
            // The gateway's clock, and a second past it, so that an event of this very second is printed too.
            Instant end = to == null ? client.hello().clock().plusSeconds(1)
                    : SiteTimes.parse("--to", to, zone, true, true);
            if (!start.isBefore(end)) {
                throw new UsageException("--from must be before --to.");
            }
            client.events(start, end, (batch, received, total) -> events.addAll(batch), CancelSignal.NEVER);
        }
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            out.println(Json.write(events.stream().map(EventJson::of).toList()));
            return ExitCode.OK;
        }
        out.printf("%-19s %-10s %-20s %-40s %s%n", "time (" + zone.getId() + ")", "source", "kind", "details",
                "cause");
        for (SiteEvent event : events) {
            out.printf(Locale.ROOT, "%-19s %-10s %-20s %-40s %s%n", SITE_TIME.format(event.at().atZone(zone)),
                    event.source(), event.kind().name().toLowerCase(Locale.ROOT), details(event), cause(event));
        }
        return ExitCode.OK;
    }

    private static String details(SiteEvent event) {
        return event.details().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    private static String cause(SiteEvent event) {
        SiteEvent.Cause cause = event.cause();
        return cause == null ? "-" : cause.scenario() + " step " + cause.step() + " (" + cause.kind() + ")";
    }
}

package io.gridside.console.cli;

import io.gridside.link.client.GatewayClient;
import io.gridside.site.TopologySnapshot;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gridside connect ... topology}: prints the mesh, every radio's route and every link measured both ways. */
@Command(name = "topology", mixinStandardHelpOptions = true,
        description = "Prints the mesh: each radio's route to the gateway, firmware and packets sent and forwarded in "
                + "the last hour ('-' where the gateway does not say), and each link with both directions' signal "
                + "(RSSI), packet success and ETX.")
final class TopologyCommand implements Callable<Integer> {

    private static final DateTimeFormatter SITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @ParentCommand
    ConnectCommand connect;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--json", description = "Print a JSON object for programs.")
    boolean json;

    @Option(names = "--at", paramLabel = "WHEN", description = {"Show the mesh as it stood then, in the site's time "
        + "zone: a date and time (2026-06-03T18:00), a date (its start), or an instant with an offset or Z.",
        "Default: the mesh as it stands now."})
    String at;

    /** The mesh as the JSON output carries it; the field names are a contract with scripts. */
    record TopologyJson(Instant at, String gatewayId, List<NodeJson> nodes, List<LinkJson> links) {

        static TopologyJson of(TopologySnapshot snapshot) {
            return new TopologyJson(snapshot.at(), snapshot.gatewayId(),
                    snapshot.nodes().stream().map(NodeJson::of).toList(),
                    snapshot.links().stream().map(LinkJson::of).toList());
        }
    }

    /**
     * One radio: where it stands, how it routes, what it runs and carries; hops and rank are -1 and parent null
     * without a route, firmware null and trafficPerHour -1 where the gateway does not say.
     */
    record NodeJson(String id, double latitude, double longitude, int hops, int rank, String parentId,
            List<String> alternates, String firmware, long trafficPerHour) {

        static NodeJson of(TopologySnapshot.Node node) {
            return new NodeJson(node.id(), node.latitude(), node.longitude(), node.hops(), node.rank(),
                    node.parentId(), node.alternates(), node.firmware(), node.trafficPerHour());
        }
    }

    /** One neighbour-table entry of {@code from}, with what each direction of the link carries. */
    record LinkJson(String from, String to, Direction forward, Direction reverse, double etx,
            long lastHeardAgeSeconds, boolean preferred) {

        static LinkJson of(TopologySnapshot.Link link) {
            return new LinkJson(link.from(), link.to(), new Direction(link.forwardRssiDbm(), link.forwardPsr()),
                    new Direction(link.reverseRssiDbm(), link.reversePsr()), link.etx(), link.lastHeardAgeSeconds(),
                    link.preferred());
        }
    }

    /** One direction of a link: forward is from {@code from} to {@code to}, reverse the way back. */
    record Direction(double rssiDbm, double packetSuccess) {
    }

    @Override
    public Integer call() throws Exception {
        TopologySnapshot snapshot;
        ZoneId zone;
        try (GatewayClient client = connect.open()) {
            zone = ZoneId.of(client.hello().timeZone());
            snapshot = client.topology(at == null ? null : SiteTimes.parse("--at", at, zone, true, false));
        }
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            out.println(Json.write(TopologyJson.of(snapshot)));
            return ExitCode.OK;
        }
        printTable(out, snapshot, zone);
        return ExitCode.OK;
    }

    static void printTable(PrintWriter out, TopologySnapshot snapshot, ZoneId zone) {
        long routed = snapshot.nodes().stream().filter(TopologySnapshot.Node::routed).count();
        out.printf(Locale.ROOT, "Mesh of gateway %s at %s (%s): %d radios, %d routed, %d links%n%n",
                snapshot.gatewayId(), SITE_TIME.format(snapshot.at().atZone(zone)), zone.getId(),
                snapshot.nodes().size(), routed, snapshot.links().size());

        out.printf("%-12s %4s %6s %-12s %10s %11s %-12s %9s  %s%n", "radio", "hops", "rank", "parent", "latitude",
                "longitude", "firmware", "traffic/h", "alternates");
        for (TopologySnapshot.Node node : snapshot.nodes()) {
            out.printf(Locale.ROOT, "%-12s %4s %6s %-12s %10.6f %11.6f %-12s %9s  %s%n", node.id(),
                    orDash(node.hops()), orDash(node.rank()), node.parentId() == null ? "-" : node.parentId(),
                    node.latitude(), node.longitude(), node.firmware() == null ? "-" : node.firmware(),
                    node.trafficKnown() ? Long.toString(node.trafficPerHour()) : "-",
                    node.alternates().isEmpty() ? "-" : String.join(",", node.alternates()));
        }

        out.printf("%nLinks: fwd is what 'to' receives of 'from', rev the way back; psr is packet success.%n");
        out.printf("%-12s %-12s %9s %9s %7s %7s %7s %6s  %s%n", "from", "to", "fwd dBm", "rev dBm", "fwd psr",
                "rev psr", "etx", "age s", "parent");
        for (TopologySnapshot.Link link : snapshot.links()) {
            out.printf(Locale.ROOT, "%-12s %-12s %9.1f %9.1f %7.3f %7.3f %7.2f %6s  %s%n", link.from(), link.to(),
                    link.forwardRssiDbm(), link.reverseRssiDbm(), link.forwardPsr(), link.reversePsr(), link.etx(),
                    link.lastHeardAgeSeconds() < 0 ? "never" : Long.toString(link.lastHeardAgeSeconds()),
                    link.preferred() ? "yes" : "-");
        }
    }

    private static String orDash(int value) {
        return value < 0 ? "-" : Integer.toString(value);
    }
}

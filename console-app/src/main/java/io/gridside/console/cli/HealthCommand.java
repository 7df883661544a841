package io.gridside.console.cli;

import io.gridside.link.client.GatewayClient;
import io.gridside.link.message.GatewayHealth;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gridside connect ... health}: prints what the gateway reports of its own health. */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = "Prints the gateway's own health: uptime, load, memory, queues, backhaul and clock, and its "
                + "meters' traffic in the last quarter hours.")
final class HealthCommand implements Callable<Integer> {

    @ParentCommand
    ConnectCommand connect;

    @Spec
    CommandSpec command;

    @Option(names = "--json", description = "Print JSON for programs.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (GatewayClient client = connect.open()) {
            print(describe(client.health()));
        }
        return ExitCode.OK;
    }

    /** The report's fields in the protocol's order and names, the backhaul in lower case like the others. */
    private static Map<String, Object> describe(GatewayHealth health) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("uptimeSeconds", health.uptimeSeconds());
        fields.put("loadPerMille", health.loadPerMille());
        fields.put("memoryUsedKib", health.memoryUsedKib());
        fields.put("memoryTotalKib", health.memoryTotalKib());
        fields.put("intakeQueueDepth", health.intakeQueueDepth());
        fields.put("meshQueueDepth", health.meshQueueDepth());
        fields.put("backhaul", health.backhaul().name().toLowerCase(Locale.ROOT));
        fields.put("signalDbm", health.signalDbm());
        fields.put("clockOffsetMillis", health.clockOffsetMillis());
        fields.put("gatewayClock", health.clock());
        fields.put("traffic", health.traffic());
        return fields;
    }

    private void print(Map<String, Object> fields) {
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            out.println(Json.write(fields));
            return;
        }
        fields.forEach((key, value) -> {
            if (value instanceof List<?> traffic) {
                out.printf("%-17s %s%n", key, traffic.isEmpty() ? "none"
                        : "per quarter hour, from when the meters sent, oldest first:");
                traffic.forEach(quarter -> out.println("  " + describe((GatewayHealth.Traffic) quarter)));
            } else {
                out.printf("%-17s %s%n", key, value == null ? "none" : value);
            }
        });
    }

    /** One quarter hour on one line: what was sent and arrived, the burst, the queues, losses and latency. */
    private static String describe(GatewayHealth.Traffic quarter) {
        String deepest = quarter.deepestMeshNode() == null ? "" : " at " + quarter.deepestMeshNode();
        return String.format(Locale.ROOT, "%s  sent %d  arrived %d  burst %d/10s  intake peak %d  mesh queue %d%s"
                + "  dropped %d mesh %d intake  retries %d  holds %d  latency %d/%d ms",
                quarter.opening(), quarter.sent(), quarter.arrived(), quarter.burstPer10s(),
                quarter.peakIntakeDepth(), quarter.deepestMeshQueue(), deepest, quarter.meshDropped(),
                quarter.intakeDropped(), quarter.retries(), quarter.holds(), quarter.medianLatencyMillis(),
                quarter.worstLatencyMillis());
    }
}

package io.gridside.console.cli;

import io.gridside.link.client.GatewayClient;
import io.gridside.link.message.GatewayHealth;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
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
        description = "Prints the gateway's own health: uptime, load, memory, queue, backhaul and clock.")
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
        fields.put("backhaul", health.backhaul().name().toLowerCase(Locale.ROOT));
        fields.put("signalDbm", health.signalDbm());
        fields.put("clockOffsetMillis", health.clockOffsetMillis());
        fields.put("gatewayClock", health.clock());
        return fields;
    }

    private void print(Map<String, Object> fields) {
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            out.println(Json.write(fields));
            return;
        }
        fields.forEach((key, value) -> out.printf("%-17s %s%n", key, value == null ? "none" : value));
    }
}

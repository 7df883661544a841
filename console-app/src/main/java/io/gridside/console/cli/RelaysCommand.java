package io.gridside.console.cli;

import io.gridside.console.Formats;
import io.gridside.link.client.GatewayClient;
import io.gridside.site.RelayCommand;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gridside connect ... relays}: the relay commands the gateway has not settled, or with {@code --all} each
 * meter's latest command, settled ones included.
 */
@Command(name = "relays", mixinStandardHelpOptions = true,
        description = {"Lists the relay commands the gateway is still working on: waiting for a meter off the "
                + "mesh, reading a relay back, or failed for a round.",
            "A command sent without an acknowledgement is read back before it is sent again."})
final class RelaysCommand implements Callable<Integer> {

    private static final String ROW = "%-12s %-12s %-4s %-22s %5s %10s %5s  %-22s %-22s %s%n";

    @ParentCommand
    ConnectCommand connect;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--all", description = "List each meter's latest command, settled ones too.")
    boolean all;

    @Option(names = "--json", description = "Print JSON for programs.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<RelayCommand> commands;
        ZoneId zone;
        try (GatewayClient client = connect.open()) {
            commands = client.billing().relayCommands();
            zone = ZoneId.of(client.hello().timeZone());
        }
        List<RelayCommand> shown = all ? commands
                : commands.stream().filter(c -> c.status().outstanding()).toList();
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            shown.forEach(c -> rows.add(fields(c)));
            out.println(Json.write(rows));
            return ExitCode.OK;
        }
        long outstanding = commands.stream().filter(c -> c.status().outstanding()).count();
        out.printf("%d of %d meters' latest relay commands are outstanding%s.%n", outstanding, commands.size(),
                all ? "" : " (--all lists the settled ones too)");
        if (!shown.isEmpty()) {
            out.printf(ROW, "METER", "CUSTOMER", "WANT", "STATUS", "SENDS", "READ-BACKS", "ROUND", "ISSUED",
                    "NEXT ATTEMPT", "REASON");
        }
        for (RelayCommand c : shown) {
            out.printf(ROW, c.meterId(), c.customerId(), c.wanted(), c.status(), c.sends(), c.readBacks(),
                    c.round(), Formats.siteTime(c.issuedAt(), zone), Formats.siteTime(c.nextAttemptAt(), zone),
                    c.reason());
        }
        return ExitCode.OK;
    }

    private static Map<String, Object> fields(RelayCommand c) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("commandId", c.commandId());
        fields.put("meterId", c.meterId());
        fields.put("customerId", c.customerId());
        fields.put("wanted", c.wanted().name());
        fields.put("status", c.status().name());
        fields.put("sends", c.sends());
        fields.put("readBacks", c.readBacks());
        fields.put("round", c.round());
        fields.put("issuedAt", c.issuedAt());
        fields.put("lastAttemptAt", c.lastAttemptAt());
        fields.put("nextAttemptAt", c.nextAttemptAt());
        fields.put("reason", c.reason());
        return fields;
    }
}

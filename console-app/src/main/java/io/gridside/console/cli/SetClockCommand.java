package io.gridside.console.cli;

import io.gridside.link.client.GatewayClient;
import io.gridside.link.message.ClockSet;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gridside connect ... set-clock}: sets the gateway's clock, which only a supervisor may do. */
@Command(name = "set-clock", mixinStandardHelpOptions = true,
        description = {"Sets the gateway's clock (a supervisor's credential only).",
            "The gateway checks credentials and bills by its clock, so set it with care."})
final class SetClockCommand implements Callable<Integer> {

    @ParentCommand
    ConnectCommand connect;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--to", paramLabel = "DATE-TIME",
            description = {"The time to set: 2026-06-03T09:30 in the site's time zone, or with an offset or Z "
                + "(default: this laptop's clock now)."})
    String to;

    @Option(names = "--json", description = "Print JSON for programs.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ClockSet set;
        try (GatewayClient client = connect.open()) {
            set = client.setClock(target(ZoneId.of(client.hello().timeZone())));
        }
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("previous", set.previous());
            fields.put("clock", set.clock());
            out.println(Json.write(fields));
        } else {
            out.printf("The gateway's clock read %s and now reads %s.%n",
                    set.previous().truncatedTo(ChronoUnit.SECONDS), set.clock().truncatedTo(ChronoUnit.SECONDS));
        }
        return ExitCode.OK;
    }

    private Instant target(ZoneId siteZone) {
        if (to == null) {
            return Instant.now();
        }
        return SiteTimes.parse("--to", to, siteZone, false, false);
    }
}

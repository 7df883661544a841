package io.gridside.console.cli;

import io.gridside.console.service.AppDirs;
import io.gridside.console.service.SerialPorts;
import io.gridside.console.service.Settings;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gridside ports}: lists the serial ports and which of them look like a gateway. */
@Command(name = "ports", mixinStandardHelpOptions = true,
        description = {"Lists the serial ports with their USB ids and marks those that look like a gateway.",
            "A port looks like one when its USB id is in the setting serial.gatewayUsbIds (default 0525:a4a7)",
            "or it is a simulated gateway's pseudo-terminal; 'connect --serial' needs --force for any other."})
final class PortsCommand implements Callable<Integer> {

    private static final String ROW = "%-22s %-11s %-11s %s%n";

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--json", description = "Print a JSON array for programs.")
    boolean json;

    /** One port as the JSON output carries it; the field names are a contract with scripts. */
    record PortJson(String device, String description, String usbId, String kind, boolean looksLikeGateway,
            String gatewayId) {

        static PortJson of(SerialPorts.Port port) {
            return new PortJson(port.device(), port.description(),
                    port.usbId() == null ? null : port.usbId().toString(), kindName(port.kind()),
                    port.looksLikeGateway(), port.gatewayId());
        }
    }

    @Override
    public Integer call() {
        AppDirs dirs = AppDirs.forCurrentUser();
        List<SerialPorts.Port> ports = SerialPorts.forUser(dirs, Settings.load(dirs)).scan();
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            out.println(Json.write(ports.stream().map(PortJson::of).toList()));
            return ExitCode.OK;
        }
        printTable(ports, out);
        return ExitCode.OK;
    }

    /** The ports as a table under a line of column names, or a sentence when there are none. */
    static void printTable(List<SerialPorts.Port> ports, PrintWriter out) {
        if (ports.isEmpty()) {
            out.println("No serial port found: plug the gateway's USB cable in, or start 'gridside sim --serial'.");
            return;
        }
        out.printf(ROW, "DEVICE", "USB ID", "KIND", "DESCRIPTION");
        for (SerialPorts.Port port : ports) {
            out.printf(ROW, port.device(), port.usbId() == null ? "-" : port.usbId(), kindName(port.kind()),
                    port.description());
        }
    }

    private static String kindName(SerialPorts.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

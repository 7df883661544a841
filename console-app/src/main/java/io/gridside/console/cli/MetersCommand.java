package io.gridside.console.cli;

import io.gridside.link.client.GatewayClient;
import io.gridside.site.Currencies;
import io.gridside.site.MeterStatus;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gridside connect ... meters}: prints every meter's balance, last reading, signal and relay. */
@Command(name = "meters", mixinStandardHelpOptions = true, description = "Prints the gateway's meters.")
final class MetersCommand implements Callable<Integer> {

    @ParentCommand
    ConnectCommand connect;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    private static final java.time.format.DateTimeFormatter SITE_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Option(names = "--json", description = "Print a JSON array for programs.")
    boolean json;

    /** One meter as the JSON output carries it; the field names are a contract with scripts. */
    record MeterJson(String meterId, String customerId, String customerName, long balanceMinor, String currency,
            Instant lastReadingAt, long registerWh, int rssiDbm, String parentId, String relay, String creditState) {

        static MeterJson of(MeterStatus s) {
            return new MeterJson(s.meterId(), s.customerId(), s.customerName(), s.balanceMinor(), s.currency(),
                    s.lastReadingAt(), s.registerWh(), s.rssiDbm(), s.parentId(),
                    s.relay().name().toLowerCase(Locale.ROOT), s.creditState().name().toLowerCase(Locale.ROOT));
        }
    }

    @Override
    public Integer call() throws Exception {
        List<MeterStatus> meters;
        java.time.ZoneId zone;
        try (GatewayClient client = connect.open()) {
            meters = client.meterStatus();
            zone = java.time.ZoneId.of(client.hello().timeZone());
        }
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            List<MeterJson> rows = new ArrayList<>();
            meters.forEach(m -> rows.add(MeterJson.of(m)));
            out.println(Json.write(rows));
            return ExitCode.OK;
        }
        out.printf("%-8s %-8s %-26s %12s %-4s %6s %-5s %s%n", "meter", "customer", "name", "balance", "cur",
                "rssi", "relay", "last reading (site time, " + zone.getId() + ")");
        for (MeterStatus m : meters) {
            out.printf(Locale.ROOT, "%-8s %-8s %-26.26s %12s %-4s %6d %-5s %s%n", m.meterId(), m.customerId(),
                    m.customerName(), Currencies.toDecimal(m.balanceMinor(), m.currency()).toPlainString(),
                    m.currency(), m.rssiDbm(), m.relay().name().toLowerCase(Locale.ROOT),
                    m.lastReadingAt() == null ? "-" : SITE_TIME.format(m.lastReadingAt().atZone(zone)));
        }
        return ExitCode.OK;
    }
}

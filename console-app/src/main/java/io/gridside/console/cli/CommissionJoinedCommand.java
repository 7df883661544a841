package io.gridside.console.cli;

import io.gridside.site.commission.Assignment;
import io.gridside.site.commission.JoinedMeter;
import io.gridside.site.commission.LinkCheck;
import io.gridside.site.store.CommissionRecords;
import io.gridside.site.store.SiteStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridside commission joined}: the meters that joined the mesh as the site database last heard of them, with
 * their position and signal, the customer each went to and its last link check.
 */
@Command(name = "joined", mixinStandardHelpOptions = true,
        description = {"Lists the meters that joined the mesh, as the site database last heard of them from the "
            + "gateway: serial, phases, position, signal both ways, ETX, routes, the customer each went to and "
            + "its last link check."})
final class CommissionJoinedCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Mixin
    CommissionSite site;

    @Option(names = "--json", description = "Print the meters as JSON.")
    boolean json;

    /** One meter as the JSON output carries it: the field names are a contract with scripts. */
    record JoinedJson(JoinedMeter meter, String customerId, String link) {
    }

    @Override
    public Integer call() {
        try (SiteStore store = site.open()) {
            CommissionRecords records = store.commission();
            Map<String, String> customerOf = records.assignments().stream()
                    .collect(Collectors.toMap(Assignment::meterId, Assignment::customerId));
            Map<String, String> linkOf = records.linkChecks().stream()
                    .collect(Collectors.toMap(LinkCheck::meterId, check -> check.verdict().name()));
            List<JoinedJson> meters = records.joined().stream()
                    .map(meter -> new JoinedJson(meter, customerOf.get(meter.meterId()), linkOf.get(meter.meterId())))
                    .toList();
            print(meters);
        }
        return ExitCode.OK;
    }

    private void print(List<JoinedJson> meters) {
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            out.println(Json.write(meters));
            return;
        }
        out.printf("%-12s %6s %22s %8s %8s %5s %6s  %-10s %s%n", "serial", "phases", "position", "up dBm",
                "down dBm", "ETX", "routes", "customer", "link");
        for (JoinedJson row : meters) {
            JoinedMeter meter = row.meter();
            String position = String.format(Locale.ROOT, "%.6f,%.6f", meter.latitude(), meter.longitude());
            out.printf(Locale.ROOT, "%-12s %6d %22s %8.1f %8.1f %5.2f %6d  %-10s %s%n", meter.meterId(),
                    meter.phases(), position, meter.upRssiDbm(), meter.downRssiDbm(),
                    meter.etx(), meter.routes(), row.customerId() == null ? "-" : row.customerId(),
                    row.link() == null ? "not checked" : row.link().toLowerCase(Locale.ROOT));
        }
        out.printf("%d meters joined; %d given to a customer.%n", meters.size(),
                meters.stream().filter(row -> row.customerId() != null).count());
    }
}

package io.gridside.console.cli;

import io.gridside.site.Reading;
import io.gridside.site.SiteInfo;
import io.gridside.site.TopologySnapshot;
import io.gridside.site.history.MeshDay;
import io.gridside.site.store.SiteStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridside topology --site FILE --at WHEN}: prints the mesh as the site database's history by day has it,
 * offline: every radio's route and the links in use with their quality then.
 */
@Command(name = "topology", mixinStandardHelpOptions = true,
        description = {"Prints the mesh as a site database holds it, without a gateway: each radio's route and the "
            + "links in use then, with both directions' signal, packet success and ETX.",
            "Each radio's firmware and traffic show at the moment of a snapshot pulled with the history (the "
                + "quarter hour of the pull); at other moments they show as '-'.",
            "The database holds the days pulled from a gateway that keeps history by day; 'connect ... topology' "
                + "asks the gateway itself and lists every link."})
final class StoredTopologyCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--site", paramLabel = "FILE", required = true, description = "The site database file.")
    Path siteFile;

    @Option(names = "--at", paramLabel = "WHEN", required = true, description = "The time, in the site's time "
        + "zone: a date and time (2026-06-03T18:00), a date (its start), or an instant with an offset or Z.")
    String at;

    @Option(names = "--json", description = "Print a JSON object for programs, as 'connect ... topology' does.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        try (SiteStore store = SiteFiles.openExisting(siteFile)) {
            Optional<SiteInfo> site = store.site();
            if (site.isEmpty()) {
                throw SiteFiles.noSite(siteFile);
            }
            Instant when = SiteTimes.parse("--at", at, site.get().zone(), true, false);
            ZoneId zone = site.get().zone();
            Optional<MeshDay> day = store.meshDayAt(when)
                    .or(() -> store.meshDay(when.atZone(zone).toLocalDate()));
            if (day.isEmpty() || when.isBefore(day.get().start().at())) {
                String held = day.map(d -> "; it holds that day's mesh from " + local(d.start().at(), zone)).orElse(
                        "; pull that day from the gateway first");
                command.commandLine().getErr().println("gridside: The site database " + siteFile + " holds no mesh "
                        + "history of " + local(when, zone) + held + ". [NO_HISTORY]");
                return ExitCode.FAILED;
            }
            TopologySnapshot mesh = withRadioFactsPulled(store, day.get().meshAt(when));
            if (when.isAfter(day.get().lastAt().plus(Reading.INTERVAL))) {
                command.commandLine().getErr().println("gridside: The history held ends at "
                        + local(day.get().lastAt(), zone) + "; this is the mesh as it stood then.");
            }
            if (json) {
                out.println(Json.write(TopologyCommand.TopologyJson.of(mesh)));
            } else {
                TopologyCommand.printTable(out, mesh, zone);
            }
        }
        return ExitCode.OK;
    }

    /**
     * The mesh with each radio's firmware and traffic from the snapshot pulled at the same moment, which a pull
     * stores beside the day's history; the history by day does not carry them, so at any other moment they stay
     * unknown.
     */
    private static TopologySnapshot withRadioFactsPulled(SiteStore store, TopologySnapshot mesh) {
        return store.topologyNearest(mesh.at()).filter(pulled -> pulled.at().equals(mesh.at()))
                .map(mesh::withRadioFactsOf).orElse(mesh);
    }

    private static String local(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDateTime().toString().replace('T', ' ');
    }
}

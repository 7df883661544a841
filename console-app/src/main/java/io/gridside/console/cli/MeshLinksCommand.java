package io.gridside.console.cli;

import io.gridside.console.service.MeshHistory;
import io.gridside.site.SiteInfo;
import io.gridside.site.mesh.LinkFinding;
import io.gridside.site.mesh.LinkQuality;
import io.gridside.site.mesh.MeshGraph;
import io.gridside.site.mesh.OneWayLinks;
import io.gridside.site.mesh.SingleRouteMeters;
import io.gridside.site.mesh.SingleRouteMeters.SingleRoute;
import io.gridside.site.mesh.WeakLinks;
import io.gridside.site.store.SiteStore;
import io.gridside.site.store.StoreException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gridside mesh ... links}: weak links, one-way links and meters with a single route. */
@Command(name = "links", mixinStandardHelpOptions = true,
        description = {"Lists the weak links on the mesh's routes (a direction below -94 dBm or 80 %% packet "
            + "success, or an ETX above 2.5), its one-way links (one direction usable and the other not, or 10 dB "
            + "or more between them), and the meters with a single neighbour they can send through.",
            "Each link is a meter's neighbour-table entry: forward is what the neighbour receives of the meter, "
                + "reverse what the meter receives of the neighbour. Only links to a meter's preferred or "
                + "alternate parents are listed; links known only from the past are left out."})
final class MeshLinksCommand implements Callable<Integer> {

    @ParentCommand
    MeshCommand mesh;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Mixin
    MeshOptions own;

    /**
     * The answer as JSON carries it; the field names are a contract with scripts. {@code tablesAt} is when the
     * neighbour tables were last seen whole: before {@code at} when its routes come from the history between pulls.
     */
    record LinksJson(Instant at, Instant tablesAt, List<LinkFinding> weak, List<LinkFinding> oneWay,
            List<SingleRoute> singleRoute) {
    }

    @Override
    public Integer call() {
        MeshOptions options = own.or(mesh.options);
        try (SiteStore store = SiteFiles.openExisting(options.requireSite())) {
            SiteInfo site = MeshCommand.siteOf(store, options);
            MeshHistory.Moment moment = StoredMesh.moment(store, options.siteFile, site, options.at,
                    command.commandLine().getErr());
            MeshGraph graph = moment.graph();
            LinksJson links = new LinksJson(graph.at(), moment.tablesAt(),
                    WeakLinks.find(graph, LinkQuality.DEFAULTS),
                    OneWayLinks.find(graph, LinkQuality.DEFAULTS), SingleRouteMeters.find(graph, LinkQuality.DEFAULTS));
            PrintWriter out = command.commandLine().getOut();
            if (options.json) {
                out.println(Json.write(links));
            } else {
                out.println("The mesh at " + StoredMesh.local(graph.at(), site.zone()) + " (" + site.zone() + "), "
                        + (graph.nodeCount() - 1) + " meters.");
                printLinks(out, "weak links", links.weak());
                printLinks(out, "one-way links", links.oneWay());
                printSingleRoutes(out, links.singleRoute());
            }
        } catch (StoreException e) {
            throw SiteFiles.damaged(options.siteFile, e);
        }
        return ExitCode.OK;
    }

    private static void printLinks(PrintWriter out, String what, List<LinkFinding> findings) {
        out.println();
        out.println(findings.size() + " " + what + (findings.isEmpty() ? "." : ":"));
        if (findings.isEmpty()) {
            return;
        }
        TextTable table = new TextTable(3, "FROM", "TO", "WHY", "FWD dBm", "REV dBm", "FWD PSR", "REV PSR", "ETX",
                "AGE s");
        for (LinkFinding f : findings) {
            table.add(List.of(f.from(), f.to(), f.reason(), decimal(f.forwardRssiDbm(), 1),
                    decimal(f.reverseRssiDbm(), 1), decimal(f.forwardPsr(), 2), decimal(f.reversePsr(), 2),
                    decimal(f.etx(), 2), Long.toString(f.ageSeconds())));
        }
        table.print(out);
    }

    private static void printSingleRoutes(PrintWriter out, List<SingleRoute> routes) {
        out.println();
        out.println(routes.size() + (routes.size() == 1 ? " meter" : " meters") + " with a single route"
                + (routes.isEmpty() ? "." : ":"));
        if (routes.isEmpty()) {
            return;
        }
        TextTable table = new TextTable(2, "METER", "ONLY THROUGH");
        routes.forEach(route -> table.add(List.of(route.meterId(), route.onlyNeighbourId())));
        table.print(out);
    }

    private static String decimal(double value, int places) {
        return String.format(Locale.ROOT, "%." + places + "f", value);
    }
}

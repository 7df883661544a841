package io.gridside.console.cli;

import io.gridside.console.service.Amounts;
import io.gridside.console.service.DailyRevenue;
import io.gridside.console.service.MeshHistory;
import io.gridside.site.Meter;
import io.gridside.site.SiteInfo;
import io.gridside.site.mesh.LinkQuality;
import io.gridside.site.mesh.MeshGraph;
import io.gridside.site.mesh.SinglePointsOfFailure;
import io.gridside.site.mesh.SinglePointsOfFailure.PointOfFailure;
import io.gridside.site.store.SiteStore;
import io.gridside.site.store.StoreException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gridside mesh ... spof}: the meters whose loss would cut others off, with what each cut would cost. */
@Command(name = "spof", mixinStandardHelpOptions = true,
        description = {"Lists the meters whose loss would cut other meters off from the gateway, the largest cut "
            + "first, with how many customers and how much daily revenue each would cut off.",
            "Computed on the links a meter can send through and hear acknowledgements from now (radio links are "
                + "not symmetric); meters already without such a route are listed apart. Daily revenue is each "
                + "customer's average charge a day over the last 7 full site days of the ledger held."})
final class MeshSpofCommand implements Callable<Integer> {

    /** How many of a cut's meters the table names before it says how many more. */
    private static final int NAMED = 4;

    @ParentCommand
    MeshCommand mesh;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Mixin
    MeshOptions own;

    /**
     * The answer as JSON carries it; amounts in minor units of the currency; the field names are a contract.
     * {@code tablesAt} is when the neighbour tables were last seen whole, before {@code at} between pulls.
     */
    record SpofJson(Instant at, Instant tablesAt, String currency, LocalDate revenueFirstDay, LocalDate revenueLastDay,
            List<PointOfFailure> points, List<String> unreachable) {
    }

    @Override
    public Integer call() {
        MeshOptions options = own.or(mesh.options);
        try (SiteStore store = SiteFiles.openExisting(options.requireSite())) {
            SiteInfo site = MeshCommand.siteOf(store, options);
            MeshHistory.Moment moment = StoredMesh.moment(store, options.siteFile, site, options.at,
                    command.commandLine().getErr());
            MeshGraph graph = moment.graph();
            Optional<DailyRevenue> revenue = DailyRevenue.of(store.ledger(), site.zone(), graph.at());
            Map<String, String> customerOfMeter = customers(store.meters());
            List<PointOfFailure> points = SinglePointsOfFailure.find(graph, LinkQuality.DEFAULTS, customerOfMeter,
                    revenue.map(DailyRevenue::averageMinorOfCustomer).orElse(Map.of()));
            List<String> unreachable = SinglePointsOfFailure.unreachable(graph, LinkQuality.DEFAULTS);
            PrintWriter out = command.commandLine().getOut();
            if (options.json) {
                out.println(Json.write(new SpofJson(graph.at(), moment.tablesAt(), site.currency(),
                        revenue.map(DailyRevenue::firstDay).orElse(null),
                        revenue.map(DailyRevenue::lastDay).orElse(null), points, unreachable)));
            } else {
                print(out, site, graph, points, unreachable, revenue);
            }
        } catch (StoreException e) {
            throw SiteFiles.damaged(options.siteFile, e);
        }
        return ExitCode.OK;
    }

    private static void print(PrintWriter out, SiteInfo site, MeshGraph graph, List<PointOfFailure> points,
            List<String> unreachable, Optional<DailyRevenue> revenue) {
        out.println("The mesh at " + StoredMesh.local(graph.at(), site.zone()) + " (" + site.zone() + "), "
                + (graph.nodeCount() - 1) + " meters.");
        if (points.isEmpty()) {
            out.println("No meter's loss would cut another off from the gateway.");
        } else {
            TextTable table = new TextTable(1, "METER", "CUTS OFF", "CUSTOMERS", "DAILY REVENUE", "METERS CUT OFF");
            for (PointOfFailure point : points) {
                table.add(List.of(point.meterId(), Integer.toString(point.cutOff().size()),
                        Integer.toString(point.customers()), Amounts.money(point.dailyRevenueMinor(), site.currency()),
                        named(point.cutOff())));
            }
            table.print(out);
        }
        if (!unreachable.isEmpty()) {
            out.println(unreachable.size() + " meters have no usable route to the gateway already: "
                    + named(unreachable) + ".");
        }
        out.println(revenue.map(r -> "Daily revenue: each customer's average charge a day from " + r.firstDay()
                + " to " + r.lastDay() + " (" + r.days() + (r.days() == 1 ? " day)." : " days)."))
                .orElse("Daily revenue: the ledger held has no full site day before this mesh, so it counts 0."));
    }

    private static String named(List<String> meters) {
        String first = String.join(", ", meters.subList(0, Math.min(NAMED, meters.size())));
        return meters.size() > NAMED ? first + " and " + (meters.size() - NAMED) + " more" : first;
    }

    /** Each meter's customer, as the roster has it. */
    static Map<String, String> customers(List<Meter> meters) {
        Map<String, String> customers = new HashMap<>();
        meters.forEach(meter -> customers.put(meter.meterId(), meter.customerId()));
        return customers;
    }
}

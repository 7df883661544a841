package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.console.service.DailyRevenue;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.site.Meter;
import io.gridside.site.SiteInfo;
import io.gridside.site.TopologySnapshot;
import io.gridside.site.mesh.LinkQuality;
import io.gridside.site.mesh.MeshGraph;
import io.gridside.site.mesh.SingleRouteMeters;
import io.gridside.site.mesh.SinglePointsOfFailure;
import io.gridside.site.mesh.WeakLinks;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code gridside mesh} on the database of a pulled simulated site: the mesh's answers offline, and its files. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class MeshCommandTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final int METERS = 60;

    @TempDir
    static Path home;

    private static CommandSite fixture;
    private static Path database;

    @BeforeAll
    static void pullSite() throws IOException {
        fixture = CommandSite.start(home, NOW, () ->
                SimulatedSite.start(new SiteSpec(METERS, 42, 2, NOW), SimClock.manual(NOW)));
        database = home.resolve("mesh.db");
        CommandRun pull = CommandRun.of("connect", "--tcp", fixture.tcp(), "--credential", fixture.supervisor(),
                "audit", "--site", database.toString());
        assertThat(pull.exitCode()).as(pull.err()).isZero();
    }

    @AfterAll
    static void stopSite() {
        fixture.close();
    }

    @Test
    void spofListsWhatEachCutCostsAsTheLedgerAndRosterSay() throws IOException {
        CommandRun run = CommandRun.of("mesh", "--site", database.toString(), "spof", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        Expected expected = expected(null);
        assertThat(json.get("currency").asText()).isEqualTo(expected.site.currency());
        assertThat(json.get("revenueLastDay").asText()).isEqualTo(expected.revenue.lastDay().toString());
        assertThat(json.get("points")).hasSize(expected.points.size());
        for (int i = 0; i < expected.points.size(); i++) {
            SinglePointsOfFailure.PointOfFailure point = expected.points.get(i);
            JsonNode row = json.get("points").get(i);
            assertThat(row.get("meterId").asText()).isEqualTo(point.meterId());
            List<String> cutOff = new ArrayList<>();
            row.get("cutOff").forEach(meter -> cutOff.add(meter.asText()));
            assertThat(cutOff).isEqualTo(point.cutOff());
            Set<String> customers = new HashSet<>();
            cutOff.forEach(meter -> customers.add(expected.customerOfMeter.get(meter)));
            long revenue = customers.stream()
                    .mapToLong(c -> expected.revenue.averageMinorOfCustomer().getOrDefault(c, 0L)).sum();
            assertThat(row.get("customers").asInt()).isEqualTo(customers.size());
            assertThat(row.get("dailyRevenueMinor").asLong()).isEqualTo(revenue);
        }
        assertThat(expected.revenue.averageMinorOfCustomer()).isNotEmpty();
    }

    @Test
    void aChainOfRelaysInTheLatestSnapshotCutsOffTheMetersBehindItWithTheirCustomersRevenue() throws IOException {
        Path chained = home.resolve("chained.db");
        Files.copy(database, chained);
        List<String> meters;
        DailyRevenue revenue;
        Map<String, String> customers = new HashMap<>();
        try (SiteStore store = SiteStore.openExisting(chained)) {
            meters = store.meters().stream().map(Meter::meterId).sorted().toList();
            store.meters().forEach(meter -> customers.put(meter.meterId(), meter.customerId()));
            TopologySnapshot latest = store.topologyNearest(NOW.plusSeconds(86_400)).orElseThrow();
            store.insertTopology(chain(latest, meters));
            revenue = DailyRevenue.of(store.ledger(), store.site().orElseThrow().zone(), NOW).orElseThrow();
        }

        CommandRun run = CommandRun.of("mesh", "--site", chained.toString(), "spof", "--json");
        CommandRun table = CommandRun.of("mesh", "--site", chained.toString(), "spof");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("points")).hasSize(2);
        assertThat(json.get("points").get(0).get("meterId").asText()).isEqualTo(meters.get(0));
        assertThat(json.get("points").get(0).get("cutOff")).extracting(JsonNode::asText)
                .containsExactly(meters.get(1), meters.get(2));
        long behindFirst = Set.of(customers.get(meters.get(1)), customers.get(meters.get(2))).stream()
                .mapToLong(c -> revenue.averageMinorOfCustomer().getOrDefault(c, 0L)).sum();
        assertThat(json.get("points").get(0).get("dailyRevenueMinor").asLong()).isEqualTo(behindFirst)
                .isPositive();
        assertThat(json.get("points").get(1).get("meterId").asText()).isEqualTo(meters.get(1));
        assertThat(json.get("unreachable")).extracting(JsonNode::asText).containsExactly(meters.get(3));
        assertThat(table.out()).contains(meters.get(0), "1 meters have no usable route to the gateway already: "
                + meters.get(3));
    }

    /**
     * The latest mesh redrawn with a chain: the first meter hears only the gateway, the second only the first, the
     * third only the second, the fourth nothing usable, and every other meter the gateway directly.
     */
    private static TopologySnapshot chain(TopologySnapshot latest, List<String> meters) {
        String gateway = latest.gatewayId();
        List<TopologySnapshot.Link> links = new ArrayList<>();
        links.add(good(meters.get(0), gateway));
        links.add(good(meters.get(1), meters.get(0)));
        links.add(good(meters.get(2), meters.get(1)));
        links.add(new TopologySnapshot.Link(meters.get(3), gateway, -106, -104, 0.2, 0.3, 16.7, 30, false));
        meters.subList(4, meters.size()).forEach(meter -> links.add(good(meter, gateway)));
        return new TopologySnapshot(latest.at().plusSeconds(60), gateway, latest.nodes(), links);
    }

    private static TopologySnapshot.Link good(String from, String to) {
        return new TopologySnapshot.Link(from, to, -70, -72, 0.99, 0.98, 1.03, 10, true);
    }

    @Test
    void spofPrintsATableWithTheSitesMoneyAndTheDaysAveraged() {
        CommandRun run = CommandRun.of("mesh", "spof", "--site", database.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Expected expected = expected(null);
        assertThat(run.out()).contains("The mesh at ", METERS + " meters", "Daily revenue: each customer's average");
        if (!expected.points.isEmpty()) {
            assertThat(run.out()).contains("METER", "CUTS OFF", expected.points.get(0).meterId(),
                    expected.site.currency() + " ");
        } else {
            assertThat(run.out()).contains("No meter's loss would cut another off");
        }
    }

    @Test
    void linksListWeakOneWayAndSingleRouteAsTheAnalysisFindsThem() throws IOException {
        CommandRun run = CommandRun.of("mesh", "--site", database.toString(), "--json", "links");
        CommandRun table = CommandRun.of("mesh", "--site", database.toString(), "links");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        MeshGraph graph = expected(null).graph;
        assertThat(json.get("weak")).hasSize(WeakLinks.find(graph, LinkQuality.DEFAULTS).size());
        List<SingleRouteMeters.SingleRoute> single = SingleRouteMeters.find(graph, LinkQuality.DEFAULTS);
        assertThat(json.get("singleRoute")).hasSize(single.size());
        if (!single.isEmpty()) {
            assertThat(json.get("singleRoute").get(0).get("onlyNeighbourId").asText())
                    .isEqualTo(single.get(0).onlyNeighbourId());
        }
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("weak links", "one-way links", "meters with a single route");
    }

    @Test
    void exportsTheMeshAsGraphMlAndJsonWithTheRosterOnEachMeter() throws IOException {
        Path graphMl = home.resolve("mesh.graphml");
        Path json = home.resolve("mesh.json");

        CommandRun first = CommandRun.of("mesh", "--site", database.toString(), "export", "--format", "graphml",
                "--out", graphMl.toString());
        CommandRun second = CommandRun.of("mesh", "--site", database.toString(), "export", "--format", "JSON",
                "--out", json.toString());
        CommandRun again = CommandRun.of("mesh", "--site", database.toString(), "export", "--format", "json",
                "--out", json.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("as GraphML to", (METERS + 1) + " radios");
        assertThat(Files.readString(graphMl)).contains("<graphml", "attr.name=\"forwardRssiDbm\"",
                "attr.name=\"attribute.customer\"");
        assertThat(second.exitCode()).as(second.err()).isZero();
        JsonNode mesh = new ObjectMapper().readTree(json.toFile());
        assertThat(mesh.get("nodes")).hasSize(METERS + 1);
        assertThat(mesh.get("nodes").get(1).get("attributes").get("serial").asText()).isNotBlank();
        assertThat(again.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(again.err()).contains("exists", "--replace", "[FILE_EXISTS]");
    }

    @Test
    void saysADamagedSiteDatabaseIsDamagedRatherThanFailUnexpectedly() throws Exception {
        Path damaged = home.resolve("damaged.db");
        Files.copy(database, damaged, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        long page;
        long pageSize;
        try (java.sql.Connection sql = java.sql.DriverManager.getConnection("jdbc:sqlite:" + damaged);
                java.sql.Statement query = sql.createStatement()) {
            java.sql.ResultSet root = query.executeQuery(
                    "SELECT rootpage FROM sqlite_master WHERE name = 'ledger_entry'");
            page = root.getLong(1);
            pageSize = query.executeQuery("PRAGMA page_size").getLong(1);
        }
        // Only the ledger's root page is garbage: the site and its mesh read, the ledger (daily revenue) does not.
        try (java.nio.channels.FileChannel file = java.nio.channels.FileChannel.open(damaged,
                java.nio.file.StandardOpenOption.WRITE)) {
            byte[] garbage = new byte[(int) pageSize];
            java.util.Arrays.fill(garbage, (byte) 0xff);
            file.write(java.nio.ByteBuffer.wrap(garbage), (page - 1) * pageSize);
        }

        CommandRun spof = CommandRun.of("mesh", "--site", damaged.toString(), "spof");

        assertThat(spof.exitCode()).as(spof.out()).isEqualTo(ExitCode.FAILED);
        assertThat(spof.err()).contains("may be damaged", "pull the site again", "[SITE_DAMAGED]")
                .doesNotContain("UNEXPECTED");
    }

    @Test
    void refusesToWriteOverTheSiteDatabaseOrAFolderEvenWithReplace() throws IOException {
        Path folder = Files.createDirectories(home.resolve("a-folder"));
        long size = Files.size(database);

        CommandRun overSite = CommandRun.of("mesh", "--site", database.toString(), "export", "--format", "json",
                "--out", database.toString(), "--replace");
        CommandRun overJournal = CommandRun.of("mesh", "--site", database.toString(), "export", "--format", "json",
                "--out", database + "-journal", "--replace");
        CommandRun overFolder = CommandRun.of("mesh", "--site", database.toString(), "export", "--format", "json",
                "--out", folder.toString(), "--replace");

        assertThat(overSite.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(overSite.err()).contains("is the site database", "[FILE_NOT_WRITTEN]");
        assertThat(Files.size(database)).isEqualTo(size);
        assertThat(overJournal.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(overJournal.err()).contains("SQLite keeps beside the site database");
        assertThat(Path.of(database + "-journal")).doesNotExist();
        assertThat(overFolder.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(overFolder.err()).contains("is not a plain file");
        assertThat(folder).isDirectory();
    }

    @Test
    void readsTheMeshOfAPastQuarterHourFromTheHistoryAndSaysWhenAMomentIsPastWhatIsHeld() throws IOException {
        // 17:20 in Nairobi is 14:20 UTC: the mesh as its 14:15 update left it, after the pull's snapshot of 1 June.
        CommandRun past = CommandRun.of("mesh", "--site", database.toString(), "--at", "2026-06-02T17:20", "links",
                "--json");
        CommandRun later = CommandRun.of("mesh", "--site", database.toString(), "--at", "2026-06-09", "links");
        CommandRun spaced = CommandRun.of("mesh", "--site", database.toString(), "--at", "2026-06-02 17:20", "links",
                "--json");

        assertThat(past.exitCode()).as(past.err()).isZero();
        assertThat(new ObjectMapper().readTree(past.out()).get("at").asText()).isEqualTo("2026-06-02T14:15:00Z");
        assertThat(new ObjectMapper().readTree(past.out()).get("tablesAt").asText()).as("the day's first mesh")
                .isEqualTo("2026-06-01T21:00:00Z");
        assertThat(past.err()).contains("Between pulls the history keeps only routes",
                "those last seen whole, at 2026-06-02 00:00");
        assertThat(later.exitCode()).as(later.err()).isZero();
        assertThat(later.err()).contains("The mesh held ends at 2026-06-03");
        assertThat(spaced.exitCode()).as(spaced.err()).isZero();
        assertThat(new ObjectMapper().readTree(spaced.out()).get("at").asText()).isEqualTo("2026-06-02T14:15:00Z");
    }

    @Test
    void aMomentBeforeTheHeldMeshIsRefusedInOneLine() {
        CommandRun run = CommandRun.of("mesh", "--site", database.toString(), "--at", "2026-05-01", "spof");

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.err()).contains("holds no mesh as early as 2026-05-01 00:00", "[NO_MESH]")
                .doesNotContain("Exception");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @Test
    void withoutASiteOrASubcommandItSaysWhatToGive() {
        CommandRun noSite = CommandRun.of("mesh", "spof");
        CommandRun noSubcommand = CommandRun.of("mesh", "--site", database.toString());
        CommandRun badFormat = CommandRun.of("mesh", "--site", database.toString(), "export", "--format", "png",
                "--out", home.resolve("x.png").toString());

        assertThat(noSite.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noSite.err()).contains("--site FILE", "[USAGE]");
        assertThat(noSubcommand.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noSubcommand.err()).contains("spof", "links", "export");
        assertThat(badFormat.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(badFormat.err()).contains("json|graphml", "png");
    }

    /** What the answers should be, computed here from the database the command reads. */
    private record Expected(SiteInfo site, MeshGraph graph, List<SinglePointsOfFailure.PointOfFailure> points,
            DailyRevenue revenue, Map<String, String> customerOfMeter) {
    }

    private static Expected expected(String at) {
        try (SiteStore store = SiteStore.openExisting(database)) {
            SiteInfo site = store.site().orElseThrow();
            MeshGraph graph = StoredMesh.load(store, database, site, at);
            DailyRevenue revenue = DailyRevenue.of(store.ledger(), site.zone(), graph.at()).orElseThrow();
            Map<String, String> customers = new HashMap<>();
            store.meters().forEach(meter -> customers.put(meter.meterId(), meter.customerId()));
            return new Expected(site, graph, SinglePointsOfFailure.find(graph, LinkQuality.DEFAULTS, customers,
                    revenue.averageMinorOfCustomer()), revenue, customers);
        }
    }
}

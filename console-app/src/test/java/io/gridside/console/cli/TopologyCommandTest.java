package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.site.TopologySnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code connect ... topology} against a simulated site: JSON with both directions of every link, or a table. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TopologyCommandTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final int METERS = 40;

    @TempDir
    static Path home;

    private static CommandSite fixture;
    private static SimulatedSite site;
    private static String tcp;
    private static String technician;

    @BeforeAll
    static void startSite() throws IOException {
        fixture = CommandSite.start(home, NOW, () ->
                SimulatedSite.start(new SiteSpec(METERS, 42, 2, NOW), SimClock.manual(NOW)));
        site = fixture.site();
        tcp = fixture.tcp();
        technician = fixture.supervisor();
    }

    @AfterAll
    static void stopSite() {
        fixture.close();
    }

    @Test
    void jsonCarriesEveryRadioAndBothDirectionsOfEveryLink() throws IOException {
        CommandRun run = CommandRun.of("connect", "--tcp", tcp, "--credential", technician, "topology", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        TopologySnapshot mesh = site.gateway().topology().toSnapshot();
        assertThat(Instant.parse(json.get("at").asText())).isEqualTo(Instant.parse("2026-06-03T09:00:00Z"));
        assertThat(json.get("gatewayId").asText()).isEqualTo(mesh.gatewayId());
        assertThat(json.get("nodes")).hasSize(METERS + 1);
        assertThat(json.get("links")).hasSize(mesh.links().size());
        Map<String, JsonNode> nodes = new HashMap<>();
        json.get("nodes").forEach(node -> nodes.put(node.get("id").asText(), node));
        for (TopologySnapshot.Node node : mesh.nodes()) {
            JsonNode printed = nodes.get(node.id());
            assertThat(printed.get("latitude").asDouble()).isEqualTo(node.latitude());
            assertThat(printed.get("hops").asInt()).isEqualTo(node.hops());
            assertThat(printed.get("parentId").isNull() ? null : printed.get("parentId").asText())
                    .isEqualTo(node.parentId());
            assertThat(printed.get("alternates")).hasSize(node.alternates().size());
        }
        for (int i = 0; i < mesh.links().size(); i++) {
            TopologySnapshot.Link link = mesh.links().get(i);
            JsonNode printed = json.get("links").get(i);
            assertThat(List.of(printed.get("from").asText(), printed.get("to").asText()))
                    .containsExactly(link.from(), link.to());
            assertThat(printed.get("forward").get("rssiDbm").asDouble()).isEqualTo(link.forwardRssiDbm());
            assertThat(printed.get("reverse").get("rssiDbm").asDouble()).isEqualTo(link.reverseRssiDbm());
            assertThat(printed.get("forward").get("packetSuccess").asDouble()).isEqualTo(link.forwardPsr());
            assertThat(printed.get("reverse").get("packetSuccess").asDouble()).isEqualTo(link.reversePsr());
            assertThat(printed.get("etx").asDouble()).isEqualTo(link.etx());
            assertThat(printed.get("lastHeardAgeSeconds").asLong()).isEqualTo(link.lastHeardAgeSeconds());
            assertThat(printed.get("preferred").asBoolean()).isEqualTo(link.preferred());
        }
    }

    @Test
    void atShowsTheMeshAsItStoodThenInSiteTime() throws IOException {
        // 21:10 in Nairobi is 18:10 UTC: the mesh as its 18:00 update left it.
        CommandRun run = CommandRun.of("connect", "--tcp", tcp, "--credential", technician, "topology", "--json",
                "--at", "2026-06-02T21:10");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("at").asText()).isEqualTo("2026-06-02T18:00:00Z");
        assertThat(json.get("links")).hasSize(
                site.gateway().topology(Instant.parse("2026-06-02T18:10:00Z")).links().size());
    }

    @Test
    void printsATableOfRadiosAndLinks() {
        CommandRun run = CommandRun.of("connect", "--tcp", tcp, "--credential", technician, "topology");

        assertThat(run.exitCode()).as(run.err()).isZero();
        TopologySnapshot mesh = site.gateway().topology().toSnapshot();
        assertThat(run.out()).contains("Mesh of gateway " + mesh.gatewayId(), "2026-06-03 12:00:00",
                "Africa/Nairobi", METERS + 1 + " radios", "fwd dBm", "rev dBm", "etx", mesh.links().get(0).from());
        assertThat(run.out().lines().count()).isGreaterThan(METERS + mesh.links().size());
    }

    @Test
    void saysWhenTheGatewayHoldsNoMeshOfThatTime() {
        CommandRun run = CommandRun.of("connect", "--tcp", tcp, "--credential", technician, "topology",
                "--at", "2026-05-01");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("[TOPOLOGY_OUT_OF_RANGE]").doesNotContain("Exception");
    }

    @Test
    void readsTheMeshOfAnyQuarterHourFromThePulledHistoryWithoutAGateway() throws IOException {
        Path database = home.resolve("offline.db");
        CommandRun pull = CommandRun.of("connect", "--tcp", tcp, "--credential", technician, "audit", "--site",
                database.toString());
        assertThat(pull.exitCode()).as(pull.err()).isZero();
        assertThat(pull.out()).contains("compared 3 days of history and fetched 3.");

        // 17:20 in Nairobi is 14:20 UTC: the mesh as its 14:15 update left it.
        CommandRun run = CommandRun.of("topology", "--site", database.toString(), "--at", "2026-06-02T17:20",
                "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        TopologySnapshot mesh = site.gateway().topologySnapshot(Instant.parse("2026-06-02T14:20:00Z"));
        assertThat(json.get("at").asText()).isEqualTo("2026-06-02T14:15:00Z");
        Map<String, String> parents = new HashMap<>();
        json.get("nodes").forEach(node -> parents.put(node.get("id").asText(),
                node.get("parentId").isNull() ? "-" : node.get("parentId").asText()));
        mesh.nodes().forEach(node ->
                assertThat(parents.get(node.id())).isEqualTo(node.parentId() == null ? "-" : node.parentId()));
        assertThat(json.get("links")).hasSize((int) mesh.links().stream().filter(TopologySnapshot.Link::preferred)
                .count());
    }

    @Test
    void saysWhenTheSiteDatabaseHoldsNoHistoryOfThatDay() {
        Path database = home.resolve("offline-since-june.db");
        CommandRun.of("connect", "--tcp", tcp, "--credential", technician, "audit", "--site", database.toString());

        CommandRun run = CommandRun.of("topology", "--site", database.toString(), "--at", "2026-05-01");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("[NO_HISTORY]", "2026-05-01").doesNotContain("Exception");
    }

    @Test
    void aFileThatIsNotADatabaseIsAUsageErrorThatSaysSo() throws IOException {
        Path junk = home.resolve("junk.db");
        Files.writeString(junk, "these are not the bytes of a site database, only some text ".repeat(40));

        CommandRun run = CommandRun.of("topology", "--site", junk.toString(), "--at", "2026-06-02");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("is not a site database", "[NO_SITE]").doesNotContain("SQLITE");
    }

    @Test
    void saysWhereTheHeldHistoryOfADayBeginsAndEnds() {
        Path database = home.resolve("edges.db");
        CommandRun pull = CommandRun.of("connect", "--tcp", tcp, "--credential", technician, "audit", "--site",
                database.toString());
        assertThat(pull.exitCode()).as(pull.err()).isZero();

        // The history starts at 09:00 UTC on 1 June, 12:00 in Nairobi, and its last update ran at 12:00 on 3 June.
        CommandRun before = CommandRun.of("topology", "--site", database.toString(), "--at", "2026-06-01T08:00");
        CommandRun after = CommandRun.of("topology", "--site", database.toString(), "--at", "2026-06-03T20:00");

        assertThat(before.exitCode()).isEqualTo(1);
        assertThat(before.err()).contains("[NO_HISTORY]", "it holds that day's mesh from 2026-06-01 12:00");
        assertThat(after.exitCode()).as(after.err()).isZero();
        assertThat(after.err()).contains("The history held ends at 2026-06-03 12:00");
    }

    @Test
    void jsonAndTableCarryEachRadiosFirmwareAndTraffic() throws IOException {
        TopologySnapshot told = site.gateway().topologySnapshot(null);

        CommandRun json = CommandRun.of("connect", "--tcp", tcp, "--credential", technician, "topology", "--json");
        CommandRun table = CommandRun.of("connect", "--tcp", tcp, "--credential", technician, "topology");

        assertThat(json.exitCode()).as(json.err()).isZero();
        Map<String, JsonNode> nodes = new HashMap<>();
        new ObjectMapper().readTree(json.out()).get("nodes").forEach(node -> nodes.put(node.get("id").asText(), node));
        for (TopologySnapshot.Node node : told.nodes()) {
            assertThat(nodes.get(node.id()).get("firmware").asText()).isEqualTo(node.firmware());
            assertThat(nodes.get(node.id()).get("trafficPerHour").asLong()).isEqualTo(node.trafficPerHour());
        }
        assertThat(nodes.get(told.gatewayId()).get("firmware").asText()).isEqualTo("gw-sim-2.4.1");
        assertThat(table.exitCode()).as(table.err()).isZero();
        TopologySnapshot.Node gateway = told.nodes().stream().filter(node -> node.hops() == 0).findFirst()
                .orElseThrow();
        assertThat(table.out()).contains("firmware", "traffic/h");
        assertThat(table.out().lines().filter(line -> line.startsWith(gateway.id() + " ")).findFirst().orElseThrow())
                .contains("gw-sim-2.4.1", " " + gateway.trafficPerHour() + "  ");
    }

    @Test
    void readsEachRadiosFirmwareAndTrafficAtThePulledMomentAndDashesElsewhere() throws IOException {
        Path database = home.resolve("radio-facts.db");
        CommandRun pull = CommandRun.of("connect", "--tcp", tcp, "--credential", technician, "audit", "--site",
                database.toString());
        assertThat(pull.exitCode()).as(pull.err()).isZero();
        TopologySnapshot told = site.gateway().topologySnapshot(null);

        // The pull kept the mesh of 09:00 UTC, 12:00 in Nairobi; 17:20 the day before is history by day alone.
        CommandRun pulled = CommandRun.of("topology", "--site", database.toString(), "--at", "2026-06-03T12:00",
                "--json");
        CommandRun earlier = CommandRun.of("topology", "--site", database.toString(), "--at", "2026-06-02T17:20");

        assertThat(pulled.exitCode()).as(pulled.err()).isZero();
        Map<String, JsonNode> nodes = new HashMap<>();
        new ObjectMapper().readTree(pulled.out()).get("nodes")
                .forEach(node -> nodes.put(node.get("id").asText(), node));
        for (TopologySnapshot.Node node : told.nodes()) {
            assertThat(nodes.get(node.id()).get("firmware").asText()).isEqualTo(node.firmware());
            assertThat(nodes.get(node.id()).get("trafficPerHour").asLong()).isEqualTo(node.trafficPerHour());
        }
        assertThat(earlier.exitCode()).as(earlier.err()).isZero();
        String gatewayRow = earlier.out().lines().filter(line -> line.startsWith(told.gatewayId() + " "))
                .findFirst().orElseThrow();
        assertThat(gatewayRow).doesNotContain("gw-sim").matches(".*\\d -\\s+-  -");
    }
}

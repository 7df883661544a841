package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.scenario.Scenarios;
import io.gridside.site.SiteEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code connect ... events} against a simulated site that played a feeder outage, and the scenario commands. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EventsCommandTest {

    private static final Instant NOW = Instant.parse("2026-06-03T00:00:00Z");

    @TempDir
    static Path home;

    private static CommandSite fixture;
    private static SimulatedSite site;
    private static String tcp;
    private static String supervisor;

    @BeforeAll
    static void startSite() throws IOException {
        fixture = CommandSite.start(home, NOW, () ->
                SimulatedSite.start(new SiteSpec(60, 42, 2, NOW), SimClock.manual(NOW),
                        Scenarios.named("feeder-outage")));
        site = fixture.site();
        tcp = fixture.tcp();
        supervisor = fixture.supervisor();
    }

    @AfterAll
    static void stopSite() {
        fixture.close();
    }

    @Test
    void eventsJsonCarriesEveryEventWithItsCause() throws IOException {
        CommandRun run = CommandRun.of("connect", "--tcp", tcp, "--credential", supervisor, "events", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode events = new ObjectMapper().readTree(run.out());
        List<SiteEvent> logged = site.gateway().events(Instant.EPOCH, NOW.plusSeconds(1));
        assertThat(events).hasSize(logged.size());
        List<JsonNode> losses = new ArrayList<>();
        events.forEach(event -> {
            assertThat(event.get("id").asLong()).isPositive();
            assertThat(Instant.parse(event.get("at").asText())).isBefore(NOW.plusSeconds(1));
            if (event.get("kind").asText().equals("power_loss")) {
                losses.add(event);
            }
        });
        int onF1 = site.gateway().layout().grid().names().members("F1").size();
        assertThat(losses).hasSize(onF1).allSatisfy(loss -> {
            assertThat(loss.get("at").asText()).isEqualTo("2026-06-01T18:30:00Z");
            assertThat(loss.get("details").get("lastGasp").asText()).isEqualTo("true");
            assertThat(loss.get("cause").get("scenario").asText()).isEqualTo("feeder-outage");
            assertThat(loss.get("cause").get("step").asInt()).isZero();
            assertThat(loss.get("cause").get("kind").asText()).isEqualTo("feeder-power-loss");
        });
    }

    @Test
    void eventsFromAndToAreInTheSitesTimeZone() throws IOException {
        // 21:00 to 21:31 in Nairobi is 18:00 to 18:31 UTC: the outage's last gasps, nothing of the restore.
        CommandRun run = CommandRun.of("connect", "--tcp", tcp, "--credential", supervisor, "events", "--json",
                "--from", "2026-06-01T21:00", "--to", "2026-06-01T21:31");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode events = new ObjectMapper().readTree(run.out());
        assertThat(events).isNotEmpty().allSatisfy(event -> {
            assertThat(event.get("kind").asText()).isIn("power_loss", "comms_loss", "relay_off", "relay_on");
            assertThat(event.get("at").asText()).startsWith("2026-06-01T18:");
        });
    }

    @Test
    void eventsPrintsATableInSiteTime() {
        CommandRun run = CommandRun.of("connect", "--tcp", tcp, "--credential", supervisor, "events",
                "--from", "2026-06-01", "--to", "2026-06-01");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Africa/Nairobi", "2026-06-01 21:30:00", "power_loss", "lastGasp=true",
                "feeder-outage step 0 (feeder-power-loss)");
    }

    @Test
    void refusesATimeItCannotRead() {
        CommandRun run = CommandRun.of("connect", "--tcp", tcp, "--credential", supervisor, "events",
                "--from", "yesterday");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--from", "'yesterday'");
    }

    @Test
    void scenariosListsTheNamedScenarios() throws IOException {
        CommandRun table = CommandRun.of("scenarios");
        CommandRun json = CommandRun.of("scenarios", "--json");

        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).contains("quiet-week", "feeder-outage", "bad-storm");
        JsonNode list = new ObjectMapper().readTree(json.out());
        assertThat(list).isNotEmpty();
        assertThat(list.get(0).get("name").asText()).isEqualTo("quiet-week");
        assertThat(list.get(0).get("days").asInt()).isEqualTo(7);
    }

    @Test
    void demoPlaysANamedScenario() {
        CommandRun run = CommandRun.of("demo", "--headless", "--meters", "20", "--scenario", "feeder-outage",
                "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void demoRefusesAScenarioTheSiteIsTooSmallFor() {
        CommandRun run = CommandRun.of("demo", "--headless", "--meters", "5", "--scenario", "plant-faults");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("plant-faults: step 0", "'meter'", "M00006", "--meters");
    }

    @Test
    void simRefusesAScenarioFileThatBreaksARule(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mine.json");
        java.nio.file.Files.writeString(file, "{\"name\": \"mine\", \"days\": 1, \"steps\": "
                + "[{\"at\": \"PT2H\", \"kind\": \"blackout\"}]}");

        CommandRun run = CommandRun.of("sim", "--tcp", "0", "--scenario", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("mine.json", "step 0", "'kind'", "blackout");
    }
}

package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.scenario.Scenarios;
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

/** {@code connect ... outages} against a simulated site whose feeder F1 lost its supply on the first evening. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OutagesCommandTest {

    private static final Instant NOW = Instant.parse("2026-06-03T00:00:00Z");
    /** The scenario's step: F1 out from 18:30 to 21:30 UTC on the first day, 21:30 to 00:30 in Nairobi. */
    private static final Instant CUT = Instant.parse("2026-06-01T18:30:00Z");
    private static final Instant RESTORED = Instant.parse("2026-06-01T21:30:00Z");

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

    private static List<String> meterIdsOn(String feeder) {
        List<String> ids = new ArrayList<>();
        site.gateway().layout().grid().names().members(feeder)
                .forEach(index -> ids.add(site.gateway().layout().meters().get(index).meterId()));
        return ids;
    }

    @Test
    void findsTheFeedersPowerOutageWithItsMetersAndEvidence() throws IOException {
        CommandRun run = CommandRun.of("connect", "--tcp", tcp, "--credential", supervisor, "outages",
                "--from", "2026-06-01", "--to", "2026-06-02", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode outages = new ObjectMapper().readTree(run.out());
        List<JsonNode> power = new ArrayList<>();
        outages.forEach(outage -> {
            if (outage.get("cause").asText().equals("power")) {
                power.add(outage);
            }
        });
        assertThat(power).hasSize(1);
        JsonNode outage = power.get(0);
        assertThat(Instant.parse(outage.get("start").asText())).isEqualTo(CUT);
        assertThat(Instant.parse(outage.get("end").asText())).isBetween(RESTORED, RESTORED.plusSeconds(900));
        assertThat(outage.get("durationSeconds").asLong()).isBetween(3L * 3600, 3L * 3600 + 900);
        assertThat(outage.get("supplyLost").asBoolean()).isTrue();
        assertThat(outage.get("feeders")).extracting(JsonNode::asText).containsExactly("F1");
        assertThat(outage.get("meters").asInt()).isEqualTo(meterIdsOn("F1").size());
        List<String> spanned = new ArrayList<>();
        outage.get("spans").forEach(span -> {
            spanned.add(span.get("meterId").asText());
            assertThat(span.get("supplyLost").asBoolean()).isTrue();
            assertThat(span.get("restored").asBoolean()).isTrue();
        });
        assertThat(spanned).containsExactlyInAnyOrderElementsOf(meterIdsOn("F1"));
        assertThat(outage.get("evidence")).isNotEmpty();
        assertThat(outage.get("evidence").get(0).get("text").asText()).isNotBlank();
        assertThat(outage.get("eventIds")).isNotEmpty();
        assertThat(outage.get("competing")).isEmpty();
        // Outage ids are in the site's time: 18:30 UTC is 21:30 in Nairobi.
        assertThat(outage.get("id").asText()).startsWith("O-20260601-2130");
    }

    @Test
    void aWindowAfterTheOutageFindsNoPowerOutage() throws IOException {
        CommandRun run = CommandRun.of("connect", "--tcp", tcp, "--credential", supervisor, "outages",
                "--from", "2026-06-02T06:00", "--to", "2026-06-02T18:00", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode outages = new ObjectMapper().readTree(run.out());
        assertThat(outages.isArray()).isTrue();
        outages.forEach(outage -> assertThat(outage.get("cause").asText()).isNotEqualTo("power"));
    }

    @Test
    void printsATableInSiteTimeWithTheFeederAndTheFirstEvidence() throws IOException {
        CommandRun run = CommandRun.of("connect", "--tcp", tcp, "--credential", supervisor, "outages",
                "--from", "2026-06-01", "--to", "2026-06-02");
        CommandRun json = CommandRun.of("connect", "--tcp", tcp, "--credential", supervisor, "outages",
                "--from", "2026-06-01", "--to", "2026-06-02", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Outages from 2026-06-01 00:00 to 2026-06-03 00:00 (Africa/Nairobi)");
        String row = run.out().lines().filter(line -> line.contains("power outage")).findFirst().orElseThrow();
        assertThat(row).startsWith("O-20260601-2130").contains("2026-06-01 21:30", "2026-06-02 00:30", " F1 ",
                " " + meterIdsOn("F1").size() + " ");
        String evidence = new ObjectMapper().readTree(json.out()).findValues("evidence").stream()
                .filter(list -> !list.isEmpty()).findFirst().orElseThrow().get(0).get("text").asText();
        assertThat(row).endsWith(evidence.lines().findFirst().orElseThrow());
    }

    @Test
    void aWindowTheGatewayHoldsNoEventsOfIsNotReportedAsAPerfectRecord() {
        CommandRun before = CommandRun.of("connect", "--tcp", tcp, "--credential", supervisor, "outages",
                "--from", "2026-05-01", "--to", "2026-05-10");
        CommandRun held = CommandRun.of("connect", "--tcp", tcp, "--credential", supervisor, "outages",
                "--from", "2026-06-01", "--to", "2026-06-02");

        assertThat(before.exitCode()).as(before.err()).isZero();
        assertThat(before.err()).startsWith("Warning: The gateway returned no events for the window 2026-05-01 00:00 "
                + "to 2026-05-11 00:00").contains("no outage found says nothing about it");
        assertThat(before.out()).contains("Note: The gateway returned no events");
        assertThat(held.err()).doesNotContain("Warning");
    }

    @Test
    void refusesAWindowThatEndsBeforeItStarts() {
        CommandRun run = CommandRun.of("connect", "--tcp", tcp, "--credential", supervisor, "outages",
                "--from", "2026-06-02", "--to", "2026-06-01T12:00");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--from must be before --to");
    }

    @Test
    void needsTheWindowsStart() {
        CommandRun run = CommandRun.of("connect", "--tcp", tcp, "--credential", supervisor, "outages");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--from");
    }
}

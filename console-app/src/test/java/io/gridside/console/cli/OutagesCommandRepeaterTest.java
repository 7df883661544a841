package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.scenario.Scenarios;
import io.gridside.site.EventKind;
import io.gridside.site.SiteEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code connect ... outages} against a simulated site whose busiest repeater failed for six hours: the command
 * hands the diagnosis the mesh's routes, without which a dark subtree could not be told from lone meters.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OutagesCommandRepeaterTest {

    private static final Instant NOW = Instant.parse("2026-06-03T00:00:00Z");

    @TempDir
    static Path home;

    private static CommandSite fixture;

    @BeforeAll
    static void startSite() throws IOException {
        fixture = CommandSite.start(home, NOW, () ->
                SimulatedSite.start(new SiteSpec(60, 42, 2, NOW), SimClock.manual(NOW),
                        Scenarios.named("repeater-failure")));
    }

    @AfterAll
    static void stopSite() {
        fixture.close();
    }

    @Test
    void findsTheDarkSubtreeAsOneMeshPartitionWithoutSupplyLost() throws IOException {
        Set<String> silenced = fixture.site().gateway().events(Instant.EPOCH, NOW).stream()
                .filter(event -> event.kind() == EventKind.COMMS_LOSS && event.scripted())
                .map(SiteEvent::source).collect(Collectors.toSet());

        CommandRun run = fixture.connect(fixture.supervisor(), "outages", "--from", "2026-06-01", "--to",
                "2026-06-01", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> partitions = new ArrayList<>();
        new ObjectMapper().readTree(run.out()).forEach(outage -> {
            if (outage.get("cause").asText().equals("mesh-partition")) {
                partitions.add(outage);
            }
        });
        assertThat(silenced).hasSizeGreaterThan(1);
        assertThat(partitions).hasSize(1);
        JsonNode partition = partitions.get(0);
        assertThat(partition.get("supplyLost").asBoolean()).isFalse();
        List<String> spanned = new ArrayList<>();
        partition.get("spans").forEach(span -> spanned.add(span.get("meterId").asText()));
        assertThat(spanned).containsExactlyInAnyOrderElementsOf(silenced);
        assertThat(Instant.parse(partition.get("start").asText()))
                .isBetween(Instant.parse("2026-06-01T07:00:00Z"), Instant.parse("2026-06-01T07:15:00Z"));
    }
}

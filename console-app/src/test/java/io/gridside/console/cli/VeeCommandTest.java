package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.scenario.Scenarios;
import io.gridside.site.store.SiteStore;
import io.gridside.site.vee.EstimateEdit;
import io.gridside.site.vee.EstimateStatus;
import io.gridside.site.vee.RawRead;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bill vee} over a site database pulled from a simulated site whose feeder F1 lost its supply for three
 * hours: the gaps it left, the exceptions queue, and technicians' accepts and overrides.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class VeeCommandTest {

    private static final Instant NOW = Instant.parse("2026-06-03T00:00:00Z");
    private static final Instant LOST = Instant.parse("2026-06-01T18:30:00Z");
    /** 18:30 UTC in Nairobi, as a technician types it. */
    private static final String LOST_SITE_TIME = "2026-06-01T21:30";

    @TempDir
    static Path home;

    private static Path pulled;
    private static Set<String> cut;

    @TempDir
    Path dir;

    @BeforeAll
    static void pullTheSite() throws IOException {
        pulled = home.resolve("pulled.db");
        try (CommandSite fixture = CommandSite.start(home, NOW, () -> SimulatedSite.start(
                new SiteSpec(60, 42, 2, NOW), SimClock.manual(NOW), Scenarios.named("feeder-outage")))) {
            CommandRun pull = CommandRun.of("connect", "--tcp", fixture.tcp(), "--credential", fixture.supervisor(),
                    "audit", "--site", pulled.toString());
            assertThat(pull.exitCode()).as(pull.err()).isLessThanOrEqualTo(ExitCode.FAILED);
            SimulatedSite site = fixture.site();
            cut = site.gateway().layout().grid().names().members("F1").stream()
                    .map(i -> site.gateway().layout().meters().get(i).meterId())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** A copy of the pulled database of this test's own. */
    private Path database() throws IOException {
        return Files.copy(pulled, dir.resolve("site.db"));
    }

    private static JsonNode json(CommandRun run) throws IOException {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    private static List<JsonNode> outageGaps(JsonNode found) {
        List<JsonNode> gaps = new ArrayList<>();
        found.get("estimates").forEach(g -> {
            if (Instant.parse(g.get("gapStart").asText()).equals(LOST)) {
                gaps.add(g);
            }
        });
        return gaps;
    }

    @Test
    void listsAGapOverTheOutageForEveryMeterOfTheCutFeeder() throws IOException {
        Path db = database();

        JsonNode found = json(CommandRun.of("bill", "vee", "--site", db.toString(), "--json"));

        assertThat(found.get("clockSource").asText()).isEqualTo("gateway");
        assertThat(found.get("exceptions")).isEmpty();
        assertThat(found.get("rawReads").get("stored").asLong()).isPositive();
        assertThat(outageGaps(found)).extracting(g -> g.get("meterId").asText())
                .containsExactlyInAnyOrderElementsOf(cut);
        assertThat(outageGaps(found)).allSatisfy(g -> {
            assertThat(g.get("intervals").asInt()).isGreaterThan(12);
            // The first evening had not been read before the outage: no profile of those hours yet.
            assertThat(g.get("method").asText()).isEqualTo("linear_no_profile");
            assertThat(g.get("status").asText()).isEqualTo("estimated");
            long sum = 0;
            for (JsonNode e : g.get("energiesWh")) {
                sum += e.asLong();
            }
            assertThat(sum).isEqualTo(g.get("deltaWh").asLong());
            // The feeder was down for the gap's first 12 quarter hours: the rise falls after the restore.
            for (int i = 0; i < 12; i++) {
                assertThat(g.get("energiesWh").get(i).asLong()).isZero();
            }
        });
    }

    @Test
    void storesEachReadOnceHoweverOftenItRuns() throws IOException {
        Path db = database();
        JsonNode first = json(CommandRun.of("bill", "vee", "--site", db.toString(), "--json"));

        JsonNode again = json(CommandRun.of("bill", "vee", "--site", db.toString(), "--json"));

        assertThat(again.get("rawReads").get("stored").asLong()).isZero();
        assertThat(again.get("rawReads").get("duplicates").asLong())
                .isEqualTo(first.get("rawReads").get("stored").asLong());
        assertThat(again.get("estimates")).isEqualTo(first.get("estimates"));
    }

    @Test
    void queuesAConflictingReadAndARegisterGoingBackwardsWithTheirFigures() throws IOException {
        Path db = database();
        json(CommandRun.of("bill", "vee", "--site", db.toString(), "--json"));
        String meter = cut.iterator().next();
        try (SiteStore store = SiteStore.open(db)) {
            RawRead held = store.rawReads(LOST, LOST.plusSeconds(1)).stream()
                    .filter(r -> r.meterId().equals(meter)).findFirst().orElseThrow();
            store.insertRawReads(List.of(new RawRead(meter, LOST, held.registerWh() + 7),
                    new RawRead(meter, LOST.plusSeconds(3_600), held.registerWh() - 100)));
        }

        CommandRun run = CommandRun.of("bill", "vee", "--site", db.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Exceptions queue (2), times in Africa/Nairobi:")
                .containsPattern(meter + " +2026-06-01 21:30 .*conflicting_read")
                .containsPattern(meter + " +2026-06-01 22:30 .*register_backwards .* Wh is 100 Wh below");
    }

    @Test
    void printsTheEstimatesInSiteTime() throws IOException {
        CommandRun run = CommandRun.of("bill", "vee", "--site", database().toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Estimates (", "Africa/Nairobi").containsPattern(
                cut.iterator().next() + " +2026-06-01 21:30 +2026-06-02 00:[34]5 .* linear_no_profile +estimated");
    }

    @Test
    void acceptsAnEstimateWithWhoAndWhy() throws IOException {
        Path db = database();
        json(CommandRun.of("bill", "vee", "--site", db.toString(), "--json"));
        String meter = cut.iterator().next();

        CommandRun run = CommandRun.of("bill", "vee", "--site", db.toString(), "accept", "--meter", meter,
                "--gap-start", LOST_SITE_TIME, "--by", "ana", "--why", "the feeder was down, as the log shows");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Accepted the estimate of meter " + meter + " from 2026-06-01 21:30");
        try (SiteStore store = SiteStore.open(db)) {
            assertThat(store.estimate(meter, LOST).orElseThrow().status()).isEqualTo(EstimateStatus.ACCEPTED);
            assertThat(store.edits(meter, LOST)).singleElement().satisfies(edit -> {
                assertThat(edit.by()).isEqualTo("ana");
                assertThat(edit.why()).isEqualTo("the feeder was down, as the log shows");
            });
        }
    }

    @Test
    void refusesAnOverrideThatChangesTheTotalWithoutAReasonAndRecordsOneWithIt() throws IOException {
        Path db = database();
        JsonNode found = json(CommandRun.of("bill", "vee", "--site", db.toString(), "--json"));
        JsonNode gap = outageGaps(found).get(0);
        String meter = gap.get("meterId").asText();
        int intervals = gap.get("intervals").asInt();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < intervals; i++) {
            values.add(i == intervals - 1 ? Long.toString(gap.get("deltaWh").asLong() + 5) : "0");
        }
        String wh = String.join(",", values);

        CommandRun refused = CommandRun.of("bill", "vee", "--site", db.toString(), "override", "--meter", meter,
                "--gap-start", "2026-06-01T18:30:00Z", "--wh", wh, "--by", "ana", "--why", "all after the restore");
        CommandRun recorded = CommandRun.of("bill", "vee", "--site", db.toString(), "override", "--meter", meter,
                "--gap-start", "2026-06-01T18:30:00Z", "--wh", wh, "--by", "ana", "--why", "all after the restore",
                "--total-reason", "the display showed 5 Wh more than the closing read");

        assertThat(refused.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(refused.errLines()).singleElement().asString().startsWith("gridside: The edit was refused: "
                + "The values sum to").endsWith(". [EDIT_REFUSED]");
        assertThat(recorded.exitCode()).as(recorded.err()).isZero();
        try (SiteStore store = SiteStore.open(db)) {
            List<EstimateEdit> edits = store.edits(meter, LOST);
            assertThat(edits).singleElement().satisfies(edit -> {
                assertThat(edit.outcome()).isEqualTo(EstimateStatus.OVERRIDDEN);
                assertThat(edit.totalReason()).isEqualTo("the display showed 5 Wh more than the closing read");
            });
            assertThat(store.estimate(meter, LOST).orElseThrow().energiesWh()).last()
                    .isEqualTo(gap.get("deltaWh").asLong() + 5);
        }
        JsonNode after = json(CommandRun.of("bill", "vee", "--site", db.toString(), "--json"));
        assertThat(outageGaps(after)).filteredOn(g -> g.get("meterId").asText().equals(meter)).singleElement()
                .satisfies(g -> assertThat(g.get("status").asText()).isEqualTo("overridden"));
    }

    @Test
    void refusesAGapThatHasNoEstimateOrADatabaseThatIsNotThere() throws IOException {
        Path db = database();
        json(CommandRun.of("bill", "vee", "--site", db.toString(), "--json"));

        CommandRun noGap = CommandRun.of("bill", "vee", "--site", db.toString(), "accept", "--meter", "M00001",
                "--gap-start", "2026-06-01T03:00", "--by", "ana", "--why", "fine");
        CommandRun offQuarter = CommandRun.of("bill", "vee", "--site", db.toString(), "accept", "--meter", "M00001",
                "--gap-start", "2026-06-01T03:07", "--by", "ana", "--why", "fine");
        CommandRun noFile = CommandRun.of("bill", "vee", "--site", dir.resolve("none.db").toString());

        assertThat(noGap.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(noGap.errLines()).singleElement().asString()
                .contains("No estimate of meter M00001 starts at 2026-06-01 03:00 (Africa/Nairobi)")
                .endsWith("[NO_ESTIMATE]");
        assertThat(offQuarter.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(offQuarter.err()).contains("--gap-start must be on a quarter hour");
        assertThat(noFile.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noFile.errLines()).singleElement().asString().contains("There is no site database at");
    }

    @Test
    void printsTheRecordedEditAsJsonWhenAskedOnEitherCommand() throws IOException {
        Path db = database();
        JsonNode gap = outageGaps(json(CommandRun.of("bill", "vee", "--site", db.toString(), "--json"))).get(0);
        String meter = gap.get("meterId").asText();

        CommandRun own = CommandRun.of("bill", "vee", "--site", db.toString(), "accept", "--meter", meter,
                "--gap-start", LOST_SITE_TIME, "--by", "ana", "--why", "the log shows the outage", "--json");
        CommandRun parents = CommandRun.of("bill", "vee", "--site", db.toString(), "--json", "accept", "--meter",
                meter, "--gap-start", LOST_SITE_TIME, "--by", "ben", "--why", "checked again");

        for (CommandRun run : List.of(own, parents)) {
            JsonNode edit = json(run);
            assertThat(edit.get("meterId").asText()).isEqualTo(meter);
            assertThat(edit.get("gapStart").asText()).isEqualTo(LOST.toString());
            assertThat(edit.get("outcome").asText()).isEqualTo("accepted");
            assertThat(edit.get("editedWh").asLong()).isEqualTo(gap.get("deltaWh").asLong());
        }
        assertThat(json(parents).get("by").asText()).isEqualTo("ben");
    }

    @Test
    void anEditsHelpNeedsNoSiteAndAnEditWithoutOneSaysWhereItGoes() {
        CommandRun help = CommandRun.of("bill", "vee", "accept", "--help");
        CommandRun noSite = CommandRun.of("bill", "vee", "accept", "--meter", "M00001", "--gap-start",
                "2026-06-01T03:00", "--by", "ana", "--why", "fine");

        assertThat(help.exitCode()).as(help.err()).isZero();
        assertThat(help.out()).contains("Usage:", "--gap-start", "Exit codes: 0 recorded; 1 refused");
        assertThat(noSite.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noSite.err()).contains("--site FILE, before the subcommand").endsWith("[USAGE]\n");
    }
}

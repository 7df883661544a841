package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.link.message.PostPayments;
import io.gridside.sim.SimBilling;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.scenario.ScenarioParser;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.QueuedRead;
import io.gridside.site.Reading;
import io.gridside.site.store.SiteStore;
import io.gridside.site.vee.GapEstimate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads reach a simulated gateway's billing over loopback TCP, end to end: a meter that lost its load profile leaves
 * a gap across the evening peak billed by estimate; a CSV of its quarter hours imported on the console and pushed
 * as a supervisor's signed command fills it; an override of a billed register re-rates its day; and the audit, the
 * reconciliation and the command log all agree with what the gateway posted. An imported payment planted without
 * a command fails the audit.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ReadImportPushTest {

    private static final Instant NOW = Instant.parse("2026-06-03T00:00:00Z");
    private static final String METER = "M00048";
    /** The reading of another meter that ends as Tuesday's evening peak begins (18:00 in Nairobi). */
    private static final Instant PEAK_START = Instant.parse("2026-06-02T15:00:00Z");

    @TempDir
    Path home;

    @Test
    void importedReadsFillAGapAnOverrideReratesAndAuditReconcileAndCommandsAgree() throws Exception {
        // The meter's radio fails from 16:00 to 22:00 in Nairobi, across the peak that starts at 18:00.
        var offMesh = ScenarioParser.parse("off-mesh", """
                {"name": "off-mesh", "days": 3, "steps": [
                  {"at": "P2DT13H", "kind": "repeater-failure", "meter": "M00048", "duration": "PT6H"}]}""");
        SimClock.Manual clock = SimClock.manual(NOW);
        try (CommandSite fixture = CommandSite.start(home, NOW, () -> SimulatedSite.start(
                new SiteSpec(60, 42, 2, NOW).withBilling(SimBilling.REALISTIC), clock, offMesh))) {
            clock.advance(Duration.ofHours(16));
            fixture.site().gateway().loseLoadProfile(METER);
            clock.advance(Duration.ofHours(5));
            GapEstimate gap = fixture.site().gateway().estimates(NOW, NOW.plus(Duration.ofHours(21))).stream()
                    .filter(g -> g.meterId().equals(METER)).max((a, b) -> Integer.compare(a.intervals(),
                            b.intervals())).orElseThrow();
            assertThat(fixture.site().gateway().gapFills(Instant.EPOCH, NOW.plus(Duration.ofDays(1))))
                    .as("the meter lost what would have filled its gap").isEmpty();
            Path database = home.resolve("site.db");
            assertThat(run(fixture, "audit", "--site", database.toString()).exitCode()).isEqualTo(ExitCode.OK);

            Path file = home.resolve("m48-reads.csv");
            Files.writeString(file, csv(gap), StandardCharsets.UTF_8);
            JsonNode imported = json(CommandRun.of("import", "readings", file.toString(), "--site",
                    database.toString(), "--json"));
            assertThat(imported.get("queuedForGateway").asInt()).isEqualTo(gap.intervals() - 1);

            JsonNode pushed = json(run(fixture, "push", "--site", database.toString(), "--json"));

            assertThat(pushed.get("readsSent").asInt()).isEqualTo(gap.intervals() - 1);
            assertThat(pushed.get("readsRefused").asInt()).isZero();
            pushed.get("reads").forEach(r -> assertThat(r.get("outcome").asText()).isEqualTo("FILLED"));
            List<LedgerEntry> filled = adjustments(fixture, " estimate-replaced ");
            assertThat(filled).as("energy moved out of the peak changes its charge: " + gap + " " + pushed + " "
                    + adjustments(fixture, "")).isNotEmpty();

            long before = adjustments(fixture, "").size();
            try (SiteStore store = SiteStore.open(database)) {
                store.queueReads(List.of(override(fixture)), Instant.now());
            }
            JsonNode corrected = json(run(fixture, "push", "--site", database.toString(), "--json"));

            assertThat(corrected.get("reads").get(0).get("outcome").asText()).isEqualTo("CORRECTED");
            assertThat(adjustments(fixture, " readings-changed ")).as(corrected + " " + adjustments(fixture, ""))
                    .isNotEmpty();
            assertThat(adjustments(fixture, "").size()).isGreaterThan((int) before);

            CommandRun audit = run(fixture, "audit", "--site", database.toString());
            CommandRun reconcile = run(fixture, "reconcile", "--site", database.toString(), "--json");
            CommandRun commands = run(fixture, "commands");

            assertThat(audit.exitCode()).as(audit.out() + audit.err()).isEqualTo(ExitCode.OK);
            assertThat(audit.out()).contains("traces to a signed command");
            assertThat(reconcile.exitCode()).as(reconcile.out() + reconcile.err()).isEqualTo(ExitCode.OK);
            assertThat(new ObjectMapper().readTree(reconcile.out()).get("differences")).isEmpty();
            assertThat(commands.out()).contains("PostReadings -> ReadingsTaken (" + (gap.intervals() - 1)
                    + " filled), adjustments " + filled.get(0).seq());
            assertThat(commands.out()).contains("PostReadings -> ReadingsTaken (1 corrected), adjustments");

            plantImportedPayment(fixture, clock);
            CommandRun caught = run(fixture, "audit", "--site", database.toString());

            assertThat(caught.exitCode()).as(caught.out()).isEqualTo(ExitCode.FAILED);
            assertThat(caught.out()).contains("have no valid signed command").contains("payment:IMP-PLANTED-1");
        }
    }

    /**
     * Reads of every quarter hour inside the gap, from its opening to its closing register, as a meter would give
     * whose household used its energy early: up to 500 Wh a quarter hour from the gap's start, before the peak.
     */
    private static String csv(GapEstimate gap) {
        StringBuilder csv = new StringBuilder("meter,timestamp,register_kwh\n");
        long register = gap.openingRegisterWh();
        for (int k = 1; k < gap.intervals(); k++) {
            register = Math.min(gap.closingRegisterWh(), register + 500);
            csv.append(METER).append(',').append(gap.gapStart().plus(Reading.INTERVAL.multipliedBy(k))).append(',')
                    .append(String.format(Locale.ROOT, "%d.%03d", register / 1000, register % 1000)).append('\n');
        }
        return csv.toString();
    }

    /**
     * An override that moves the whole quarter hour before the peak into the peak's first quarter hour, of the meter
     * (other than the one off the mesh) that used the most in it.
     */
    private static QueuedRead override(CommandSite fixture) {
        Reading billed = fixture.site().gateway().readings(PEAK_START.minus(Duration.ofHours(1)),
                PEAK_START.plus(Duration.ofHours(1))).stream()
                .filter(r -> r.intervalEnd().equals(PEAK_START) && !r.meterId().equals(METER))
                .max(Comparator.comparingLong(Reading::energyWh)).orElseThrow();
        assertThat(billed.energyWh()).as("the quarter hour before the peak used energy").isPositive();
        return QueuedRead.pending(billed.meterId(), PEAK_START, billed.registerWh() - billed.energyWh(),
                "OVERRIDDEN", "decision:test-1", "the display read lower than the mesh's reading");
    }

    private static void plantImportedPayment(CommandSite fixture, SimClock.Manual clock) {
        String customer = fixture.site().gateway().layout().customers().get(3).customerId();
        String currency = fixture.site().gateway().layout().site().currency();
        fixture.site().gateway().plantImportedPayments(new PostPayments(List.of(new PostPayments.Payment(
                "IMP-PLANTED-1", customer, 10_000, currency, NOW, "planted.csv:2"))));
        clock.advance(Duration.ofMinutes(15));
    }

    private static List<LedgerEntry> adjustments(CommandSite fixture, String reason) {
        return fixture.site().gateway().ledgerAfter(0).stream()
                .filter(e -> e.kind() == EntryKind.ADJUSTMENT && e.reference().contains(reason)).toList();
    }

    private static CommandRun run(CommandSite fixture, String... args) {
        String[] command = {"connect", "--tcp", fixture.tcp(), "--credential", fixture.supervisor()};
        String[] all = new String[command.length + args.length];
        System.arraycopy(command, 0, all, 0, command.length);
        System.arraycopy(args, 0, all, command.length, args.length);
        return CommandRun.of(all);
    }

    private static JsonNode json(CommandRun run) throws IOException {
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }
}

package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.billing.config.BillingConfigDocument;
import io.gridside.link.auth.Role;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimBilling;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.scenario.ScenarioParser;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Tariff;
import io.gridside.site.tariff.Block;
import io.gridside.site.tariff.Prices;
import io.gridside.site.tariff.TariffFile;
import io.gridside.site.tariff.TariffSchedule;
import io.gridside.site.tariff.TariffVersion;
import io.gridside.site.tariff.TouBand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A supervisor pushes a tariff version that took effect yesterday to a simulated site over loopback: the gateway
 * re-rates and posts what moved, a second push posts nothing, the console's audit replays the gateway entry for
 * entry, reconciliation finds every line alike, and the command log traces the adjustments to the push. Each
 * refusal names its rule.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class TariffPushCommandTest {

    private static final Instant NOW = Instant.parse("2026-06-03T00:00:00Z");
    /** Yesterday's start in the site's time (Africa/Nairobi, three hours ahead). */
    private static final LocalDateTime YESTERDAY = LocalDateTime.parse("2026-06-02T00:00");

    @TempDir
    Path home;

    @Test
    void aVersionPushedLateIsAuditedReconciledAndTracedToItsCommand() throws IOException {
        SimClock.Manual clock = SimClock.manual(NOW);
        try (CommandSite fixture = CommandSite.start(home, NOW,
                () -> SimulatedSite.start(new SiteSpec(20, 7, 3, NOW), clock))) {
            Tariff flat = fixture.site().gateway().site().tariff();
            Path file = writeTariff(flat, flat.currency(), 4_200);

            CommandRun pushed = push(fixture, fixture.supervisor(), file, "--effective", YESTERDAY.toString());
            assertThat(pushed.exitCode()).as(pushed.out() + pushed.err()).isEqualTo(ExitCode.OK);
            JsonNode answer = new ObjectMapper().readTree(pushed.out());
            assertThat(answer.get("versionNumber").asInt()).isEqualTo(2);
            assertThat(answer.get("repeated").asBoolean()).isFalse();
            // 35.00 to 42.00 a kWh charges more for every kWh of yesterday and today: every adjustment takes.
            assertThat(answer.get("adjustments")).isNotEmpty().allSatisfy(adjustment -> {
                assertThat(adjustment.get("amountMinor").asLong()).isNegative();
                assertThat(adjustment.get("reference").asText()).containsAnyOf(" tariff-version ",
                        " carried-forward ");
            });
            long net = answer.get("netMinor").asLong();
            assertThat(net).isNegative();

            CommandRun again = push(fixture, fixture.supervisor(), file, "--effective", YESTERDAY.toString());
            assertThat(again.exitCode()).as(again.out() + again.err()).isEqualTo(ExitCode.OK);
            JsonNode repeat = new ObjectMapper().readTree(again.out());
            assertThat(repeat.get("repeated").asBoolean()).isTrue();
            assertThat(repeat.get("adjustments")).isEmpty();
            assertThat(adjustmentsIn(fixture)).hasSize(answer.get("adjustments").size());

            // A day on, billed at the new price from the re-rated state, so the day just ended reconciles too.
            clock.advance(Duration.ofHours(24));
            String site = home.resolve("site.db").toString();
            auditsAndReconcilesClean(fixture, site);
            CommandRun today = fixture.connect(fixture.supervisor(), "reconcile", "--site", site, "--from",
                    "2026-06-04");
            assertThat(today.exitCode()).as(today.err()).isEqualTo(ExitCode.OK);
            assertThat(today.out()).contains("Nothing to compare: the gateway's last ended day is 2026-06-03");

            // The pulled schedule, written out as a file the next version can be drafted in.
            Path exported = home.resolve("exported.json");
            CommandRun export = CommandRun.of("bill", "tariff-export", "--site", site, "--out", exported.toString());
            assertThat(export.exitCode()).as(export.err()).isEqualTo(ExitCode.OK);
            assertThat(export.out()).contains("2 versions", "the newest from " + YESTERDAY);
            assertThat(TariffFile.read(exported)).isEqualTo(BillingConfigDocument.decode(fixture.site().gateway()
                    .billingConfig()).schedule());
            CommandRun overwrite = CommandRun.of("bill", "tariff-export", "--site", site, "--out",
                    exported.toString());
            assertThat(overwrite.exitCode()).isEqualTo(ExitCode.FAILED);
            assertThat(overwrite.err()).contains("--replace", "[FILE_EXISTS]");
            CommandRun commands = fixture.connect(fixture.supervisor(), "commands");
            assertThat(commands.exitCode()).as(commands.out() + commands.err()).isEqualTo(ExitCode.OK);
            JsonNode adjustments = answer.get("adjustments");
            assertThat(commands.out()).contains("PushTariff -> TariffPushed (version 2, " + adjustments.size()
                    + " adjustments, entries " + adjustments.get(0).get("seq").asLong() + " to "
                    + adjustments.get(adjustments.size() - 1).get("seq").asLong() + ")");
        }
    }

    @Test
    void aRealisticTariffPushedLateOverAGapItsMeterFilledStillAuditsAndReconciles() throws IOException {
        var offMesh = ScenarioParser.parse("off-mesh", """
                {"name": "off-mesh", "days": 3, "steps": [
                  {"at": "P1DT12H", "kind": "repeater-failure", "meter": "M00011", "duration": "PT6H"}]}""");
        SimClock.Manual clock = SimClock.manual(NOW);
        try (CommandSite fixture = CommandSite.start(home, NOW, () -> SimulatedSite.start(
                new SiteSpec(30, 42, 3, NOW).withBilling(SimBilling.REALISTIC), clock, offMesh))) {
            assertThat(fixture.site().gateway().gapFills(Instant.EPOCH, NOW))
                    .anySatisfy(fill -> assertThat(fill.meterId()).isEqualTo("M00011"));
            TariffSchedule schedule = BillingConfigDocument.decode(fixture.site().gateway().billingConfig())
                    .schedule();
            TariffVersion first = schedule.versions().get(0);
            // Every block and band a fifth dearer, from yesterday: blocks, time of use, tax and levy all move.
            TariffVersion dearer = new TariffVersion(YESTERDAY, first.currency(), first.blocks().stream()
                    .map(b -> new Block(b.upToWh(), b.price() * 6 / 5, b.lifeline())).toList(), first.blockReset(),
                    first.tou().stream().map(t -> new TouBand(t.day(), t.from(), t.to(), t.price() * 6 / 5))
                            .toList(), first.standing(), first.minimumMonthlyMinor(), first.charges(),
                    first.lifelinePowerLimitWatts());
            Path file = home.resolve("realistic.json");
            Files.writeString(file, TariffFile.write(new TariffSchedule(schedule.tariffId(), schedule.currency(),
                    List.of(first, dearer))));

            CommandRun pushed = push(fixture, fixture.supervisor(), file);
            assertThat(pushed.exitCode()).as(pushed.out() + pushed.err()).isEqualTo(ExitCode.OK);
            assertThat(new ObjectMapper().readTree(pushed.out()).get("netMinor").asLong()).isNegative();

            clock.advance(Duration.ofHours(24));
            auditsAndReconcilesClean(fixture, home.resolve("site.db").toString());
        }
    }

    @Test
    void eachRefusalNamesItsRule() throws IOException {
        SimClock.Manual clock = SimClock.manual(NOW);
        try (CommandSite fixture = CommandSite.start(home, NOW,
                () -> SimulatedSite.start(new SiteSpec(8, 9, 2, NOW), clock))) {
            Tariff flat = fixture.site().gateway().site().tariff();
            Path file = writeTariff(flat, flat.currency(), 4_200);
            String siteId = fixture.site().gateway().profile().siteId();
            String technician = Credentials.write(home, "technician.json", DemoOperator.issue("T-0042", "Amina",
                    Role.TECHNICIAN, List.of(siteId), NOW.minus(Duration.ofDays(1)), Duration.ofDays(2), Map.of()));

            // The supervisor connects first, which pins the gateway's key on this laptop.
            assertRefused(push(fixture, fixture.supervisor(), file, "--effective", "2026-05-20"), "TARIFF_TOO_LATE");
            assertRefused(push(fixture, technician, file), "ROLE_FORBIDDEN");
            assertRefused(push(fixture, fixture.supervisor(), writeTariff(flat, "UGX", 4_200)), "TARIFF_CURRENCY");
            assertRefused(push(fixture, fixture.supervisor(), withThirdVersion(flat)), "TARIFF_VERSION_SKIPPED");

            CommandRun invalid = push(fixture, fixture.supervisor(), writeTariff(flat, flat.currency(), -1));
            assertThat(invalid.exitCode()).isEqualTo(ExitCode.FAILED);
            assertThat(invalid.err()).contains("versions[1].blocks[0].price").contains("TARIFF_INVALID");

            // Days after the gateway's clock: a typo the gateway would take for good, so the console asks first.
            CommandRun future = push(fixture, fixture.supervisor(), file, "--effective", "2026-06-20");
            assertRefused(future, "TARIFF_IN_FUTURE");
            assertThat(future.err()).contains("--future");

            assertThat(push(fixture, fixture.supervisor(), file).exitCode()).isEqualTo(ExitCode.OK);
            assertRefused(push(fixture, fixture.supervisor(), writeTariff(flat, flat.currency(), 4_300)),
                    "TARIFF_VERSION_TAKEN");
            // The push's adjustments moved the ledger: the next version waits for the gateway's next tick.
            clock.advance(Duration.ofMinutes(15));
            CommandRun meant = push(fixture, fixture.supervisor(), withThirdVersion(flat), "--effective",
                    "2026-06-20", "--future");
            assertThat(meant.exitCode()).as(meant.err()).isEqualTo(ExitCode.OK);
            assertThat(meant.out()).contains("\"versionNumber\" : 3", "\"effectiveFrom\" : \"2026-06-20T00:00\"");
            assertThat(fixture.site().gateway().ledgerAfter(0)).noneMatch(e -> e.reference().contains("UGX"));
        }
    }

    /** The supervisor's audit passes on the pulled site, and reconciliation finds no line that differs. */
    private static void auditsAndReconcilesClean(CommandSite fixture, String site) throws IOException {
        CommandRun audit = fixture.connect(fixture.supervisor(), "audit", "--site", site);
        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isEqualTo(ExitCode.OK);
        CommandRun reconcile = fixture.connect(fixture.supervisor(), "reconcile", "--site", site, "--json");
        assertThat(reconcile.exitCode()).as(reconcile.out() + reconcile.err()).isEqualTo(ExitCode.OK);
        assertThat(new ObjectMapper().readTree(reconcile.out()).get("differences")).as(reconcile.out()).isEmpty();
    }

    private static void assertRefused(CommandRun run, String code) {
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.FAILED);
        assertThat(run.err()).contains(code);
    }

    private static CommandRun push(CommandSite fixture, String credential, Path file, String... more) {
        List<String> args = new ArrayList<>(List.of("connect", "--tcp", fixture.tcp(), "--credential", credential,
                "tariff-push", file.toString(), "--json"));
        args.addAll(List.of(more));
        return CommandRun.of(args.toArray(String[]::new));
    }

    private static List<LedgerEntry> adjustmentsIn(CommandSite fixture) {
        return fixture.site().gateway().ledgerAfter(0).stream()
                .filter(e -> e.reference().contains(" tariff-version ") || e.reference().contains(" carried-forward "))
                .toList();
    }

    /** The site's flat tariff followed by a version at {@code minorPerKwh} (any sign) from yesterday. */
    private Path writeTariff(Tariff flat, String currency, long minorPerKwh) throws IOException {
        TariffSchedule schedule = TariffSchedule.flat(flat);
        TariffVersion first = schedule.versions().get(0);
        TariffVersion first2 = new TariffVersion(first.effectiveFrom(), currency, first.blocks(), first.blockReset(),
                first.tou(), first.standing(), first.minimumMonthlyMinor(), first.charges(),
                first.lifelinePowerLimitWatts());
        TariffVersion next = new TariffVersion(YESTERDAY, currency, List.of(new Block(null,
                minorPerKwh * Prices.ofMinorPerKwh(1), false)), null, List.of(), first.standing(), null, List.of(),
                null);
        Path file = home.resolve("tariff-" + currency + "-" + minorPerKwh + ".json");
        Files.writeString(file, TariffFile.write(new TariffSchedule(flat.tariffId(), currency, List.of(first2, next))));
        return file;
    }

    /** A file whose newest version would be the gateway's third while it holds one. */
    private Path withThirdVersion(Tariff flat) throws IOException {
        TariffSchedule two = TariffFile.read(writeTariff(flat, flat.currency(), 4_200));
        TariffVersion second = two.versions().get(1);
        TariffVersion third = new TariffVersion(YESTERDAY.plusHours(6), second.currency(), second.blocks(), null,
                List.of(), second.standing(), null, List.of(), null);
        List<TariffVersion> versions = new ArrayList<>(two.versions());
        versions.add(third);
        Path file = home.resolve("tariff-three.json");
        Files.writeString(file, TariffFile.write(new TariffSchedule(flat.tariffId(), flat.currency(), versions)));
        return file;
    }
}

package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.console.service.AppDirs;
import io.gridside.console.service.GatewayPinFile;
import io.gridside.link.client.GatewayPin;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.replace.ReplacementSite;
import io.gridside.site.LedgerEntry;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway replaced on a site whose clock runs ahead of this computer's, as a simulated site at {@code --speed}
 * does: a payment made meanwhile is dated by the site's clock, which this computer's has not reached.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReplacementOnAFastClockTest {

    /** The site's clock, a day ahead of this computer's whenever the test runs. */
    private static final Instant NOW = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);

    @TempDir
    Path home;

    private final SimClock.Manual clock = SimClock.manual(NOW);
    private CommandSite old;
    private ReplacementSite replacement;
    private String database;
    private String tcp;

    @BeforeEach
    void killTheGatewayAfterAPull() throws IOException {
        old = CommandSite.start(home, NOW, () -> SimulatedSite.start(new SiteSpec(8, 8, 1, NOW), clock)).pinned();
        database = home.resolve("site.db").toString();
        ReplacementSteps.pull(old, database, NOW.minus(Duration.ofDays(1)), NOW);
        ReplacementSteps.die(old, clock, Duration.ofHours(1), Duration.ofHours(2));
        replacement = ReplacementSite.listen(ReplacementSteps.newGateway(old, clock, "5a"));
        tcp = ReplacementSteps.tcp(replacement);
    }

    @AfterEach
    void close() {
        replacement.close();
        old.close();
    }

    @Test
    void creditsAPaymentDatedByTheNewGatewaysClockThoughThisComputersHasNotReachedIt() {
        CommandRun run = replaceGateway("--payments-complete", "--payment", "CASH-FAST-1," + old.customer(1)
                + ",25.00," + siteTime(clock.now().minus(Duration.ofMinutes(30))));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(replacement.gateway().ledgerAfter(0)).extracting(LedgerEntry::reference)
                .contains("payment:CASH-FAST-1");
    }

    @Test
    void aListingThatDoesNotReachTheGatewaySaysTheCompleteRunJudgesByItsClock() {
        CommandRun run = replaceGateway("--payment", "CASH-FAST-2," + old.customer(1) + ",25.00,"
                + siteTime(clock.now().minus(Duration.ofMinutes(30))));

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.err()).contains("later than now", "with it, by the new gateway's clock",
                "[REPLACE_PAYMENT_INVALID]");
    }

    @Test
    void aPaymentLaterThanBothClocksIsStillRefused() {
        CommandRun run = replaceGateway("--payments-complete", "--payment", "CASH-FAST-3," + old.customer(1)
                + ",25.00," + siteTime(clock.now().plus(Duration.ofHours(2))));

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.err()).contains("later than now", "by the gateway's clock as last seen",
                "[REPLACE_PAYMENT_INVALID]")
                .containsPattern("later than now \\(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} [A-Z]+ by the gateway's clock")
                .as("now in the site's time, not UTC").doesNotContainPattern("later than now \\(\\S+Z");
    }

    @Test
    void aPaymentLaterThanBothClocksLeavesTheSitesPinAndTheNewGatewayAsTheyWere() throws IOException {
        String siteId = old.site().gateway().profile().siteId();
        GatewayPin before = pins().find(siteId).orElseThrow();
        String late = "CASH-FAST-4," + old.customer(1) + ",25.00,";

        CommandRun refused = replaceGateway("--payments-complete", "--payment",
                late + siteTime(clock.now().plus(Duration.ofHours(2))));

        assertThat(refused.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(refused.err()).contains("--payment 1 (CASH-FAST-4), time: ", "later than now",
                "judged by the clock of gateway " + replacement.gateway().profile().gatewayId(),
                "the site's key was not re-pinned", "[REPLACE_PAYMENT_INVALID]").doesNotContain("re-pinned: was");
        assertThat(pins().find(siteId)).contains(before);
        assertThat(before.gatewayId()).isEqualTo(old.site().gateway().profile().gatewayId());
        assertThatThrownBy(() -> replacement.gateway().balance(old.customer(1)))
                .isInstanceOf(IllegalStateException.class);
        try (SiteStore store = SiteStore.open(Path.of(database))) {
            assertThat(store.queuedPayments()).noneMatch(payment -> payment.reference().equals("CASH-FAST-4"));
        }

        CommandRun dated = replaceGateway("--payments-complete", "--payment",
                late + siteTime(clock.now().minus(Duration.ofMinutes(30))));

        assertThat(dated.exitCode()).as(dated.err()).isZero();
        assertThat(dated.err()).contains("re-pinned: was " + before.fingerprint());
        assertThat(pins().find(siteId).orElseThrow().gatewayId())
                .isEqualTo(replacement.gateway().profile().gatewayId());
    }

    private static GatewayPinFile pins() {
        return GatewayPinFile.of(AppDirs.forCurrentUser());
    }

    private String siteTime(Instant at) {
        return LocalDateTime.ofInstant(at, old.site().gateway().layout().site().zone()).truncatedTo(ChronoUnit.MINUTES)
                .toString();
    }

    private CommandRun replaceGateway(String... options) {
        String[] command = {"connect", "--tcp", tcp, "replace-gateway", "--site", database, "--credential",
            old.supervisor()};
        String[] all = new String[command.length + options.length];
        System.arraycopy(command, 0, all, 0, command.length);
        System.arraycopy(options, 0, all, command.length, options.length);
        return CommandRun.of(all);
    }
}

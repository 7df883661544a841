package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.replace.ReplacementSite;
import io.gridside.site.LedgerEntry;
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
                "[REPLACE_PAYMENT_INVALID]");
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

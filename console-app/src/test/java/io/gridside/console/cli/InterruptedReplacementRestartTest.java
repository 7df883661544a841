package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.auth.TechnicianCredential;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.replace.ReplacementGateway;
import io.gridside.sim.replace.ReplacementSite;
import io.gridside.site.ledger.LedgerLink;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replacement run twice, the first time stopped after its reconciliation was posted (the console killed), and the
 * new gateway started again on its journal later, while the dead gateway's meters ran on: the gateway started again
 * posts its ledger entry for entry as it did before, so the audit finds the chain the console stored.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class InterruptedReplacementRestartTest {

    /** Mid quarter hour, so that a register read there lies before the end of the interval under way. */
    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final Instant FROM = Instant.parse("2026-06-01T09:00:00Z");

    @TempDir
    Path home;

    private final SimClock.Manual clock = SimClock.manual(NOW);
    private CommandSite old;
    private ReplacementSite replacement;
    private String database;
    private String tcp;

    @AfterEach
    void close() {
        if (replacement != null) {
            replacement.close();
        }
        old.close();
    }

    @Test
    void aReplacementRunTwiceAndStartedAgainPostsTheLedgerItPostedBefore() throws IOException {
        pullAndLetTheGatewayDie();
        replacement = ReplacementSite.listen(journaled());
        tcp = ReplacementSteps.tcp(replacement);
        CommandRun interrupted = replaceGateway();
        clock.advance(Duration.ofMinutes(12));
        CommandRun again = replaceGateway();
        clock.advance(Duration.ofMinutes(40));
        String technician = old.technician(home, NOW, Duration.ofDays(30),
                Map.of(TechnicianCredential.CASH_LIMIT, 100_000L));
        CommandRun cash = CommandRun.of("connect", "--tcp", tcp, "--credential", technician, "topup", "--customer",
                old.customer(1), "--amount", "40", "--reference", "CASH-T1");
        clock.advance(Duration.ofMinutes(25));
        CommandRun audit = audit();
        List<LedgerLink> posted = replacement.gateway().ledgerLinksAfter(0);
        replacement.close();

        clock.advance(Duration.ofMinutes(50));
        replacement = ReplacementSite.listen(journaled());
        tcp = ReplacementSteps.tcp(replacement);
        List<LedgerLink> resumed = replacement.gateway().ledgerLinksAfter(0);
        CommandRun auditAfterRestart = audit();

        assertThat(interrupted.exitCode()).as(interrupted.err()).isZero();
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(cash.exitCode()).as(cash.err()).isZero();
        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isZero();
        assertThat(resumed).as("the gateway started again posts what it posted before")
                .startsWith(posted.toArray(LedgerLink[]::new));
        assertThat(auditAfterRestart.exitCode()).as(auditAfterRestart.out() + auditAfterRestart.err()).isZero();
    }

    private ReplacementGateway journaled() {
        return ReplacementSteps.journaledGateway(old, clock, "5a", home.resolve("journal"));
    }

    /** Pulls a fresh site, lets its gateway run on two minutes and die a minute later. */
    private void pullAndLetTheGatewayDie() throws IOException {
        old = CommandSite.start(home, NOW, () -> SimulatedSite.start(new SiteSpec(12, 8, 2, NOW), clock)).pinned();
        database = home.resolve("site.db").toString();
        ReplacementSteps.pull(old, database, FROM, NOW);
        ReplacementSteps.die(old, clock, Duration.ofMinutes(2), Duration.ofMinutes(1));
    }

    private CommandRun audit() {
        return ReplacementSteps.audit(tcp, old.supervisor(), database);
    }

    private CommandRun replaceGateway() {
        return CommandRun.of("connect", "--tcp", tcp, "replace-gateway", "--site", database, "--payments-complete",
                "--credential", old.supervisor());
    }
}

package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.service.Progress;
import io.gridside.console.service.SitePull;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.auth.TechnicianCredential;
import io.gridside.link.client.Authentication;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.transport.TcpTransport;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.replace.MeterRegisters;
import io.gridside.sim.replace.ReplacementGateway;
import io.gridside.sim.replace.ReplacementSite;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.ledger.LedgerLink;
import io.gridside.site.store.SiteStore;
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
    private static final SigningKey KEY = SigningKey.fromSeed(ByteString.fromHex("5a".repeat(32)));

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
        tcp = replacement.address().getHostString() + ":" + replacement.address().getPort();
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
        tcp = replacement.address().getHostString() + ":" + replacement.address().getPort();
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
        return ReplacementGateway.journaled(old.site().gateway().profile().siteId(), "GW-NEW001", KEY,
                DemoOperator.trusted(), clock, MeterRegisters.of(old.site().gateway()), home.resolve("journal"));
    }

    /** Pulls a fresh site, lets its gateway run on two minutes and die a minute later. */
    private void pullAndLetTheGatewayDie() throws IOException {
        old = CommandSite.start(home, NOW, () -> SimulatedSite.start(new SiteSpec(12, 8, 2, NOW), clock)).pinned();
        String siteId = old.site().gateway().profile().siteId();
        database = home.resolve("site.db").toString();
        String[] address = old.tcp().split(":");
        try (SiteStore store = SiteStore.open(Path.of(database));
                GatewayClient client = GatewayClient.open(
                        TcpTransport.connect(address[0], Integer.parseInt(address[1]), 2000),
                        Authentication.of(DemoOperator.supervisorFor(siteId, NOW), GatewayPins.inMemory()),
                        Duration.ofSeconds(10))) {
            SitePull.run(client, store, FROM, NOW, Progress.NONE, () -> false);
        }
        clock.advance(Duration.ofMinutes(2));
        old.site().stopListeningTcp();
        old.site().endTcpSessions();
        clock.advance(Duration.ofMinutes(1));
    }

    private CommandRun audit() {
        return CommandRun.of("connect", "--tcp", tcp, "--credential", old.supervisor(), "audit", "--site",
                database);
    }

    private CommandRun replaceGateway() {
        return CommandRun.of("connect", "--tcp", tcp, "replace-gateway", "--site", database, "--payments-complete",
                "--credential", old.supervisor());
    }
}

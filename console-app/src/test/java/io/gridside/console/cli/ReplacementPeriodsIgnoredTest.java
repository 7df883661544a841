package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.link.auth.SigningKey;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.replace.MeterRegisters;
import io.gridside.sim.replace.ReplacementGateway;
import io.gridside.sim.replace.ReplacementSite;
import io.gridside.site.cbor.ByteString;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replace-gateway} tells the technician when the new gateway does not say it goes on with the accounts'
 * periods (protocol section 6.40): its firmware takes reconciliations of schema 2 only and opens every account
 * afresh, which used to go unsaid until an audit after the day's end.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReplacementPeriodsIgnoredTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private final SimClock.Manual clock = SimClock.manual(NOW);
    private CommandSite old;
    private ReplacementSite replacement;

    @AfterEach
    void close() {
        if (replacement != null) {
            replacement.close();
        }
        old.close();
    }

    @Test
    void warnsThatAGatewayTakingNoPeriodsOpensEveryAccountAfresh() throws IOException {
        CommandRun run = replaceWith(gateway -> gateway.takingNoPeriods(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("GW-NEW001", "afresh", "[REPLACE_PERIODS_IGNORED]");
        assertThat(JSON.readTree(run.out()).get("periodsIgnored").asBoolean()).isTrue();
    }

    @Test
    void saysNothingOfPeriodsToAGatewayThatTakesThem() throws IOException {
        CommandRun run = replaceWith(gateway -> gateway, "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("REPLACE_PERIODS_IGNORED");
        assertThat(JSON.readTree(run.out()).get("periodsIgnored").asBoolean()).isFalse();
    }

    /** Pulls a fresh site, lets its gateway die, and replaces it with the gateway {@code made} makes. */
    private CommandRun replaceWith(java.util.function.UnaryOperator<ReplacementGateway> made, String... options)
            throws IOException {
        old = CommandSite.start(home, NOW, () -> SimulatedSite.start(new SiteSpec(12, 8, 2, NOW), clock)).pinned();
        String siteId = old.site().gateway().profile().siteId();
        String database = home.resolve("site.db").toString();
        CommandRun pulled = old.connect(old.supervisor(), "audit", "--site", database);
        assertThat(pulled.exitCode()).as(pulled.out() + pulled.err()).isZero();
        clock.advance(Duration.ofMinutes(20));
        old.site().stopListeningTcp();
        old.site().endTcpSessions();
        clock.advance(Duration.ofHours(1));
        replacement = ReplacementSite.listen(made.apply(new ReplacementGateway(siteId, "GW-NEW001",
                SigningKey.fromSeed(ByteString.fromHex("5c".repeat(32))), DemoOperator.trusted(), clock,
                MeterRegisters.of(old.site().gateway()))));
        String tcp = replacement.address().getHostString() + ":" + replacement.address().getPort();
        String[] command = {"connect", "--tcp", tcp, "--credential", old.supervisor(), "replace-gateway", "--site",
            database, "--payments-complete"};
        String[] all = new String[command.length + options.length];
        System.arraycopy(command, 0, all, 0, command.length);
        System.arraycopy(options, 0, all, command.length, options.length);
        return CommandRun.of(all);
    }
}

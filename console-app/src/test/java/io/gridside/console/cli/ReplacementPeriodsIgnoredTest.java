package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.replace.ReplacementGateway;
import io.gridside.sim.replace.ReplacementSite;
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
        String database = home.resolve("site.db").toString();
        CommandRun pulled = old.connect(old.supervisor(), "audit", "--site", database);
        assertThat(pulled.exitCode()).as(pulled.out() + pulled.err()).isZero();
        ReplacementSteps.die(old, clock, Duration.ofMinutes(20), Duration.ofHours(1));
        replacement = ReplacementSite.listen(made.apply(ReplacementSteps.newGateway(old, clock, "5c")));
        return ReplacementSteps.replaceGateway(ReplacementSteps.tcp(replacement), old.supervisor(), database, options);
    }
}

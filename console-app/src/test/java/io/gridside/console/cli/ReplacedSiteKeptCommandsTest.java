package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.replace.ReplacementSite;
import io.gridside.site.LedgerEntry;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site whose replica held the dead gateway's cash top-up in its ledger when the gateway died: on the new gateway the
 * audit traces that entry, of the dead gateway's part, to the command the site database kept (decision 0090).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReplacedSiteKeptCommandsTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final String REFERENCE = "R-KEPT-1";

    @TempDir
    Path home;

    private final SimClock.Manual clock = SimClock.manual(NOW);
    private CommandSite old;
    private ReplacementSite replacement;
    private String database;

    @BeforeEach
    void takeCashThenPull() throws IOException {
        old = CommandSite.start(home, NOW, () -> SimulatedSite.start(new SiteSpec(12, 8, 2, NOW), clock)).pinned();
        database = home.resolve("site.db").toString();
        String technician = old.technician(home, NOW, Duration.ofDays(30),
                Map.of("maxOfflineCashCreditMinor", 1_000_000L));
        clock.advance(Duration.ofMinutes(1));
        CommandRun topUp = old.connect(technician, "topup", "--customer", old.customer(1), "--amount", "50",
                "--reference", REFERENCE);
        assertThat(topUp.exitCode()).as(topUp.out() + topUp.err()).isZero();
        // Pulled twenty minutes on, the top-up is in the replica's ledger; a minute on, it was not yet.
        clock.advance(Duration.ofMinutes(20));
        CommandRun pulled = old.connect(old.supervisor(), "audit", "--site", database);
        assertThat(pulled.exitCode()).as(pulled.out() + pulled.err()).isZero();
    }

    @AfterEach
    void close() {
        if (replacement != null) {
            replacement.close();
        }
        old.close();
    }

    @Test
    void theDeadGatewaysCashInTheReplicaTracesToItsKeptCommand() throws IOException {
        long cashSeq = cashEntrySeq();

        CommandRun audit = replaceThenAudit();

        assertThat(cashSeq).as("the top-up is of the dead gateway's part").isLessThanOrEqualTo(tipOfReplica());
        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isZero();
        assertThat(audit.out()).doesNotContain(REFERENCE);
    }

    @Test
    void aKeptCommandWhoseCommandBytesWereAlteredLeavesTheCashUnsigned() throws IOException, SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement update = connection.createStatement()) {
            assertThat(update.executeUpdate("UPDATE kept_command SET command = command || x'00'")).isPositive();
        }

        CommandRun audit = replaceThenAudit();

        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isEqualTo(ExitCode.FAILED);
        assertThat(audit.out()).contains("does not check out").contains("TOP_UP").contains(REFERENCE);
    }

    private long cashEntrySeq() {
        try (SiteStore store = SiteStore.open(Path.of(database))) {
            return store.ledger().stream().filter(e -> e.reference().endsWith(REFERENCE)).mapToLong(LedgerEntry::seq)
                    .findFirst().orElseThrow(() -> new AssertionError("the replica holds no " + REFERENCE));
        }
    }

    private long tipOfReplica() {
        try (SiteStore store = SiteStore.open(Path.of(database))) {
            String gap = store.ledger().stream().map(LedgerEntry::reference).filter(r -> r.startsWith("gap:"))
                    .findFirst().orElseThrow(() -> new AssertionError("no gap line"));
            String[] parts = gap.split(":");
            return Long.parseLong(parts[parts.length - 2]);
        }
    }

    /** Lets the gateway run on, die and be replaced, then audits the site on the new gateway. */
    private CommandRun replaceThenAudit() throws IOException {
        ReplacementSteps.die(old, clock, Duration.ofMinutes(2), Duration.ofMinutes(1));
        replacement = ReplacementSite.listen(ReplacementSteps.newGateway(old, clock, "5c"));
        String tcp = ReplacementSteps.tcp(replacement);
        CommandRun replaced = ReplacementSteps.replaceGateway(tcp, old.supervisor(), database);
        assertThat(replaced.exitCode()).as(replaced.out() + replaced.err()).isZero();
        clock.advance(Duration.ofMinutes(20));
        return ReplacementSteps.audit(tcp, old.supervisor(), database);
    }
}

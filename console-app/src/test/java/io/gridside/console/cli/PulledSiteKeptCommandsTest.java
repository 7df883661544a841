package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.service.AppDirs;
import io.gridside.console.service.ConnectionTarget;
import io.gridside.console.service.ConsoleSession;
import io.gridside.console.service.Connector;
import io.gridside.console.service.GatewayPinFile;
import io.gridside.console.service.Progress;
import io.gridside.console.service.SitePull;
import io.gridside.link.client.CancelSignal;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.replace.ReplacementSite;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
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
 * A site the console only pulled, never audited, before its gateway died: each pull kept the signed commands it
 * read (decision 0092), so the audit on the new gateway traces the dead gateway's cash to them; a kept command
 * altered in the database still vouches for nothing. The list of commands and the reconciliation keep what they
 * read too.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PulledSiteKeptCommandsTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final String FIRST = "R-PULLED-1";
    private static final String SECOND = "R-PULLED-2";

    @TempDir
    Path home;

    private final SimClock.Manual clock = SimClock.manual(NOW);
    private CommandSite old;
    private ReplacementSite replacement;
    private Connector connector;
    private String technician;
    private Path database;

    @BeforeEach
    void startAndPinTheSite() throws IOException {
        old = CommandSite.start(home, NOW, () -> SimulatedSite.start(new SiteSpec(12, 8, 1, NOW), clock)).pinned();
        technician = old.technician(home, NOW, Duration.ofDays(30), Map.of("maxOfflineCashCreditMinor", 1_000_000L));
        AppDirs dirs = AppDirs.forCurrentUser();
        connector = new Connector(GatewayPinFile.of(dirs));
        database = dirs.siteDatabase(old.site().gateway().profile().siteId());
    }

    @AfterEach
    void close() {
        connector.close();
        if (replacement != null) {
            replacement.close();
        }
        old.close();
    }

    @Test
    void cashPulledButNeverAuditedTracesToTheKeptCommandsAfterAReplacement() throws Exception {
        SitePull.Result before = pull();
        topUp(1, FIRST);
        SitePull.Result first = pull();
        topUp(2, SECOND);
        SitePull.Result second = pull();
        SitePull.Result again = pull();

        CommandRun audit = replaceThenAudit();

        assertThat(before.commandsReceived()).as("no command was taken before the first pull").isZero();
        assertThat(first.commandsNew()).isEqualTo(1);
        assertThat(second.commandsReceived()).as("a pull reads the log after the last command kept").isEqualTo(1);
        assertThat(again.commandsReceived()).isZero();
        assertThat(keptRows()).isEqualTo(2);
        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isZero();
        assertThat(audit.out()).doesNotContain(FIRST).doesNotContain(SECOND);
    }

    @Test
    void aKeptCommandAlteredInTheDatabaseStillFailsTheAudit() throws Exception {
        pull();
        topUp(1, FIRST);
        pull();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement update = connection.createStatement()) {
            assertThat(update.executeUpdate("UPDATE kept_command SET command = command || x'00'")).isEqualTo(1);
        }

        CommandRun audit = replaceThenAudit();

        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isEqualTo(ExitCode.FAILED);
        assertThat(audit.out()).contains("does not check out").contains("TOP_UP").contains(FIRST);
    }

    @Test
    void theListOfCommandsKeepsWhatItReadInTheSitesDatabase() throws Exception {
        pull();
        topUp(1, FIRST);

        CommandRun listed = old.connect(technician, "commands");
        long afterList = keptRows();
        CommandRun again = old.connect(technician, "commands");

        assertThat(listed.exitCode()).as(listed.out() + listed.err()).isZero();
        assertThat(afterList).isEqualTo(1);
        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(keptRows()).as("a second read keeps no second row").isEqualTo(1);
    }

    @Test
    void theReconciliationKeepsTheLogItReadsInTheSitesDatabase() throws Exception {
        pull();
        topUp(1, FIRST);

        CommandRun reconciled = old.connect(technician, "reconcile");

        assertThat(reconciled.exitCode()).as(reconciled.out() + reconciled.err()).isZero();
        assertThat(keptRows()).isEqualTo(1);
    }

    /** Pulls the site into its database as the console's Pull does, in a session of its own. */
    private SitePull.Result pull() throws IOException {
        ConnectionTarget target = ConnectionTarget.Tcp.parse(old.tcp());
        try (ConsoleSession session = ConsoleSession.open(connector, AppDirs.forCurrentUser(), target,
                CommandFiles.credential(Path.of(old.supervisor())))) {
            return session.pull(Progress.NONE, CancelSignal.NEVER);
        }
    }

    /** Has the technician take cash from the customer at {@code index}, then lets twenty minutes pass. */
    private void topUp(int index, String reference) {
        clock.advance(Duration.ofMinutes(1));
        CommandRun topUp = old.connect(technician, "topup", "--customer", old.customer(index), "--amount", "50",
                "--reference", reference);
        assertThat(topUp.exitCode()).as(topUp.out() + topUp.err()).isZero();
        clock.advance(Duration.ofMinutes(20));
    }

    /** Lets the gateway run on, die and be replaced, then audits the site on the new gateway. */
    private CommandRun replaceThenAudit() throws IOException {
        ReplacementSteps.die(old, clock, Duration.ofMinutes(2), Duration.ofMinutes(1));
        replacement = ReplacementSite.listen(ReplacementSteps.newGateway(old, clock, "5d"));
        String tcp = ReplacementSteps.tcp(replacement);
        CommandRun replaced = ReplacementSteps.replaceGateway(tcp, old.supervisor(), database.toString());
        assertThat(replaced.exitCode()).as(replaced.out() + replaced.err()).isZero();
        clock.advance(Duration.ofMinutes(20));
        return ReplacementSteps.audit(tcp, old.supervisor(), database.toString());
    }

    private long keptRows() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("SELECT COUNT(*) FROM kept_command")) {
            return rows.getLong(1);
        }
    }
}

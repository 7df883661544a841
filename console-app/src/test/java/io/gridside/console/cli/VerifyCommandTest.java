package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bill verify} over a simulated week pulled with {@code connect ... audit}: the chain is intact and the
 * trial balance balances; a row tampered with in SQLite is named, and the audit then refuses to pull onto it.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class VerifyCommandTest {

    private static final Instant NOW = Instant.parse("2026-06-08T00:00:00Z");

    @TempDir
    Path home;

    @Test
    void aPulledWeekVerifiesAndATamperedRowIsTheFirstBreak() throws IOException, SQLException {
        try (CommandSite fixture = CommandSite.start(home, NOW, () ->
                SimulatedSite.start(new SiteSpec(20, 7, 7, NOW), SimClock.manual(NOW)))) {
            Path database = home.resolve("site.db");
            CommandRun pull = CommandRun.of("connect", "--tcp", fixture.tcp(), "--credential", fixture.supervisor(),
                    "audit", "--site", database.toString());
            assertThat(pull.exitCode()).as(pull.out() + pull.err()).isZero();

            CommandRun intact = CommandRun.of("bill", "verify", "--site", database.toString());

            assertThat(intact.exitCode()).as(intact.err()).isZero();
            assertThat(intact.out()).containsPattern("chain of \\d+ entries intact, balances derived = stored");
            String total = Arrays.stream(intact.out().split("\n")).filter(l -> l.startsWith("TOTAL")).findFirst()
                    .orElseThrow();
            String[] sums = total.trim().split("\\s+");
            assertThat(sums[1]).isEqualTo(sums[2]);
            assertThat(Long.parseLong(sums[1])).isPositive();
            assertThat(intact.out()).contains("ENERGY_REVENUE").contains("CUSTOMER_CREDIT");

            tamper(database, "UPDATE ledger_entry SET amount_minor = amount_minor - 1, "
                    + "balance_after_minor = balance_after_minor - 1 WHERE seq = 40");
            CommandRun broken = CommandRun.of("bill", "verify", "--site", database.toString());
            CommandRun refused = CommandRun.of("connect", "--tcp", fixture.tcp(), "--credential",
                    fixture.supervisor(), "audit", "--site", database.toString());

            assertThat(broken.exitCode()).isEqualTo(1);
            assertThat(broken.err()).contains("ledger broken at entry 40").contains("LEDGER_BROKEN");
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).contains("entry 40");
        }
    }

    /** Edits the file as someone holding it could, past the store's append-only triggers. */
    private static void tamper(Path database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER ledger_entry_no_update");
            statement.executeUpdate(sql);
        }
    }
}

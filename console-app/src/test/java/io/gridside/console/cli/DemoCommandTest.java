package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DemoCommandTest {

    private static final List<String> COLUMNS = List.of("energyWh", "openingMinor", "topUpsMinor",
            "energyChargesMinor", "standingChargesMinor", "balanceMinor");

    @Test
    void headlessDemoPrintsTotalsThatEqualTheSumOfItsRows() throws IOException {
        CommandRun run = CommandRun.of("demo", "--headless", "--meters", "40", "--days", "2", "--seed", "3",
                "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(run.out());
        JsonNode rows = summary.get("rows");
        assertThat(rows).hasSize(40);
        for (String column : COLUMNS) {
            long sum = 0;
            for (JsonNode row : rows) {
                sum += row.get(column).asLong();
            }
            assertThat(summary.get("totals").get(column).asLong()).as(column).isEqualTo(sum);
        }
        assertThat(summary.get("audit").get("agrees").asBoolean()).isTrue();
        // Per customer at least the opening, the standing charges of the days begun and a day's energy posting.
        assertThat(summary.get("audit").get("entriesCompared").asLong()).isGreaterThanOrEqualTo(40 * 4);
    }

    @Test
    void eachRowsBalanceIsOpeningPlusTopUpsMinusCharges() throws IOException {
        CommandRun run = CommandRun.of("demo", "--headless", "--meters", "30", "--days", "1", "--json");

        for (JsonNode row : new ObjectMapper().readTree(run.out()).get("rows")) {
            long expected = row.get("openingMinor").asLong() + row.get("topUpsMinor").asLong()
                    - row.get("energyChargesMinor").asLong() - row.get("standingChargesMinor").asLong();
            assertThat(row.get("balanceMinor").asLong()).as(row.get("customerId").asText()).isEqualTo(expected);
        }
    }

    @Test
    void aSiteWithNoHistoryYetAuditsCleanly() throws IOException {
        CommandRun run = CommandRun.of("demo", "--headless", "--meters", "10", "--days", "0", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(run.out());
        assertThat(summary.get("rows")).hasSize(10);
        for (JsonNode row : summary.get("rows")) {
            assertThat(row.get("energyChargesMinor").asLong()).isZero();
            assertThat(row.get("balanceMinor").asLong()).isEqualTo(row.get("openingMinor").asLong()
                    + row.get("topUpsMinor").asLong() - row.get("standingChargesMinor").asLong());
        }
    }

    @Test
    void headlessDemoPrintsATableWithATotalRowAndTheAudit() {
        CommandRun run = CommandRun.of("demo", "--headless", "--meters", "12", "--days", "1");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("cust", "balance", "C00012").containsPattern("(?m)^TOTAL\\s+\\d");
        assertThat(run.out()).contains("Audit: all");
    }

    @Test
    void keepsTheSiteDatabaseWhenOneIsGiven(@TempDir Path dir) {
        Path database = dir.resolve("demo.db");

        CommandRun run = CommandRun.of("demo", "--headless", "--meters", "5", "--days", "1", "--site",
                database.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(Files.exists(database)).isTrue();
    }

    @Test
    void rejectsAnImpossibleSiteWithAUsageError() {
        CommandRun run = CommandRun.of("demo", "--headless", "--meters", "0");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("meters");
    }
}

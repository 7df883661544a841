package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.sim.month.SiteMonth;
import io.gridside.site.store.SiteStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimMonthCommandTest {

    @Test
    void makesAMonthInTheCacheAndPrintsItsPath(@TempDir Path cache) {
        CommandRun run = CommandRun.of("sim", "month", "--meters", "12", "--seed", "7", "--scenario",
                "feeder-outage", "--days", "1", "--cache", cache.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        Path file = Path.of(run.out().strip());
        assertThat(file).startsWith(cache);
        assertThat(file.getFileName().toString())
                .startsWith("site-m12-s7-feeder-outage-d1-g" + SiteMonth.GENERATOR_VERSION + "-");
        try (SiteStore store = SiteStore.open(file)) {
            assertThat(store.readingCount()).isPositive();
        }
    }

    @Test
    void copiesTheMonthToTheFileItIsGiven(@TempDir Path cache, @TempDir Path elsewhere) {
        Path out = elsewhere.resolve("month.db");

        CommandRun run = CommandRun.of("sim", "month", "--meters", "5", "--days", "1", "--cache", cache.toString(),
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out().strip()).isEqualTo(out.toAbsolutePath().toString());
        assertThat(out).isNotEmptyFile();
    }

    @Test
    void aScenarioThatDoesNotShipIsAUsageError(@TempDir Path cache) {
        CommandRun run = CommandRun.of("sim", "month", "--meters", "5", "--days", "1", "--scenario", "no-such",
                "--cache", cache.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("'no-such' is not one", "quiet-week").doesNotContain(".;");
    }
}

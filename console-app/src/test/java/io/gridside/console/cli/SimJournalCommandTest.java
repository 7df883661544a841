package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedGateway;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.scenario.Scenario;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks of {@code sim --journal DIR}, which come before the site listens. */
class SimJournalCommandTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");

    @TempDir
    Path journal;

    @Test
    void refusesAJournalKeptByAnotherSiteAndSaysWhy() {
        SiteSpec kept = new SiteSpec(5, 3, 0, NOW);
        new SimulatedGateway(kept, SimClock.manual(NOW), DemoOperator.trusted(), SimulatedGateway.identityKeyFor(kept),
                Scenario.NONE, journal).close();

        CommandRun run = CommandRun.of("sim", "--tcp", "0", "--meters", "5", "--seed", "4", "--days", "0",
                "--journal", journal.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.err()).contains("was kept by another site", "seed=3", "seed=4", "[SIM_JOURNAL_REFUSED]");
    }

    @Test
    void aFloodCannotBeKeptInAJournal() {
        CommandRun run = CommandRun.of("sim", "--tcp", "0", "--meters", "5", "--days", "0", "--flood-meter",
                "M00001", "--journal", journal.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).singleElement().asString().contains("--flood-meter cannot be used with --journal");
    }
}

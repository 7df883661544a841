package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.sim.DemoOperator;
import io.gridside.sim.GatewayResume;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedGateway;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.scenario.Scenario;
import io.gridside.site.Reading;
import java.nio.file.Path;
import java.time.Duration;
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
        gateway(kept, SimClock.manual(NOW)).close();

        CommandRun run = CommandRun.of("sim", "--tcp", "0", "--meters", "5", "--seed", "4", "--days", "0",
                "--journal", journal.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.err()).contains("was kept by another site", "seed=3", "seed=4", "[SIM_JOURNAL_REFUSED]");
    }

    @Test
    void aGatewayStartedAgainOnItsJournalFollowsTheRealClockAndBillsTheQuarterHoursItWasStopped() {
        SiteSpec kept = new SiteSpec(5, 3, 0, NOW);
        SimClock.Manual firstClock = SimClock.manual(NOW);
        try (SimulatedGateway first = gateway(kept, firstClock)) {
            firstClock.advance(Duration.ofHours(6));
            first.advance();
        }
        Instant realNow = NOW.plus(Duration.ofHours(6)).plus(Duration.ofMinutes(13));
        SimCommand sim = new SimCommand();
        sim.journal = journal;

        GatewayResume.Resumed resumed = sim.resumed(new SiteSpec(5, 3, 0, realNow), realNow);

        assertThat(resumed.clock()).as("the real clock, not the last quarter hour billed").isEqualTo(realNow);
        SimClock.Manual uninterruptedClock = SimClock.manual(NOW);
        try (SimulatedGateway again = gateway(resumed.spec(), SimClock.manual(resumed.clock()));
                SimulatedGateway uninterrupted = new SimulatedGateway(kept, uninterruptedClock)) {
            uninterruptedClock.advance(Duration.between(NOW, realNow));
            assertThat(again.clock()).isEqualTo(realNow);
            assertThat(again.ledgerAfter(0)).isEqualTo(uninterrupted.ledgerAfter(0));
            assertThat(again.readings(Instant.EPOCH, Instant.MAX, null)).as("the gap read")
                    .isEqualTo(uninterrupted.readings(Instant.EPOCH, Instant.MAX, null))
                    .extracting(Reading::intervalEnd).contains(Reading.intervalStartOf(realNow));
        }
    }

    @Test
    void aGatewayThatRanAheadOfTheRealClockResumesWhereItGotTo() {
        SiteSpec kept = new SiteSpec(5, 3, 0, NOW);
        SimClock.Manual firstClock = SimClock.manual(NOW);
        try (SimulatedGateway first = gateway(kept, firstClock)) {
            firstClock.advance(Duration.ofHours(6));
            first.advance();
        }
        SimCommand sim = new SimCommand();
        sim.journal = journal;

        GatewayResume.Resumed resumed = sim.resumed(kept, NOW.plus(Duration.ofHours(1)));

        assertThat(resumed.clock()).isEqualTo(Instant.parse("2026-06-03T15:00:00Z"));
    }

    @Test
    void aFloodCannotBeKeptInAJournal() {
        CommandRun run = CommandRun.of("sim", "--tcp", "0", "--meters", "5", "--days", "0", "--flood-meter",
                "M00001", "--journal", journal.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).singleElement().asString().contains("--flood-meter cannot be used with --journal");
    }

    private SimulatedGateway gateway(SiteSpec spec, SimClock clock) {
        return new SimulatedGateway(spec, clock, DemoOperator.trusted(), SimulatedGateway.identityKeyFor(spec),
                Scenario.NONE, journal);
    }
}

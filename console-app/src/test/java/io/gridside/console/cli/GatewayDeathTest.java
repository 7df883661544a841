package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.sim.SimClock;
import io.gridside.sim.replace.ReplacementJournal;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** When {@code sim --replace-gateway-after} lets the gateway die, with and without a journal an earlier run kept. */
class GatewayDeathTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");

    @TempDir
    Path journal;

    private final SimClock.Manual clock = SimClock.manual(NOW);
    private final Instant asked = NOW.plus(Duration.ofMinutes(60));

    @Test
    void diesWhenAskedWithoutAJournalOrOnANewOne() {
        assertThat(GatewayDeath.deathAt(clock, asked, null)).isEqualTo(asked);
        assertThat(GatewayDeath.deathAt(clock, asked, journal.resolve(GatewayDeath.REPLACEMENT_JOURNAL)))
                .isEqualTo(asked);
    }

    @Test
    void diesAtOnceWhenItsReplacementKeptAJournalInAnEarlierRun() {
        Path kept = journal.resolve(GatewayDeath.REPLACEMENT_JOURNAL);
        ReplacementJournal.open(kept, "site-8", NOW).close();
        clock.advance(Duration.ofMinutes(5));

        assertThat(GatewayDeath.deathAt(clock, asked, kept)).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void aLineOnTheInputTellsTheGatewayToDieAndAnInputThatEndsWithoutOneDoesNot() throws Exception {
        InputStream enter = new ByteArrayInputStream("\n".getBytes(StandardCharsets.UTF_8));
        InputStream nobody = new ByteArrayInputStream(new byte[0]);

        assertThat(GatewayDeath.lineOn(enter).get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(GatewayDeath.lineOn(nobody).get(30, TimeUnit.SECONDS)).isFalse();
    }

    /** A simulator that took the options would run on: the timeout ends the test then. */
    @Test
    @Timeout(120)
    void onInputNeedsATimeToDieAndASiteGatewayNotAFreshOne() {
        CommandRun alone = CommandRun.of("sim", "--tcp", "0", "--replace-gateway-on-input");
        CommandRun fresh = CommandRun.of("sim", "--fresh", "--tcp", "0", "--replace-gateway-after", "20",
                "--replace-gateway-on-input");

        assertThat(alone.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(alone.errLines()).singleElement().asString().contains("--replace-gateway-on-input");
        assertThat(fresh.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(fresh.errLines()).singleElement().asString().contains("--replace-gateway-on-input");
    }
}

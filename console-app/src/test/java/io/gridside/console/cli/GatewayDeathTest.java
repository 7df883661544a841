package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.sim.SimClock;
import io.gridside.sim.replace.ReplacementJournal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
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
}

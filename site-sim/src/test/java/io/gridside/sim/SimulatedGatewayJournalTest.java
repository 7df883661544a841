package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.message.GetReadings;
import io.gridside.sim.journal.GatewayJournal;
import io.gridside.sim.scenario.Scenario;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway keeps its history in a journal on disk, where it is told to or in a temporary place of its own. */
class SimulatedGatewayJournalTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final SiteSpec SPEC = new SiteSpec(12, 3, 1, NOW);

    @Test
    void keepsItsJournalInTheDirectoryItIsGivenAfterItCloses(@TempDir Path directory) {
        SimulatedGateway gateway = new SimulatedGateway(SPEC, SimClock.manual(NOW), DemoOperator.trusted(),
                SimulatedGateway.identityKeyFor(SPEC), Scenario.NONE, directory);

        gateway.close();

        assertThat(gateway.journalFile()).isEqualTo(directory.resolve(GatewayJournal.FILE_NAME));
        assertThat(directory.resolve(GatewayJournal.FILE_NAME)).isNotEmptyFile();
    }

    @Test
    void deletesATemporaryJournalWhenItCloses() {
        SimulatedGateway gateway = new SimulatedGateway(SPEC, SimClock.manual(NOW));
        Path directory = gateway.journalFile().getParent();
        assertThat(gateway.journalFile()).exists();

        gateway.close();

        assertThat(directory).doesNotExist();
    }

    @Test
    void resumesAJournalLeftInItsDirectoryByAnEarlierRun(@TempDir Path directory) {
        SimClock.Manual clock = SimClock.manual(NOW);
        SimulatedGateway earlier = new SimulatedGateway(SPEC, clock, DemoOperator.trusted(),
                SimulatedGateway.identityKeyFor(SPEC), Scenario.NONE, directory);
        clock.advance(Duration.ofHours(6));
        earlier.advance();
        List<LedgerEntry> ledger = earlier.ledgerAfter(0);
        earlier.close();

        try (SimulatedGateway later = new SimulatedGateway(SPEC, SimClock.manual(NOW), DemoOperator.trusted(),
                SimulatedGateway.identityKeyFor(SPEC), Scenario.NONE, directory)) {
            // A day of history and the six hours after it, though the later gateway's clock was started at NOW.
            assertThat(later.readings(Instant.EPOCH, Instant.MAX)).hasSize(12 * (96 + 24));
            assertThat(later.ledgerAfter(0)).isEqualTo(ledger);
        }
    }

    @Test
    void servesTheSameReadingsWholeAsQuarterHourByQuarterHour() {
        try (SimulatedGateway gateway = new SimulatedGateway(SPEC, SimClock.manual(NOW))) {
            List<Reading> pieces = new ArrayList<>();
            Instant from = gateway.historyStart();
            while (from.isBefore(NOW)) {
                pieces.addAll(gateway.readings(from, from.plus(Reading.INTERVAL)));
                from = from.plus(Reading.INTERVAL);
            }

            assertThat(pieces).isEqualTo(gateway.readings(Instant.EPOCH, Instant.MAX)).hasSize(12 * 96);
        }
    }

    @Test
    void servesOneMetersReadingsAsTheyStandAmongEveryMetersAndNoneOfAMeterItDoesNotKnow() {
        try (SimulatedGateway gateway = new SimulatedGateway(SPEC, SimClock.manual(NOW))) {
            String meter = gateway.meterStatus().get(2).meterId();
            Instant to = NOW.minus(Duration.ofMinutes(7));
            Instant from = to.minus(Duration.ofHours(6));

            List<Reading> one = gateway.readings(from, to, meter);

            assertThat(one).hasSize(24).isEqualTo(gateway.readings(from, to).stream()
                    .filter(r -> r.meterId().equals(meter)).toList());
            assertThat(gateway.readings(from, to, "M-UNKNOWN")).isEmpty();
            assertThat(gateway.profile().capabilities()).contains(GetReadings.BY_METER);
        }
    }
}

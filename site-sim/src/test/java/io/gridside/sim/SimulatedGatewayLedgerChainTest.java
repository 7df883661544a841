package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.sim.scenario.Scenario;
import io.gridside.site.LedgerEntry;
import io.gridside.site.ledger.LedgerChain;
import io.gridside.site.ledger.LedgerCheck;
import io.gridside.site.ledger.LedgerLink;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway keeps its ledger's hash chain in its journal as it posts, and serves links from any point. */
class SimulatedGatewayLedgerChainTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    /** Six days: with charges posted per customer and day, enough for a chain of more than a hundred entries. */
    private static final SiteSpec SPEC = new SiteSpec(12, 3, 6, NOW);

    @Test
    void theJournalsLinksAreTheChainOfItsEntriesAndServedLinksFollowThemFromAnyPoint(@TempDir Path directory)
            throws SQLException {
        SimClock.Manual clock = SimClock.manual(NOW);
        try (SimulatedGateway gateway = new SimulatedGateway(SPEC, clock, DemoOperator.trusted(),
                SimulatedGateway.identityKeyFor(SPEC), Scenario.NONE, directory)) {
            clock.advance(Duration.ofHours(3));
            List<LedgerEntry> all = gateway.ledgerAfter(0);
            List<byte[]> chain = LedgerChain.heads(LedgerChain.genesis(), all);
            List<byte[]> journal = journalHashes(gateway.journalFile());

            List<LedgerLink> fromStart = gateway.ledgerLinksAfter(0);
            List<LedgerLink> fromMiddle = gateway.ledgerLinksAfter(all.size() / 2);

            assertThat(all).hasSizeGreaterThan(100);
            assertThat(journal).isNotEmpty().hasSizeLessThanOrEqualTo(all.size());
            for (int i = 0; i < journal.size(); i++) {
                assertThat(journal.get(i)).as("journal link %d", i + 1).isEqualTo(chain.get(i));
            }
            assertThat(fromStart).extracting(LedgerLink::hash).containsExactlyElementsOf(chain);
            assertThat(fromMiddle).hasSize(all.size() - all.size() / 2);
            assertThat(fromMiddle.get(0).hash()).isEqualTo(chain.get(all.size() / 2));
            assertThat(LedgerCheck.walk(all, chain).intact()).isTrue();
        }
    }

    private static List<byte[]> journalHashes(Path file) throws SQLException {
        List<byte[]> hashes = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT hash FROM ledger_entry ORDER BY seq")) {
            while (rows.next()) {
                hashes.add(rows.getBytes(1));
            }
        }
        return hashes;
    }
}

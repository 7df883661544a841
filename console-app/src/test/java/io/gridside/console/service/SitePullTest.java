package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.client.Authentication;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.transport.TcpTransport;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.site.store.LedgerConflictException;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SitePullTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final Instant FROM = Instant.parse("2026-06-01T09:00:00Z");
    private static final int METERS = 30;

    @TempDir
    Path dir;

    private PulledSite fixture;
    private SimulatedSite site;
    private GatewayClient client;
    private SiteStore store;

    @BeforeEach
    void connect() throws IOException {
        fixture = PulledSite.connect(SimulatedSite.start(new SiteSpec(METERS, 8, 2, NOW), SimClock.manual(NOW)), NOW,
                dir.resolve("site.db"));
        site = fixture.site();
        client = fixture.client();
        store = fixture.store();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void pullingTwiceStoresEverythingOnce() throws IOException {
        SitePull.Result first = fixture.pull(FROM, NOW);
        SitePull.Result second = fixture.pull(FROM, NOW);

        assertThat(first.readingsNew()).isEqualTo(METERS * 2 * 96);
        assertThat(second.readingsReceived()).isEqualTo(METERS * 2 * 96);
        assertThat(second.readingsNew()).isZero();
        assertThat(second.ledgerNew()).isZero();
        assertThat(store.readingCount()).isEqualTo(METERS * 2 * 96);
    }

    @Test
    void refusesToMixAnotherSiteIntoTheDatabase() throws IOException {
        fixture.pull(FROM, NOW);
        long held = store.readingCount();

        try (SimulatedSite other = SimulatedSite.start(new SiteSpec(5, 99, 1, NOW), SimClock.manual(NOW));
                GatewayClient otherClient = connectTo(other)) {
            assertThatThrownBy(() -> SitePull.run(otherClient, store, FROM, NOW, Progress.NONE, () -> false))
                    .isInstanceOf(SiteMismatchException.class).hasMessageContaining("site-99");
        }
        assertThat(store.readingCount()).isEqualTo(held);
        assertThat(store.site()).hasValueSatisfying(site -> assertThat(site.siteId()).isEqualTo("site-8"));
    }

    @Test
    void noticesWhenTheSameSitesGatewayRewroteItsLedger() throws IOException {
        fixture.pull(FROM, NOW);
        Instant later = NOW.plus(Duration.ofHours(6));

        try (SimulatedSite restarted = SimulatedSite.start(new SiteSpec(METERS, 8, 2, later),
                SimClock.manual(later)); GatewayClient restartedClient = connectTo(restarted)) {
            assertThatThrownBy(() -> SitePull.run(restartedClient, store, FROM, later, Progress.NONE, () -> false))
                    .isInstanceOf(LedgerConflictException.class).hasMessageContaining("LEDGER_CONFLICT");
        }
    }

    @Test
    void refusesALedgerWhoseLinksDoNotFollowTheChainItHoldsNamingTheEntry() throws IOException, SQLException {
        fixture.pull(FROM, NOW);
        long held = store.lastLedgerSeq();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + store.file());
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER ledger_entry_no_update");
            statement.executeUpdate("UPDATE ledger_entry SET hash = zeroblob(32) WHERE seq = " + (held - 1));
        }

        assertThatThrownBy(() -> fixture.pull(FROM, NOW))
                .isInstanceOf(LedgerConflictException.class).hasMessageContaining("entry " + held)
                .hasMessageContaining("chain").hasMessageContaining("LEDGER_CONFLICT");
        assertThat(store.lastLedgerSeq()).isEqualTo(held);
        assertThat(store.checkLedger().firstBadSeq()).isEqualTo(held - 1);
    }

    private static GatewayClient connectTo(SimulatedSite site) throws IOException {
        InetSocketAddress address = site.listenTcp(0);
        String siteId = site.gateway().layout().site().siteId();
        return GatewayClient.open(TcpTransport.connect(address.getHostString(), address.getPort(), 2000),
                Authentication.of(DemoOperator.supervisorFor(siteId, NOW), GatewayPins.inMemory()),
                Duration.ofSeconds(10));
    }

    @Test
    void aCancelledPullKeepsWhatArrivedAndTheNextPullCompletesIt() throws IOException {
        AtomicInteger batches = new AtomicInteger();
        Progress countBatches = (message, done, total) -> batches.incrementAndGet();

        assertThatThrownBy(() -> SitePull.run(client, store, FROM, NOW, countBatches, () -> batches.get() >= 4))
                .isInstanceOf(CancellationException.class);
        long kept = store.readingCount();
        fixture.pull(FROM, NOW);

        assertThat(kept).isPositive().isLessThan(METERS * 2 * 96);
        assertThat(store.readingCount()).isEqualTo(METERS * 2 * 96);
        assertThat(client.meterStatus()).hasSize(METERS);
    }

    @Test
    void theAuditAgreesWithAnHonestGatewayAndNamesATamperedEntry() throws IOException, SQLException {
        fixture.pull(FROM, NOW);

        BillingReport honest = BillingAudit.run(store);
        long middle = store.ledger().size() / 2;
        tamperWithLedgerEntry(store.file(), middle);
        BillingReport tampered = BillingAudit.run(store);

        assertThat(honest.reconciliation().agrees()).isTrue();
        assertThat(honest.rows()).hasSize(METERS);
        assertThat(tampered.reconciliation().agrees()).isFalse();
        assertThat(tampered.reconciliation().firstDifference()).hasValueSatisfying(
                difference -> assertThat(difference).startsWith("Entry " + middle + " differs"));
    }

    private static void tamperWithLedgerEntry(Path database, long seq) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = connection.createStatement()) {
            // The store refuses edits of its ledger; someone holding the file can drop that guard first.
            statement.execute("DROP TRIGGER ledger_entry_no_update");
            statement.executeUpdate("UPDATE ledger_entry SET amount_minor = amount_minor - 100, "
                    + "balance_after_minor = balance_after_minor - 100 WHERE seq = " + seq);
        }
    }
}

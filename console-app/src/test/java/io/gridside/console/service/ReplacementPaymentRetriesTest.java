package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.auth.SigningKey;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimBilling;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedGateway;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.replace.MeterRegisters;
import io.gridside.sim.replace.PaymentProvider;
import io.gridside.sim.replace.ReplacementGateway;
import io.gridside.sim.replace.ReplacementSite;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Customers of a site whose gateway died go on paying by mobile money; no gateway takes those payments until the
 * replacement bills, and then the provider sends them again, each credited once, and the audit agrees.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReplacementPaymentRetriesTest {

    /** Noon in Nairobi: the site has no gateway for the afternoon and the next morning, when low customers pay. */
    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final Instant FROM = Instant.parse("2026-06-01T09:00:00Z");
    private static final int DEAD_HOURS = 26;
    private static final SigningKey NEW_KEY = SigningKey.fromSeed(ByteString.fromHex("5c".repeat(32)));

    @TempDir
    Path dir;

    private final SimClock.Manual clock = SimClock.manual(NOW);
    private final GatewayPins pins = GatewayPins.inMemory();
    private SimulatedSite site;
    private SimulatedGateway old;
    private SiteStore store;
    private ReplacementSite replacement;
    private Instant diedAt;

    @BeforeEach
    void runTheSiteUntilItsGatewayDies() throws IOException {
        site = SimulatedSite.start(new SiteSpec(20, 8, 1, NOW, SimBilling.REALISTIC), clock);
        old = site.gateway();
        store = SiteStore.open(dir.resolve("site.db"));
        InetSocketAddress address = site.listenTcp(0);
        try (GatewayClient client = ReplacedSites.supervisor(address, siteId(), clock.now(), pins, false)) {
            SitePull.run(client, store, FROM, clock.now(), Progress.NONE, () -> false);
        }
        site.stopListeningTcp();
        site.endTcpSessions();
        diedAt = clock.now();
        replacement = ReplacementSite.listen(new ReplacementGateway(siteId(), "GW-NEW003", NEW_KEY,
                DemoOperator.trusted(), clock, MeterRegisters.of(old), PaymentProvider.of(old)));
        clock.advance(Duration.ofHours(DEAD_HOURS));
    }

    @AfterEach
    void close() {
        replacement.close();
        store.close();
        site.close();
    }

    @Test
    void creditsOnceEachMobileMoneyPaymentMadeWhileTheSiteHadNoGateway() throws IOException {
        List<String> madeWhileDead = mobileMoneySince(diedAt);
        try (GatewayClient client = supervisorRepinning()) {
            GatewayReplacing.run(client, store, Progress.NONE);
        }
        clock.advance(Duration.ofMinutes(40));

        List<String> credited = replacement.gateway().ledgerAfter(0).stream()
                .filter(e -> e.kind() == EntryKind.TOP_UP).map(LedgerEntry::reference).toList();
        assertThat(madeWhileDead).isNotEmpty();
        assertThat(credited).containsAll(madeWhileDead).doesNotHaveDuplicates();
        assertThat(replacement.gateway().importedPayments()).isEmpty();
    }

    @Test
    void theAuditOfTheReplacedSiteAgreesWithThePaymentsSentAgain() throws IOException {
        try (GatewayClient client = supervisorRepinning()) {
            GatewayReplacing.run(client, store, Progress.NONE);
        }
        clock.advance(Duration.ofMinutes(40));

        BillingReport report;
        try (GatewayClient client = supervisorRepinning()) {
            SitePull.run(client, store, Instant.EPOCH, client.lastGatewayClock(), Progress.NONE, () -> false);
            report = BillingAudit.run(store);
        }

        List<String> madeWhileDead = mobileMoneySince(diedAt);
        assertThat(madeWhileDead).isNotEmpty();
        assertThat(store.ledgerPayments().keySet()).containsAll(madeWhileDead.stream()
                .map(reference -> reference.substring("payment:".length())).toList());
        assertThat(report.reconciliation().firstDifference()).isEmpty();
        assertThat(report.reconciliation().agrees()).isTrue();
    }

    /** The references of the mobile money the dead gateway's simulation took from {@code since} on. */
    private List<String> mobileMoneySince(Instant since) {
        return old.ledgerAfter(0).stream().filter(e -> e.kind() == EntryKind.TOP_UP && !e.at().isBefore(since))
                .map(LedgerEntry::reference).toList();
    }

    private String siteId() {
        return old.profile().siteId();
    }

    private GatewayClient supervisorRepinning() throws IOException {
        return ReplacedSites.supervisor(replacement.address(), siteId(), clock.now(), pins, true);
    }
}

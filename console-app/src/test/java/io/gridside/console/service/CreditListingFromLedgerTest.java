package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.billing.AccountHistory;
import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.client.Authentication;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.message.CashTopUp;
import io.gridside.link.message.ExchangeMeter;
import io.gridside.link.message.MoveIn;
import io.gridside.link.message.MoveOut;
import io.gridside.link.transport.TcpTransport;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimBilling;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.site.CustomerCategory;
import io.gridside.site.MeterStatus;
import io.gridside.site.SiteEvent;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bill credit} reads energy past zero and credit states from the pulled ledger and replays only the accounts
 * it cannot read, and lists exactly what the replay of the whole site listed: on a site billing with emergency
 * credit, loans and customers never cut off, where a meter was exchanged, a customer moved out and another moved in
 * on the freed meter, and cash was topped up.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CreditListingFromLedgerTest {

    private static final Instant START = Instant.parse("2026-06-03T21:07:00Z");
    private static final Instant FROM = Instant.parse("2026-05-31T21:00:00Z");
    private static final int METERS = 60;
    /** Pinned by the supervisor's first session, so that the technician's later one finds the gateway's key. */
    private static final GatewayPins PINS = GatewayPins.inMemory();

    @TempDir
    Path dir;

    @Test
    void listsWhatTheWholeSitesReplayListedWhileReplayingOnlyTheAccountsTheLedgerCannotTell() throws IOException {
        SimClock.Manual clock = SimClock.manual(START);
        SimulatedSite started = SimulatedSite.start(new SiteSpec(METERS, 8, 3, START)
                .withBilling(SimBilling.REALISTIC), clock);
        InetSocketAddress address = started.listenTcp(0);
        String siteId = started.gateway().profile().siteId();
        try (PulledSite fixture = new PulledSite(started, PulledSite.supervisor(address, siteId, START),
                SiteStore.open(dir.resolve("site.db")))) {
            List<MeterStatus> meters = started.gateway().meterStatus();
            MeterStatus exchanged = meters.get(5);
            MeterStatus leaving = meters.get(2);
            try (GatewayClient client = signing(address, DemoOperator.supervisorFor(siteId, START))) {
                client.billing().exchangeMeter(new ExchangeMeter(exchanged.meterId(), "MX-0601",
                        exchanged.registerWh() + 300, 40, "display dead"));
                client.billing().moveOut(new MoveOut(leaving.customerId(), leaving.registerWh() + 120, "left"));
                client.billing().moveIn(new MoveIn(leaving.meterId(), "C-0901", "Neema Otieno",
                        CustomerCategory.HOUSEHOLD, 25_000));
            }
            try (GatewayClient cashier = signing(address, DemoOperator.issue("T-0042", "Amina", Role.TECHNICIAN,
                    List.of(siteId), START.minus(Duration.ofDays(1)), Duration.ofDays(30),
                    Map.of("maxOfflineCashCreditMinor", 500_000L)))) {
                cashier.topUp(new CashTopUp(meters.get(7).customerId(), null, 40_000, "KES", "CASH-1", ""));
            }
            clock.advance(Duration.ofDays(1));
            Instant now = clock.now();
            fixture.pull(FROM, now);
            SiteStore store = fixture.store();

            List<CreditListing.Row> fromLedger = CreditListing.of(store);
            List<CreditListing.Row> byWholeReplay = CreditListing.of(store, true);

            assertThat(fromLedger).containsExactlyElementsOf(byWholeReplay);
            assertThat(byWholeReplay).anyMatch(row -> row.energyPastZeroWh() > 0)
                    .anyMatch(row -> row.closedAt() != null && row.customerId().equals(leaving.customerId()))
                    .anyMatch(row -> row.balanceMinor() < 0);
            List<SiteEvent> events = store.events(Instant.EPOCH, Instant.MAX);
            AccountHistory history = AccountHistory.of(store.meters(), BillingAudit.openings(store.ledger()), events);
            Set<String> replayed = CreditReplay.needed(store.ledger(), store.statuses(), history,
                    CreditReplay.closedByEvents(events));
            assertThat(replayed).as("the accounts replayed").isNotEmpty().hasSizeLessThan(METERS / 2)
                    .doesNotContain(leaving.customerId());
        }
    }

    /** A client of {@code credential} that signs what moves money, as the console's own commands do. */
    private static GatewayClient signing(InetSocketAddress address, SignedCredential credential)
            throws IOException {
        return GatewayClient.open(TcpTransport.connect(address.getHostString(), address.getPort(), 2000),
                Authentication.of(credential, PINS)
                        .signingWith(DemoOperator.holderKey()), Duration.ofSeconds(10));
    }
}

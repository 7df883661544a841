package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.TechnicianCredential;
import io.gridside.link.client.Authentication;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.CashReceipt;
import io.gridside.link.message.CashTopUp;
import io.gridside.link.message.CashVoid;
import io.gridside.link.message.CashVoided;
import io.gridside.site.cash.CashBookLine;
import io.gridside.link.server.CashAllowance;
import io.gridside.link.transport.SerialTransport;
import io.gridside.link.transport.TcpTransport;
import io.gridside.link.transport.Transport;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A technician credits cash over the link, and the ledger the console pulls holds it once. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SimulatedSiteCashTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String SITE = "site-31";

    private final SimClock.Manual clock = SimClock.manual(NOW);
    private final GatewayPins pins = GatewayPins.inMemory();
    private SimulatedSite site;
    private InetSocketAddress tcp;
    private String serial;

    private void startSite() throws IOException {
        site = SimulatedSite.start(new SiteSpec(12, 31, 1, NOW), clock);
        tcp = site.listenTcp(0);
        serial = site.listenSerial();
        try (GatewayClient supervisor = connect("tcp", DemoOperator.supervisorFor(SITE, NOW))) {
            assertThat(supervisor.hello().siteId()).as("the supervisor pins the site's key").isEqualTo(SITE);
        }
    }

    @AfterEach
    void stopSite() {
        if (site != null) {
            site.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "serial"})
    void creditsCashOnceAndThePulledLedgerHoldsItOnce(String transport) throws IOException {
        startSite();
        String customer = site.gateway().layout().customers().get(4).customerId();
        CashTopUp topUp = new CashTopUp(customer, null, 250_000, "KES", "CASH-0001", "paid in the shop");
        try (GatewayClient client = connect(transport, technician(1_000_000))) {
            CashReceipt first = client.topUp(topUp);
            CashReceipt resent = client.topUp(topUp);
            clock.advance(Reading.INTERVAL);
            CashReceipt afterTick = client.topUp(topUp);
            List<LedgerEntry> ledger = pullLedger(client);

            assertThat(first.outcome()).isEqualTo(CashReceipt.Outcome.CREDITED);
            assertThat(first.remainingMinor()).isEqualTo(750_000);
            assertThat(resent.outcome()).isEqualTo(CashReceipt.Outcome.ALREADY_CREDITED);
            assertThat(afterTick.usedMinor()).isEqualTo(250_000);
            List<LedgerEntry> cash = ledger.stream()
                    .filter(entry -> entry.reference().equals("payment:CASH-0001")).toList();
            assertThat(cash).singleElement().satisfies(entry -> {
                assertThat(entry.customerId()).isEqualTo(customer);
                assertThat(entry.amountMinor()).isEqualTo(250_000);
                assertThat(entry.at()).isEqualTo(first.paidAt());
                assertThat(entry.balanceAfterMinor()).isEqualTo(afterTick.balanceAfterMinor());
            });
            assertThat(ledger).isEqualTo(site.gateway().ledgerAfter(0));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp"})
    void refusesCashPastTheLimitAndPostsOnlyWhatItTook(String transport) throws IOException {
        startSite();
        String customer = site.gateway().layout().customers().get(2).customerId();
        try (GatewayClient client = connect(transport, technician(300_000))) {
            client.topUp(new CashTopUp(customer, null, 250_000, "KES", "CASH-1", ""));

            assertThatThrownBy(() -> client.topUp(new CashTopUp(customer, null, 60_000, "KES", "CASH-2", "")))
                    .isInstanceOf(LinkException.class)
                    .hasMessageContaining("CASH_LIMIT_EXCEEDED")
                    .hasMessageContaining("remaining KES 500.00")
                    .extracting(e -> ((LinkException) e).code()).isEqualTo(LinkException.Code.GATEWAY_ERROR);
            clock.advance(Reading.INTERVAL);
            assertThat(pullLedger(client)).extracting(LedgerEntry::reference)
                    .contains("payment:CASH-1").doesNotContain("payment:CASH-2");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "serial"})
    void voidsAReceiptForASupervisorOnlyAndServesTheCashBook(String transport) throws IOException {
        startSite();
        String customer = site.gateway().layout().customers().get(6).customerId();
        String receipt;
        try (GatewayClient client = connect(transport, technician(1_000_000))) {
            receipt = client.topUp(new CashTopUp(customer, null, 40_000, "KES", "CASH-V", "")).receipt();

            assertThatThrownBy(() -> client.billing().voidCash(new CashVoid(receipt, "paid twice")))
                    .isInstanceOf(LinkException.class).hasMessageContaining("ROLE_FORBIDDEN")
                    .extracting(e -> ((LinkException) e).code()).isEqualTo(LinkException.Code.FORBIDDEN);
        }
        try (GatewayClient client = connect(transport, DemoOperator.supervisorFor(SITE, NOW))) {
            CashVoided voided = client.billing().voidCash(new CashVoid(receipt, "paid twice"));
            clock.advance(Reading.INTERVAL);
            List<CashBookLine> book = new ArrayList<>();
            client.billing().cashBook(null, null, (batch, received, total) -> book.addAll(batch), CancelSignal.NEVER);

            assertThat(voided.voidedBy()).isEqualTo("demo-supervisor");
            assertThat(book).extracting(CashBookLine::kind, CashBookLine::receipt, CashBookLine::technicianId)
                    .containsExactly(tuple(CashBookLine.Kind.RECEIPT, receipt, "T-0101"),
                            tuple(CashBookLine.Kind.VOID, receipt, "T-0101"));
            assertThat(pullLedger(client)).filteredOn(entry -> entry.reference().endsWith(":CASH-V"))
                    .extracting(LedgerEntry::amountMinor).containsExactly(40_000L, -40_000L);
        }
    }

    private static SignedCredential technician(long limitMinor) {
        Instant from = NOW.minus(Duration.ofDays(1));
        return DemoOperator.signingKey().sign(new TechnicianCredential("T-0101", "Wanjiku Mwangi", Role.TECHNICIAN,
                List.of(SITE), from, from.plus(Duration.ofDays(2)), Map.of(CashAllowance.LIMIT, limitMinor),
                DemoOperator.KEY_ID, DemoOperator.holderKey().publicKey()));
    }

    private GatewayClient connect(String transport, SignedCredential credential) throws IOException {
        Transport link = transport.equals("tcp") ? TcpTransport.connect(tcp.getHostString(), tcp.getPort(), 2000)
                : SerialTransport.open(serial, 115_200);
        return GatewayClient.open(link, Authentication.of(credential, pins).signingWith(DemoOperator.holderKey()),
                TIMEOUT);
    }

    private static List<LedgerEntry> pullLedger(GatewayClient client) throws IOException {
        List<LedgerEntry> ledger = new ArrayList<>();
        client.ledger(0, (batch, received, total) -> ledger.addAll(batch), CancelSignal.NEVER);
        return ledger;
    }
}

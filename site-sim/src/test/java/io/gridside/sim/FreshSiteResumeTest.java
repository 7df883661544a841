package io.gridside.sim;

import static io.gridside.sim.FreshSiteCommissioningTest.customer;
import static io.gridside.sim.FreshSiteCommissioningTest.joined;
import static io.gridside.sim.FreshSiteFixture.FACTORY;
import static io.gridside.sim.FreshSiteFixture.PLAN;
import static io.gridside.sim.FreshSiteFixture.SITE_TIME;
import static io.gridside.sim.FreshSiteFixture.TECHNICIAN;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.client.Authentication;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayCommissioning;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.transport.SerialTransport;
import io.gridside.link.transport.TcpTransport;
import io.gridside.site.commission.JoinedMeter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Commissioning a fresh gateway over a serial line, and through a link that drops and is resumed. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FreshSiteResumeTest {

    private final GatewayPins pins = GatewayPins.inMemory();
    private final SimClock.Manual clock = SimClock.manual(FACTORY);

    @Test
    void commissionsAFreshGatewayOverASerialLine() throws IOException {
        try (FreshSite site = FreshSite.start(FreshSiteFixture.gateway(5, clock));
                GatewayClient client = GatewayClient.open(SerialTransport.open(site.listenSerial(), 115_200),
                        Authentication.of(TECHNICIAN, pins), Duration.ofSeconds(10))) {
            GatewayCommissioning commissioning = client.commissioning();
            assertThat(commissioning.factoryFresh()).isTrue();
            commissioning.setUpSite(PLAN, SITE_TIME, FreshSiteFixture.signedPack());
            clock.advance(Duration.ofMinutes(5));
            List<JoinedMeter> joined = joined(commissioning);
            commissioning.commission(customer(joined.get(0).meterId(), "C-1", 2_000));

            assertThat(commissioning.testRelay(joined.get(0).meterId()).passed()).isTrue();
            assertThat(commissioning.goLive().customers()).isEqualTo(1);
            assertThat(site.gateway().live().balance("C-1")).isEqualTo(2_000);
        }
    }

    @Test
    void aCommissionResentAfterTheLinkDroppedAndResumedIsAnsweredAsTheFirst() throws Exception {
        try (FreshSite site = FreshSite.start(FreshSiteFixture.gateway(5, clock))) {
            InetSocketAddress address = site.listenTcp(0);
            try (GatewayClient client = FreshSiteFixture.open(address, TECHNICIAN, pins)) {
                client.setResumeWindow(Duration.ofMinutes(1));
                CompletableFuture<IOException> dropped = new CompletableFuture<>();
                client.onSuspended(dropped::complete);
                GatewayCommissioning commissioning = client.commissioning();
                commissioning.setUpSite(PLAN, SITE_TIME, FreshSiteFixture.signedPack());
                clock.advance(Duration.ofMinutes(5));
                String serial = joined(commissioning).get(0).meterId();
                commissioning.commission(customer(serial, "C-1", 2_000));

                site.dropTcpSessions();
                assertThat(dropped.get(10, TimeUnit.SECONDS)).isNotNull();
                assertThat(client.resume(TcpTransport.connect(address.getHostString(), address.getPort(), 2000)))
                        .isTrue();

                assertThat(commissioning.commission(customer(serial, "C-1", 2_000)).repeated()).isTrue();
                assertThat(commissioning.state().commissionedCustomers()).containsExactly("C-1");
                assertThat(commissioning.goLive().customers()).isEqualTo(1);
            }
        }
    }
}

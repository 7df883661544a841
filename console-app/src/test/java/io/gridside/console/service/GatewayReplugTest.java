package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.auth.SignedCredential;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.client.LinkException;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A USB gateway unplugged and plugged back in comes back under another device name: the console finds it again by
 * the identity in its hello and carries on the session. The simulated site plays the gateway on pseudo-terminals.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GatewayReplugTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    /** A supervisor of site-51 only, so that the other site's gateway refuses the session. */
    private static final SignedCredential SUPERVISOR = DemoOperator.supervisorFor("site-51", NOW);
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path home;

    private String previousHome;
    private SimulatedSite site;
    private SimulatedSite otherSite;
    private PublishedPorts published;
    private Connector connector;

    @BeforeEach
    void startSites() {
        previousHome = System.getProperty("gridside.home");
        System.setProperty("gridside.home", home.toString());
        site = SimulatedSite.start(new SiteSpec(8, 51, 1, NOW), SimClock.manual(NOW));
        otherSite = SimulatedSite.start(new SiteSpec(8, 52, 1, NOW), SimClock.manual(NOW));
        published = PublishedPorts.in(AppDirs.forCurrentUser());
        // No real serial port of this machine takes part: only the simulators' published pseudo-terminals.
        SerialPorts ports = new SerialPorts(GatewayUsbIds.parse(GatewayUsbIds.DEFAULT), published, List::of);
        connector = new Connector(GatewayPins.inMemory(), Duration.ofSeconds(5), ports);
    }

    @AfterEach
    void stopSites() {
        connector.close();
        site.close();
        otherSite.close();
        if (previousHome == null) {
            System.clearProperty("gridside.home");
        } else {
            System.setProperty("gridside.home", previousHome);
        }
    }

    private String gatewayId(SimulatedSite simulated) {
        return simulated.gateway().layout().gatewayId();
    }

    @Test
    void findsTheSameGatewayOnItsNewDeviceAndCarriesOn() throws Exception {
        String first = site.listenSerial();
        Closeable firstPublication = published.publish(first, gatewayId(site));
        String elsewhere = otherSite.listenSerial();
        published.publish(elsewhere, gatewayId(otherSite));
        ConsoleSession session = ConsoleSession.open(connector, AppDirs.forCurrentUser(),
                new ConnectionTarget.Serial(first), SUPERVISOR);
        try {
            session.keepThroughDrops();
            session.pull(Progress.NONE, CancelSignal.NEVER);
            CompletableFuture<IOException> dropped = new CompletableFuture<>();
            session.onLinkLost(dropped::complete);

            String second = site.listenSerial();
            site.unplugSerial(first);
            firstPublication.close();
            published.publish(second, gatewayId(site));
            assertThat(dropped.get(10, TimeUnit.SECONDS)).isNotNull();

            session.resume(new GatewayRefinder(connector), WAIT, Progress.NONE, CancelSignal.NEVER);

            assertThat(second).isNotEqualTo(first);
            assertThat(session.address()).isEqualTo(second);
            assertThat(session.target()).isEqualTo(new ConnectionTarget.Serial(second));
            assertThat(session.hello().gatewayId()).isEqualTo(gatewayId(site));
            assertThat(session.pull(Progress.NONE, CancelSignal.NEVER).statuses()).hasSize(8);
            assertThat(session.ping().roundTrip()).isPositive();

            CompletableFuture<IOException> droppedAgain = new CompletableFuture<>();
            session.onLinkLost(droppedAgain::complete);
            site.unplugSerial(second);
            assertThat(droppedAgain.get(10, TimeUnit.SECONDS)).isNotNull();
        } finally {
            session.close();
        }
    }

    @Test
    void sayingHelloIsWhatCountsNotWhatAPublicationClaims() throws Exception {
        String mislabelled = otherSite.listenSerial();
        published.publish(mislabelled, gatewayId(site));
        GatewayRefinder refinder = new GatewayRefinder(connector);
        GatewayRefinder.Wanted wanted = new GatewayRefinder.Wanted(gatewayId(site), "site-51", "/dev/gone", false);

        assertThat(refinder.candidates(wanted)).extracting(SerialPorts.Port::device).containsExactly(mislabelled);
        assertThat(refinder.scanOnce(wanted, SUPERVISOR, 1, Progress.NONE, CancelSignal.NEVER)).isEmpty();
    }

    @Test
    void aPortPublishedForAnotherGatewayIsNotAsked() throws Exception {
        String others = otherSite.listenSerial();
        published.publish(others, gatewayId(otherSite));
        GatewayRefinder.Wanted wanted = new GatewayRefinder.Wanted(gatewayId(site), "site-51", "/dev/gone", false);

        assertThat(new GatewayRefinder(connector).candidates(wanted)).isEmpty();
    }

    @Test
    void givesUpWithAClearMessageWhenTheGatewayStaysAway() {
        GatewayRefinder.Wanted wanted = new GatewayRefinder.Wanted(gatewayId(site), "site-51", "/dev/gone", false);

        assertThatThrownBy(() -> new GatewayRefinder(connector).find(wanted, SUPERVISOR, Duration.ZERO,
                Progress.NONE, CancelSignal.NEVER))
                .isInstanceOfSatisfying(LinkException.class,
                        e -> assertThat(e.code()).isEqualTo(LinkException.Code.UNREACHABLE))
                .hasMessageContaining(gatewayId(site)).hasMessageContaining("reconnect");
    }

    @Test
    void stopsSearchingWhenCancelled() throws IOException {
        String device = site.listenSerial();
        published.publish(device, gatewayId(site));
        GatewayRefinder.Wanted wanted = new GatewayRefinder.Wanted(gatewayId(site), "site-51", "/dev/gone", false);

        assertThatThrownBy(() -> new GatewayRefinder(connector).find(wanted, SUPERVISOR, WAIT, Progress.NONE,
                () -> true)).isInstanceOf(CancellationException.class);
    }
}

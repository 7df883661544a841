package io.gridside.console.replace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gridside.console.Failures;
import io.gridside.console.I18n;
import io.gridside.console.service.AppDirs;
import io.gridside.console.service.GatewayPinFile;
import io.gridside.console.service.Progress;
import io.gridside.console.service.ReplacementRefusedException;
import io.gridside.console.service.RestorableGateway;
import io.gridside.console.service.SitePull;
import io.gridside.console.tasks.TaskContext;
import io.gridside.link.auth.CredentialFile;
import io.gridside.link.auth.Ed25519;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.auth.TechnicianKeyFile;
import io.gridside.link.client.Authentication;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.transport.TcpTransport;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.replace.LoopbackRelay;
import io.gridside.sim.replace.MeterRegisters;
import io.gridside.sim.replace.ReplacementGateway;
import io.gridside.sim.replace.ReplacementSite;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's replacement pins only the key it showed: the reach pins nothing, and the restore refuses, before
 * any pin and before anything is sent, a gateway that is not the one shown (the gateway behind the address changed
 * meanwhile) and a payment dated later than the new gateway's clock and this computer's.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReplacementWorkPinTest {

    private static final int METERS = 6;
    /** Two days back, so that every time the simulated site reaches is in this computer's past. */
    private static final Instant NOW = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
    private static final SigningKey SHOWN_KEY = SigningKey.fromSeed(ByteString.fromHex("6a".repeat(32)));
    private static final SigningKey OTHER_KEY = SigningKey.fromSeed(ByteString.fromHex("6b".repeat(32)));

    @TempDir
    Path home;

    private final SimClock.Manual clock = SimClock.manual(NOW);
    private AppDirs dirs;
    private SimulatedSite site;
    private Path database;
    private Path supervisor;
    private ReplacementSite shownGateway;
    private ReplacementSite otherGateway;
    private LoopbackRelay relay;
    private ReplacementWork work;

    @BeforeEach
    void pullTheSiteThenLetItsGatewayDie() throws IOException {
        dirs = AppDirs.forPlatform("Linux", home, Map.<String, String>of()::get);
        site = SimulatedSite.start(new SiteSpec(METERS, 4, 2, NOW), clock);
        database = home.resolve("site.db");
        InetSocketAddress old = site.listenTcp(0);
        try (SiteStore store = SiteStore.open(database);
                GatewayClient client = GatewayClient.open(TcpTransport.connect(old.getHostString(), old.getPort(),
                        2000), Authentication.of(DemoOperator.supervisorFor(siteId(), NOW),
                        GatewayPinFile.of(dirs)), Duration.ofSeconds(10))) {
            SitePull.run(client, store, Instant.EPOCH, NOW, Progress.NONE, CancelSignal.NEVER);
        }
        clock.advance(Duration.ofHours(5));
        site.stopListeningTcp();
        site.endTcpSessions();
        clock.advance(Duration.ofHours(1));
        supervisor = supervisorCredential();
        shownGateway = ReplacementSite.listen(gateway("GW-SHOWN1", SHOWN_KEY));
        relay = LoopbackRelay.to(shownGateway.address());
        work = new ReplacementWork(dirs);
    }

    @AfterEach
    void close() throws IOException {
        relay.close();
        shownGateway.close();
        if (otherGateway != null) {
            otherGateway.close();
        }
        site.close();
    }

    @Test
    void reachingTheNewGatewayShowsItsKeyAndLeavesTheSitesPinFileAsItWas() throws IOException {
        byte[] pins = pinFile();

        ReplacementWork.GatewayFacts shown = work.reach(database, address(), supervisor);

        assertThat(shown.gatewayId()).isEqualTo("GW-SHOWN1");
        assertThat(shown.keyFingerprint()).isEqualTo(Ed25519.fingerprint(SHOWN_KEY.publicKey()));
        assertThat(shown.supervisor()).isEqualTo("demo-supervisor");
        assertThat(pinFile()).as("the site's pin file after the reach").isEqualTo(pins);
        assertThat(pinnedKey()).isNotEqualTo(SHOWN_KEY.publicKey());
    }

    @Test
    void theRestorePinsTheKeyShownAndNoOther() throws IOException {
        ReplacementWork.GatewayFacts shown = work.reach(database, address(), supervisor);

        work.readRegisters(database, address(), supervisor, shown, List.of(), Map.of(), context());

        assertThat(pinnedKey()).isEqualTo(SHOWN_KEY.publicKey());
        assertThat(shownGateway.gateway().profile().siteName()).as("restored").isNotEmpty();
    }

    @Test
    void anotherGatewayBehindTheAddressAtTheRestoreIsRefusedWithNothingPinnedOrRestored() throws IOException {
        ReplacementWork.GatewayFacts shown = work.reach(database, address(), supervisor);
        byte[] pins = pinFile();
        otherGateway = ReplacementSite.listen(gateway("GW-OTHER2", OTHER_KEY));
        relay.pointAt(otherGateway.address());

        ReplacementRefusedException refused = catchThrowableOfType(() -> work.readRegisters(database, address(),
                supervisor, shown, List.of(), Map.of(), context()), ReplacementRefusedException.class);

        assertThat(refused.code()).isEqualTo(RestorableGateway.CHANGED);
        assertThat(refused.getMessage()).contains("GW-OTHER2", Ed25519.fingerprint(OTHER_KEY.publicKey()),
                "GW-SHOWN1", shown.keyFingerprint(), "no key was pinned");
        assertThat(inFrench(refused)).startsWith("La passerelle à cette adresse est maintenant GW-OTHER2");
        assertThat(pinFile()).as("the site's pin file after the refusal").isEqualTo(pins);
        assertThat(otherGateway.gateway().profile().siteName()).as("restored").isEmpty();
    }

    @Test
    void theSameIdUnderAnotherKeyIsRefusedAsAnotherGateway() throws IOException {
        ReplacementWork.GatewayFacts shown = work.reach(database, address(), supervisor);
        byte[] pins = pinFile();
        otherGateway = ReplacementSite.listen(gateway("GW-SHOWN1", OTHER_KEY));
        relay.pointAt(otherGateway.address());

        ReplacementRefusedException refused = catchThrowableOfType(() -> work.post(database, address(), supervisor,
                shown, List.of(), null, context()), ReplacementRefusedException.class);

        assertThat(refused.code()).isEqualTo(RestorableGateway.CHANGED);
        assertThat(pinFile()).isEqualTo(pins);
        assertThat(otherGateway.gateway().profile().siteName()).as("restored").isEmpty();
    }

    @Test
    void aPaymentDatedLaterThanEveryClockIsRefusedAtTheRestoreWithThePinAsItWas() throws IOException {
        ReplacementWork.GatewayFacts shown = work.reach(database, address(), supervisor);
        String customer;
        ZoneId zone;
        try (SiteStore store = SiteStore.openExisting(database)) {
            customer = store.customers().get(0).customerId();
            zone = store.site().orElseThrow().zone();
        }
        String later = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone)
                .format(Instant.now().plus(Duration.ofDays(3)));
        List<ReplacementWork.Entered> entered = List.of(new ReplacementWork.Entered("", "", "cash-later-1", customer,
                "2", later));
        assertThat(work.check(database, entered)).as("left to the new gateway's clock").isEmpty();
        byte[] pins = pinFile();

        ReplacementRefusedException refused = catchThrowableOfType(() -> work.readRegisters(database, address(),
                supervisor, shown, entered, Map.of(), context()), ReplacementRefusedException.class);

        assertThat(refused.code()).isEqualTo("REPLACE_PAYMENT_INVALID");
        assertThat(refused.getMessage()).contains("time");
        assertThat(pinFile()).as("the site's pin file after the refusal").isEqualTo(pins);
        assertThat(shownGateway.gateway().profile().siteName()).as("restored").isEmpty();
        try (SiteStore store = SiteStore.openExisting(database)) {
            assertThat(store.pendingPayments()).noneMatch(payment -> payment.reference().equals("cash-later-1"));
        }
    }

    private ReplacementGateway gateway(String gatewayId, SigningKey key) {
        return new ReplacementGateway(siteId(), gatewayId, key, DemoOperator.trusted(), clock,
                MeterRegisters.of(site.gateway()));
    }

    private static String inFrench(ReplacementRefusedException refused) {
        Locale was = I18n.locale();
        I18n.use(Locale.FRENCH);
        try {
            return Failures.worded(refused, refused.getMessage());
        } finally {
            I18n.use(was);
        }
    }

    private byte[] pinFile() throws IOException {
        return Files.readAllBytes(GatewayPinFile.of(dirs).file());
    }

    private ByteString pinnedKey() throws IOException {
        return GatewayPinFile.of(dirs).find(siteId()).orElseThrow().publicKey();
    }

    private Path supervisorCredential() throws IOException {
        Path file = home.resolve("supervisor.credential.json");
        SignedCredential credential = DemoOperator.supervisorFor(siteId(), NOW);
        CredentialFile.write(file, credential);
        TechnicianKeyFile.write(TechnicianKeyFile.nextTo(file), credential.technicianId(), DemoOperator.holderKey());
        return file;
    }

    private String address() {
        return relay.address();
    }

    private String siteId() {
        return site.gateway().profile().siteId();
    }

    private static TaskContext context() {
        return new TaskContext() {
            @Override
            public void update(String message, long done, long total) {
            }

            @Override
            public boolean getAsBoolean() {
                return false;
            }
        };
    }
}

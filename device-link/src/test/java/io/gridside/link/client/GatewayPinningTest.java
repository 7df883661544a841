package io.gridside.link.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.auth.Ed25519;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SignedKeyReplacement;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.testing.FakeGatewayService;
import io.gridside.link.testing.SampleMessages;
import io.gridside.link.testing.ScriptedPeer;
import io.gridside.link.testing.TestCredentials;
import io.gridside.site.cbor.ByteString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The console's pins of gateway keys: who may pin first, what a changed key does, and who may re-pin. */
@Timeout(10)
class GatewayPinningTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String SITE = SampleMessages.SITE_ID;
    private static final ByteString GENUINE_KEY = SampleMessages.GATEWAY_KEY.publicKey();
    private static final SigningKey REPLACEMENT = TestCredentials.REPLACEMENT_GATEWAY_KEY;

    private final GatewayPins pins = GatewayPins.inMemory();

    @Test
    void aSupervisorsFirstSessionPinsTheSitesKey() throws Exception {
        assertThat(open(new FakeGatewayService(), TestCredentials.supervisor(), false)).isEqualTo("supervisor");

        GatewayPin pin = pins.find(SITE).orElseThrow();
        assertThat(pin.publicKey()).isEqualTo(GENUINE_KEY);
        assertThat(pin.gatewayId()).isEqualTo(SampleMessages.GATEWAY_ID);
        assertThat(pin.pinnedBy()).isEqualTo(TestCredentials.TECHNICIAN_ID);
    }

    @Test
    void aTechnicianCannotPinAnUnpinnedSite() throws Exception {
        assertThatThrownBy(() -> open(new FakeGatewayService(), TestCredentials.technician(), false))
                .isInstanceOfSatisfying(LinkException.class,
                        e -> assertThat(e.code()).isEqualTo(LinkException.Code.GATEWAY_NOT_PINNED))
                .hasMessageContaining(SITE).hasMessageContaining("supervisor")
                .hasMessageContaining(Ed25519.fingerprint(GENUINE_KEY));
        assertThat(pins.find(SITE)).isEmpty();
    }

    @Test
    void aTechnicianConnectsToASiteWhoseKeyIsPinned() throws Exception {
        pin(GENUINE_KEY);

        assertThat(open(new FakeGatewayService(), TestCredentials.technician(), false)).isEqualTo("technician");
    }

    @Test
    void aChangedKeyIsRefusedAndTheMessageShowsBothFingerprints() throws Exception {
        pin(GENUINE_KEY);
        FakeGatewayService impostor = new FakeGatewayService().withIdentityKey(REPLACEMENT);

        for (SignedCredential anyone : new SignedCredential[] {TestCredentials.technician(),
            TestCredentials.supervisor()}) {
            assertThatThrownBy(() -> open(impostor, anyone, false))
                    .isInstanceOfSatisfying(LinkException.class,
                            e -> assertThat(e.code()).isEqualTo(LinkException.Code.GATEWAY_KEY_CHANGED))
                    .hasMessageContaining("pinned " + Ed25519.fingerprint(GENUINE_KEY))
                    .hasMessageContaining("presented " + REPLACEMENT.fingerprint())
                    .hasMessageContaining(SITE);
        }
        assertThat(pins.find(SITE).orElseThrow().publicKey()).isEqualTo(GENUINE_KEY);
    }

    @Test
    void aSupervisorRepinsOnPurposeAndTechniciansThenConnect() throws Exception {
        pin(GENUINE_KEY);
        FakeGatewayService replaced = new FakeGatewayService().withIdentityKey(REPLACEMENT);

        open(replaced, TestCredentials.supervisor(), true);

        assertThat(pins.find(SITE).orElseThrow().publicKey()).isEqualTo(REPLACEMENT.publicKey());
        assertThat(open(replaced, TestCredentials.technician(), false)).isEqualTo("technician");
    }

    @Test
    void aTechnicianCannotRepin() throws Exception {
        pin(GENUINE_KEY);
        FakeGatewayService replaced = new FakeGatewayService().withIdentityKey(REPLACEMENT);

        assertThatThrownBy(() -> open(replaced, TestCredentials.technician(), true))
                .isInstanceOfSatisfying(LinkException.class,
                        e -> assertThat(e.code()).isEqualTo(LinkException.Code.GATEWAY_KEY_CHANGED))
                .hasMessageContaining("Only a supervisor");
        assertThat(pins.find(SITE).orElseThrow().publicKey()).isEqualTo(GENUINE_KEY);
    }

    @Test
    void aTechnicianRepinsWithTheOperatorsRecordAndThePinKeepsIt() throws Exception {
        pin(GENUINE_KEY);
        FakeGatewayService replaced = new FakeGatewayService().withIdentityKey(REPLACEMENT);
        SignedKeyReplacement record = currentRecord(REPLACEMENT.publicKey());

        assertThat(open(replaced, TestCredentials.technician(), record)).isEqualTo("technician");

        GatewayPin pin = pins.find(SITE).orElseThrow();
        assertThat(pin.publicKey()).isEqualTo(REPLACEMENT.publicKey());
        assertThat(pin.pinnedBy()).isEqualTo(TestCredentials.TECHNICIAN_ID);
        assertThat(pin.byRecord()).contains(record);
        assertThat(open(replaced, TestCredentials.technician(), false)).isEqualTo("technician");
    }

    @Test
    void aRecordOfAnotherKeyKeepsThePinAndSaysWhy() throws Exception {
        pin(GENUINE_KEY);
        SigningKey impostorKey = SigningKey.fromSeed(ByteString.fromHex("07".repeat(32)));
        FakeGatewayService impostor = new FakeGatewayService().withIdentityKey(impostorKey);

        assertThatThrownBy(() -> open(impostor, TestCredentials.technician(), currentRecord(REPLACEMENT.publicKey())))
                .isInstanceOfSatisfying(LinkException.class,
                        e -> assertThat(e.code()).isEqualTo(LinkException.Code.GATEWAY_KEY_CHANGED))
                .hasMessageContaining("pinned " + Ed25519.fingerprint(GENUINE_KEY))
                .hasMessageContaining("presented " + impostorKey.fingerprint())
                .hasMessageContaining("record was not accepted").hasMessageContaining("not the key the gateway proved");
        assertThat(pins.find(SITE).orElseThrow().publicKey()).isEqualTo(GENUINE_KEY);
    }

    @Test
    void anExpiredRecordKeepsThePin() throws Exception {
        pin(GENUINE_KEY);
        FakeGatewayService replaced = new FakeGatewayService().withIdentityKey(REPLACEMENT);

        assertThatThrownBy(() -> open(replaced, TestCredentials.technician(), TestCredentials.keyReplacement()))
                .isInstanceOfSatisfying(LinkException.class,
                        e -> assertThat(e.code()).isEqualTo(LinkException.Code.GATEWAY_KEY_CHANGED))
                .hasMessageContaining("expired");
        assertThat(pins.find(SITE).orElseThrow().publicKey()).isEqualTo(GENUINE_KEY);
    }

    @Test
    void aCheckBeforeThePinSeesTheHelloWhileTheOldKeyIsStillPinned() throws Exception {
        pin(GENUINE_KEY);
        FakeGatewayService replaced = new FakeGatewayService().withIdentityKey(REPLACEMENT);
        List<ByteString> pinnedDuringCheck = new ArrayList<>();
        List<ByteString> presented = new ArrayList<>();
        Authentication auth = Authentication.of(TestCredentials.supervisor(), pins).repinning()
                .checkingBeforePin(reply -> {
                    presented.add(reply.gatewayKey());
                    pinnedDuringCheck.add(pinnedKeyNow());
                });

        try (ScriptedPeer gateway = ScriptedPeer.serving(replaced);
                GatewayClient client = gateway.openClient(auth, TIMEOUT)) {
            assertThat(client.hello().clock()).isNotNull();
        }

        assertThat(presented).containsExactly(REPLACEMENT.publicKey());
        assertThat(pinnedDuringCheck).containsExactly(GENUINE_KEY);
        assertThat(pinnedKey()).isEqualTo(REPLACEMENT.publicKey());
    }

    @Test
    void aCheckBeforeThePinThatRefusesEndsTheSessionInItsOwnWordsAndKeepsThePin() throws Exception {
        pin(GENUINE_KEY);
        FakeGatewayService replaced = new FakeGatewayService().withIdentityKey(REPLACEMENT);
        Authentication auth = Authentication.of(TestCredentials.supervisor(), pins).repinning()
                .checkingBeforePin(reply -> {
                    throw new IllegalStateException("dated after " + reply.clock());
                });

        try (ScriptedPeer gateway = ScriptedPeer.serving(replaced)) {
            assertThatThrownBy(() -> gateway.openClient(auth, TIMEOUT))
                    .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("dated after ");
        }

        assertThat(pinnedKey()).isEqualTo(GENUINE_KEY);
    }

    @Test
    void pinsThatCannotBeReadRefuseTheSession() throws Exception {
        GatewayPins broken = new GatewayPins() {
            @Override
            public Optional<GatewayPin> find(String siteId) throws IOException {
                throw new IOException("the pins file is damaged");
            }

            @Override
            public void save(GatewayPin pin) {
                throw new AssertionError("Nothing may be pinned when the pins cannot be read.");
            }

            @Override
            public void forget(GatewayPin pin) {
                throw new AssertionError("Nothing may be unpinned when the pins cannot be read.");
            }
        };

        try (ScriptedPeer gateway = ScriptedPeer.serving(new FakeGatewayService())) {
            assertThatThrownBy(() -> gateway.openClient(Authentication.of(TestCredentials.supervisor(), broken),
                    TIMEOUT))
                    .isInstanceOfSatisfying(LinkException.class,
                            e -> assertThat(e.code()).isEqualTo(LinkException.Code.GATEWAY_UNVERIFIED))
                    .hasMessageContaining("damaged");
        }
    }

    /** Opens a session with the pins of this test and closes it again; returns the role it ran under. */
    private String open(FakeGatewayService service, SignedCredential credential, boolean repin) throws Exception {
        Authentication auth = Authentication.of(credential, pins);
        try (ScriptedPeer gateway = ScriptedPeer.serving(service);
                GatewayClient client = gateway.openClient(repin ? auth.repinning() : auth, TIMEOUT)) {
            return client.hello().role();
        }
    }

    private String open(FakeGatewayService service, SignedCredential credential, SignedKeyReplacement record)
            throws Exception {
        try (ScriptedPeer gateway = ScriptedPeer.serving(service);
                GatewayClient client = gateway.openClient(Authentication.of(credential, pins)
                        .withReplacement(record), TIMEOUT)) {
            return client.hello().role();
        }
    }

    /** The operator's record of {@code newKey} for the sample gateway, valid by the laptop's clock now. */
    private static SignedKeyReplacement currentRecord(ByteString newKey) {
        return TestCredentials.OPERATOR.sign(TestCredentials.replacement(SampleMessages.GATEWAY_ID, newKey,
                GENUINE_KEY, Instant.now().minus(Duration.ofHours(1))));
    }

    private ByteString pinnedKey() throws IOException {
        return pins.find(SITE).orElseThrow().publicKey();
    }

    /** The key pinned for the site, read where no checked exception but a link's may be thrown. */
    private ByteString pinnedKeyNow() {
        try {
            return pinnedKey();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void pin(ByteString key) throws IOException {
        pins.save(new GatewayPin(SITE, SampleMessages.GATEWAY_ID, key, Instant.parse("2024-04-01T00:00:00Z"),
                "S-0001"));
    }
}

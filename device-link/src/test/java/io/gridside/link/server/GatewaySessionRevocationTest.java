package io.gridside.link.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SignedRevocationList;
import io.gridside.link.client.Authentication;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.client.GatewayRevocations;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.RevocationsHeld;
import io.gridside.link.testing.FakeGatewayService;
import io.gridside.link.testing.SampleMessages;
import io.gridside.link.testing.ScriptedPeer;
import io.gridside.link.testing.TestCredentials;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Revocation lists over a real session: kept by serial, enforced at every hello and request, ending a session. */
@Timeout(20)
class GatewaySessionRevocationTest {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);
    private static final String OTHER_TECHNICIAN = "T-0017";

    @Test
    void keepsANewerListAndAnswersAnOlderOneWithTheSerialItHolds() throws Exception {
        MemoryRevocationStore store = new MemoryRevocationStore();
        try (ScriptedPeer gateway = ScriptedPeer.serving(new FakeGatewayService().withRevocations(store));
                GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {
            GatewayRevocations revocations = client.revocations();
            assertThat(revocations.supported()).isTrue();
            assertThat(revocations.held(TestCredentials.OPERATOR.keyId()).serial()).isZero();

            RevocationsHeld newer = revocations.push(list(5, OTHER_TECHNICIAN));
            RevocationsHeld older = revocations.push(list(4, OTHER_TECHNICIAN, "T-0099"));
            RevocationsHeld again = revocations.push(list(5, OTHER_TECHNICIAN));

            assertThat(newer).isEqualTo(new RevocationsHeld("test-operator", 5,
                    TestCredentials.RECORD_ISSUED_AT, true));
            assertThat(older).isEqualTo(new RevocationsHeld("test-operator", 5,
                    TestCredentials.RECORD_ISSUED_AT, false));
            assertThat(again.taken()).isFalse();
            assertThat(store.held("test-operator").orElseThrow().list().technicianIds())
                    .containsExactly(OTHER_TECHNICIAN);
            assertThat(client.isOpen()).isTrue();
        }
    }

    @Test
    void refusesAtTheNextHelloATechnicianWhoseIdAPushedListRevokes() throws Exception {
        FakeGatewayService service = new FakeGatewayService().withRevocations(new MemoryRevocationStore());
        SignedCredential other = TestCredentials.OPERATOR.sign(TestCredentials.credential(
                io.gridside.link.auth.Role.TECHNICIAN, List.of(SampleMessages.SITE_ID)).withTechnicianKey(
                TestCredentials.LOST_LAPTOP_KEY.publicKey()));
        try (ScriptedPeer gateway = ScriptedPeer.serving(service);
                GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {
            client.revocations().push(list(1, OTHER_TECHNICIAN));
        }

        try (ScriptedPeer gateway = ScriptedPeer.serving(service);
                GatewayClient allowed = gateway.openClient(ANSWER_TIMEOUT)) {
            assertThat(allowed.site()).isEqualTo(SampleMessages.siteReply());
        }
        assertRevoked(service, withId(other, OTHER_TECHNICIAN), "technician id " + OTHER_TECHNICIAN);
    }

    @Test
    void refusesAtTheNextHelloACredentialNamingARevokedKeyButNotTheSameHolderWithoutIt() throws Exception {
        FakeGatewayService service = new FakeGatewayService().withRevocations(new MemoryRevocationStore());
        try (ScriptedPeer gateway = ScriptedPeer.serving(service);
                GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {
            client.revocations().push(TestCredentials.revocations(2, List.of(),
                    List.of(TestCredentials.LOST_LAPTOP_KEY.publicKey())));
        }
        SignedCredential lostLaptop = TestCredentials.OPERATOR.sign(TestCredentials.keyedSupervisor()
                .credential().withTechnicianKey(TestCredentials.LOST_LAPTOP_KEY.publicKey()));

        assertRevoked(service, lostLaptop, "technician key");
        try (ScriptedPeer gateway = ScriptedPeer.serving(service);
                GatewayClient keyless = gateway.openClient(Authentication.of(TestCredentials.supervisor(),
                        GatewayPins.inMemory()), ANSWER_TIMEOUT)) {
            assertThat(keyless.site()).isEqualTo(SampleMessages.siteReply());
        }
    }

    @Test
    void endsTheSessionWhoseOwnCredentialTheListItBroughtRevokesAfterAnsweringIt() throws Exception {
        FakeGatewayService service = new FakeGatewayService().withRevocations(new MemoryRevocationStore());
        try (ScriptedPeer gateway = ScriptedPeer.serving(service);
                GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {
            CountDownLatch closed = new CountDownLatch(1);
            client.onClosed(cause -> closed.countDown());

            GatewayRevocations.Outcome outcome = client.revocations().pushIfNewer(
                    list(7, TestCredentials.TECHNICIAN_ID));

            assertThat(outcome.pushed()).isTrue();
            assertThat(outcome.sessionEnded()).isTrue();
            assertThat(outcome.held()).isEqualTo(new RevocationsHeld("test-operator", 7,
                    TestCredentials.RECORD_ISSUED_AT, true));
            assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
            assertRevoked(service, TestCredentials.keyedSupervisor(), "technician id "
                    + TestCredentials.TECHNICIAN_ID);
        }
    }

    @Test
    void refusesTheNextRequestOfAnOpenSessionThatAListBroughtElsewhereRevokes() throws Exception {
        FakeGatewayService service = new FakeGatewayService().withRevocations(new MemoryRevocationStore());
        SignedCredential other = withId(TestCredentials.keyedSupervisor(), OTHER_TECHNICIAN);
        try (ScriptedPeer first = ScriptedPeer.serving(service);
                ScriptedPeer second = ScriptedPeer.serving(service);
                GatewayClient revoked = first.openClient(TestCredentials.signing(other, GatewayPins.inMemory()),
                        ANSWER_TIMEOUT);
                GatewayClient bringer = second.openClient(ANSWER_TIMEOUT)) {

            bringer.revocations().push(list(1, OTHER_TECHNICIAN));

            assertThatThrownBy(revoked::site).isInstanceOfSatisfying(LinkException.class, e -> {
                assertThat(e.code()).isEqualTo(LinkException.Code.REFUSED);
                assertThat(e.gatewayCode()).isEqualTo("AUTH_CREDENTIAL_REVOKED");
            });
            assertThat(bringer.site()).isEqualTo(SampleMessages.siteReply());
        }
    }

    @Test
    void pushIfNewerSendsNothingWhenTheGatewayHoldsTheListOrANewerOne() throws Exception {
        MemoryRevocationStore store = new MemoryRevocationStore();
        store.keepIfNewer(list(6, OTHER_TECHNICIAN));
        try (ScriptedPeer gateway = ScriptedPeer.serving(new FakeGatewayService().withRevocations(store));
                GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {

            GatewayRevocations.Outcome outcome = client.revocations().pushIfNewer(
                    list(6, TestCredentials.TECHNICIAN_ID));

            assertThat(outcome.pushed()).isFalse();
            assertThat(outcome.heldBefore()).isEqualTo(6);
            assertThat(client.site()).isEqualTo(SampleMessages.siteReply());
        }
    }

    @Test
    void refusesAListOfAnOperatorItDoesNotTrustAndAGatewayWithoutListsSaysSo() throws Exception {
        SignedRevocationList foreign = TestCredentials.STRANGER.sign(new io.gridside.link.auth.RevocationList(
                TestCredentials.STRANGER.keyId(), 1, SampleMessages.CLOCK, List.of(OTHER_TECHNICIAN), List.of()));
        try (ScriptedPeer keeping = ScriptedPeer.serving(new FakeGatewayService()
                .withRevocations(new MemoryRevocationStore()));
                ScriptedPeer plain = ScriptedPeer.serving(new FakeGatewayService());
                GatewayClient client = keeping.openClient(ANSWER_TIMEOUT);
                GatewayClient old = plain.openClient(ANSWER_TIMEOUT)) {

            assertThatThrownBy(() -> client.revocations().push(foreign)).isInstanceOfSatisfying(
                    LinkException.class, e -> assertThat(e.gatewayCode()).isEqualTo("REVOCATIONS_UNKNOWN_OPERATOR"));
            assertThat(old.revocations().supported()).isFalse();
            assertThatThrownBy(() -> old.revocations().push(list(1, OTHER_TECHNICIAN))).isInstanceOfSatisfying(
                    LinkException.class, e -> assertThat(e.gatewayCode()).isEqualTo("UNSUPPORTED"));
        }
    }

    private static SignedRevocationList list(long serial, String... technicianIds) {
        return TestCredentials.revocations(serial, List.of(technicianIds), List.of());
    }

    private static SignedCredential withId(SignedCredential credential, String technicianId) {
        io.gridside.link.auth.TechnicianCredential c = credential.credential();
        return TestCredentials.OPERATOR.sign(new io.gridside.link.auth.TechnicianCredential(technicianId, c.name(),
                c.role(), c.sites(), c.notBefore(), c.notAfter(), c.limits(), c.operatorKeyId(),
                c.technicianKey()));
    }

    /** Says hello with {@code credential} in a new session of {@code service}, which must refuse it as revoked. */
    private static void assertRevoked(FakeGatewayService service, SignedCredential credential, String naming)
            throws Exception {
        try (ScriptedPeer gateway = ScriptedPeer.serving(service)) {
            assertRefusedAsRevoked(gateway, credential, naming);
        }
    }

    private static void assertRefusedAsRevoked(ScriptedPeer gateway, SignedCredential credential, String naming) {
        assertThatThrownBy(() -> gateway.openClient(Authentication.of(credential, GatewayPins.inMemory()),
                ANSWER_TIMEOUT).close())
                .isInstanceOfSatisfying(LinkException.class, e -> {
                    assertThat(e.code()).isEqualTo(LinkException.Code.REFUSED);
                    assertThat(e.gatewayCode()).isEqualTo("AUTH_CREDENTIAL_REVOKED");
                })
                .hasMessageContaining(naming)
                .hasMessageContaining("ask your supervisor");
    }
}

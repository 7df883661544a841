package io.gridside.link.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.auth.HelloProof;
import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.TechnicianCredential;
import io.gridside.link.frame.Frame;
import io.gridside.link.message.Cancel;
import io.gridside.link.message.CashVoid;
import io.gridside.link.message.ClockSet;
import io.gridside.link.message.ErrorReply;
import io.gridside.link.message.GetLedger;
import io.gridside.link.message.GetReadings;
import io.gridside.link.message.GetRoster;
import io.gridside.link.message.GetSite;
import io.gridside.link.message.Hello;
import io.gridside.link.message.HelloReply;
import io.gridside.link.message.Message;
import io.gridside.link.message.Ping;
import io.gridside.link.message.PostPayments;
import io.gridside.link.message.Pong;
import io.gridside.link.message.ReadingsBatch;
import io.gridside.link.message.SetClock;
import io.gridside.link.message.PostAdjustments;
import io.gridside.link.message.RosterBatch;
import io.gridside.link.message.SiteReply;
import io.gridside.link.message.StreamEnd;
import io.gridside.link.testing.FakeGatewayService;
import io.gridside.link.testing.FramePeer;
import io.gridside.link.testing.SampleMessages;
import io.gridside.link.testing.ScriptedPeer;
import io.gridside.link.testing.TestCredentials;
import io.gridside.site.Reading;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.ledger.CustomerDay;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The gateway's side of a session, driven frame by frame by a hand-played console. */
@Timeout(10)
class GatewaySessionTest {

    private static final Hello HELLO = SampleMessages.hello();
    private static final Instant FROM = SampleMessages.DAY_START;
    private static final Instant TO = FROM.plus(Duration.ofDays(30));

    @Test
    void answersOnlyPingsBeforeAHelloIsAccepted() throws Exception {
        try (ScriptedPeer gateway = ScriptedPeer.serving(new FakeGatewayService());
                Socket socket = gateway.connectSocket()) {
            FramePeer console = new FramePeer(socket);

            assertThat(errorCode(ask(console, 1, new GetSite()))).isEqualTo("AUTH_REQUIRED");
            assertThat(ask(console, 2, new Ping(77))).isEqualTo(new Pong(77, SampleMessages.CLOCK));
            assertThat(ask(console, 3, HELLO)).isEqualTo(SampleMessages.helloReply());
            assertThat(ask(console, 4, new GetSite())).isEqualTo(SampleMessages.siteReply());
        }
    }

    @Test
    void provesItsKeyBySigningTheConsolesNonceAndGrantsTheCredentialsRole() throws Exception {
        Hello supervisor = helloWith(TestCredentials.supervisor(), "7a".repeat(32));
        try (ScriptedPeer gateway = ScriptedPeer.serving(new FakeGatewayService());
                Socket socket = gateway.connectSocket()) {
            FramePeer console = new FramePeer(socket);

            HelloReply reply = (HelloReply) ask(console, 1, supervisor);

            assertThat(reply.role()).isEqualTo("supervisor");
            assertThat(reply.gatewayKey()).isEqualTo(SampleMessages.GATEWAY_KEY.publicKey());
            assertThat(HelloProof.verify(supervisor, reply)).isTrue();
            assertThat(HelloProof.verify(helloWith(TestCredentials.supervisor(), "7b".repeat(32)), reply))
                    .as("the same reply to another nonce").isFalse();
        }
    }

    static Stream<Arguments> refusedCredentials() {
        SignedCredential technician = TestCredentials.technician();
        byte[] tampered = technician.signature().toByteArray();
        tampered[63] ^= 0x40;
        Instant notAfter = technician.credential().notAfter();
        return Stream.of(
                Arguments.of("AUTH_BAD_SIGNATURE", technician.signed(), ByteString.of(tampered),
                        SampleMessages.CLOCK),
                Arguments.of("AUTH_UNKNOWN_OPERATOR", stranger().signed(), stranger().signature(),
                        SampleMessages.CLOCK),
                Arguments.of("AUTH_EXPIRED", technician.signed(), technician.signature(), notAfter),
                Arguments.of("AUTH_NOT_YET_VALID", technician.signed(), technician.signature(),
                        technician.credential().notBefore().minusSeconds(1)),
                Arguments.of("AUTH_WRONG_SITE", otherSite().signed(), otherSite().signature(), SampleMessages.CLOCK),
                Arguments.of("AUTH_CREDENTIAL_MALFORMED", ByteString.fromHex("a0"), technician.signature(),
                        SampleMessages.CLOCK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedCredentials")
    void refusesABadCredentialWithItsCodeAndASentence(String code, ByteString credential, ByteString signature,
            Instant clock) throws Exception {
        try (ScriptedPeer gateway = ScriptedPeer.serving(new FakeGatewayService().withClock(clock));
                Socket socket = gateway.connectSocket()) {
            FramePeer console = new FramePeer(socket);
            Hello hello = new Hello(List.of(Frame.VERSION), "test-console", credential, signature, HELLO.nonce());

            Message answer = ask(console, 1, hello);

            assertThat(errorCode(answer)).isEqualTo(code);
            assertThat(((ErrorReply) answer).message()).endsWith(".").hasSizeGreaterThan(30);
            assertThat(errorCode(ask(console, 2, new GetSite()))).isEqualTo("AUTH_REQUIRED");
        }
    }

    @Test
    void endsTheSessionWhenTheCredentialExpiresByTheGatewaysClock() throws Exception {
        FakeGatewayService service = new FakeGatewayService();
        try (ScriptedPeer gateway = ScriptedPeer.serving(service);
                Socket socket = gateway.connectSocket()) {
            FramePeer console = new FramePeer(socket);
            ask(console, 1, HELLO);
            assertThat(ask(console, 2, new GetSite())).isInstanceOf(SiteReply.class);

            service.withClock(TestCredentials.technician().credential().notAfter());

            assertThat(errorCode(ask(console, 3, new GetSite()))).isEqualTo("AUTH_EXPIRED");
            assertThat(errorCode(ask(console, 4, new GetSite()))).isEqualTo("AUTH_REQUIRED");
        }
    }

    @Test
    void refusesAHelloWithoutItsProtocolVersion() throws Exception {
        try (ScriptedPeer gateway = ScriptedPeer.serving(new FakeGatewayService());
                Socket socket = gateway.connectSocket()) {
            FramePeer console = new FramePeer(socket);
            Hello fromTheFuture = new Hello(List.of(Frame.VERSION + 1, Frame.VERSION + 2), "test-console",
                    HELLO.credential(), HELLO.credentialSignature(), HELLO.nonce());

            assertThat(errorCode(ask(console, 1, fromTheFuture))).isEqualTo("VERSION_UNSUPPORTED");
            assertThat(errorCode(ask(console, 2, new GetSite()))).isEqualTo("AUTH_REQUIRED");
        }
    }

    @Test
    void refusedHelloLeavesTheSessionUnauthenticated() throws Exception {
        try (ScriptedPeer gateway = ScriptedPeer.serving(new FakeGatewayService());
                Socket socket = gateway.connectSocket()) {
            FramePeer console = new FramePeer(socket);
            Hello foreign = helloWith(stranger(), "5e".repeat(32));

            assertThat(ask(console, 1, HELLO)).isEqualTo(SampleMessages.helloReply());
            assertThat(errorCode(ask(console, 2, foreign))).isEqualTo("AUTH_UNKNOWN_OPERATOR");
            assertThat(errorCode(ask(console, 3, new GetSite()))).isEqualTo("AUTH_REQUIRED");
        }
    }

    @Test
    void refusesASupervisorsRequestToATechnicianAndLeavesTheClockAlone() throws Exception {
        FakeGatewayService service = new FakeGatewayService();
        try (ScriptedPeer gateway = ScriptedPeer.serving(service);
                Socket socket = gateway.connectSocket()) {
            FramePeer console = new FramePeer(socket);
            ask(console, 1, HELLO);

            Message answer = ask(console, 2, new SetClock(SampleMessages.CLOCK.plusSeconds(3600)));

            assertThat(errorCode(answer)).isEqualTo("ROLE_FORBIDDEN");
            assertThat(((ErrorReply) answer).message())
                    .contains("Setting the gateway's clock needs a supervisor", "T-0042").doesNotContain("SetClock");
            assertThat(service.clock()).isEqualTo(SampleMessages.CLOCK);
            assertThat(ask(console, 3, new GetSite())).as("the session goes on").isInstanceOf(SiteReply.class);
        }
    }

    @Test
    void letsASupervisorSetTheClockAndAnswersWithItBeforeAndAfter() throws Exception {
        FakeGatewayService service = new FakeGatewayService();
        Instant later = SampleMessages.CLOCK.plusSeconds(3600);
        try (ScriptedPeer gateway = ScriptedPeer.serving(service);
                Socket socket = gateway.connectSocket()) {
            FramePeer console = new FramePeer(socket);
            ask(console, 1, helloWith(TestCredentials.supervisor(), "11".repeat(32)));

            assertThat(ask(console, 2, new SetClock(later))).isEqualTo(new ClockSet(SampleMessages.CLOCK, later));
            assertThat(service.clock()).isEqualTo(later);
            assertThat(errorCode(ask(console, 3, new SetClock(Instant.parse("1960-01-01T00:00:00Z")))))
                    .isEqualTo("CLOCK_REFUSED");
        }
    }

    @Test
    void needsASupervisorForSetClockVoidingCashImportedPaymentsMovesCorrectionsTariffsFirmwareAndRestores() {
        assertThat(RequestRoles.supervisorOnly()).containsExactlyInAnyOrder(SetClock.class, CashVoid.class,
                PostPayments.class, io.gridside.link.message.MoveIn.class, io.gridside.link.message.MoveOut.class,
                PostAdjustments.class, io.gridside.link.message.PushTariff.class,
                io.gridside.link.message.PostReadings.class, io.gridside.link.message.InstallFirmware.class,
                io.gridside.link.message.StartCampaign.class, io.gridside.link.message.BeginRestore.class,
                io.gridside.link.message.RestoreChunk.class, io.gridside.link.message.FinishRestore.class,
                io.gridside.link.message.PostReconciliation.class, io.gridside.link.message.RestoreConfigPart.class,
                io.gridside.link.message.RestoreLedgerPart.class);
        assertThat(RequestRoles.needed(io.gridside.link.message.ReadRegisters.class)).isEqualTo(Role.TECHNICIAN);
        assertThat(RequestRoles.needed(new io.gridside.link.message.ControlCampaign("c-1",
                io.gridside.link.message.ControlCampaign.Action.RESUME))).isEqualTo(Role.SUPERVISOR);
        assertThat(RequestRoles.needed(new io.gridside.link.message.ControlCampaign("c-1",
                io.gridside.link.message.ControlCampaign.Action.ABORT))).isEqualTo(Role.TECHNICIAN);
        assertThat(RequestRoles.needed(GetLedger.class)).isEqualTo(Role.TECHNICIAN);
        assertThat(RequestRoles.needed(io.gridside.link.message.ExchangeMeter.class)).isEqualTo(Role.TECHNICIAN);
        assertThat(RequestRoles.needed(SetClock.class)).isEqualTo(Role.SUPERVISOR);
        assertThat(RequestRoles.needed(PostAdjustments.class)).isEqualTo(Role.SUPERVISOR);
    }

    @Test
    void refusesATechniciansCorrectionsBeforeTheServiceSeesThem() throws Exception {
        FakeGatewayService service = new FakeGatewayService();
        try (ScriptedPeer gateway = ScriptedPeer.serving(service);
                Socket socket = gateway.connectSocket()) {
            FramePeer console = new FramePeer(socket);
            ask(console, 1, HELLO);

            Message answer = ask(console, 2, new PostAdjustments(List.of(new PostAdjustments.Item(
                    new CustomerDay("C-1", LocalDate.of(2026, 6, 2)), "energy", "reconciled", 5,
                    ByteString.of(new byte[32])))));

            assertThat(errorCode(answer)).isEqualTo("ROLE_FORBIDDEN");
        }
    }

    @Test
    void answersAMessageOnlyAGatewaySendsWithUnexpectedMessage() throws Exception {
        try (ScriptedPeer gateway = ScriptedPeer.serving(new FakeGatewayService());
                Socket socket = gateway.connectSocket()) {
            FramePeer console = new FramePeer(socket);
            ask(console, 1, HELLO);

            assertThat(errorCode(ask(console, 2, SampleMessages.siteReply()))).isEqualTo("UNEXPECTED_MESSAGE");
        }
    }

    @Test
    void answersAFailureOfItsServiceWithGatewayFault() throws Exception {
        FakeGatewayService service = new FakeGatewayService().failingSiteWith(new IllegalStateException("disk"));
        try (ScriptedPeer gateway = ScriptedPeer.serving(service);
                Socket socket = gateway.connectSocket()) {
            FramePeer console = new FramePeer(socket);
            ask(console, 1, HELLO);

            assertThat(errorCode(ask(console, 2, new GetSite()))).isEqualTo("GATEWAY_FAULT");
        }
    }

    @Test
    void streamsEveryItemInBatchesThatCarryTheTotalThenEnds() throws Exception {
        List<Reading> readings = SampleMessages.readings(1_000);
        try (ScriptedPeer gateway = ScriptedPeer.serving(new FakeGatewayService().withReadings(readings));
                Socket socket = gateway.connectSocket()) {
            FramePeer console = new FramePeer(socket);
            ask(console, 1, HELLO);
            console.send(2, new GetReadings(FROM, TO));

            List<Reading> streamed = new ArrayList<>();
            Message message;
            while ((message = receiveFor(console, 2)) instanceof ReadingsBatch batch) {
                assertThat(batch.total()).isEqualTo(1_000);
                streamed.addAll(batch.readings());
            }

            assertThat(message).isEqualTo(new StreamEnd(1_000, false));
            assertThat(streamed).containsExactlyElementsOf(readings);
        }
    }

    @Test
    void stopsAStreamPartWayWhenItIsCancelled() throws Exception {
        GatedList readings = new GatedList(SampleMessages.readings(1_000), 128);
        try (ScriptedPeer gateway = ScriptedPeer.serving(new FakeGatewayService().withReadings(readings));
                Socket socket = gateway.connectSocket()) {
            FramePeer console = new FramePeer(socket);
            ask(console, 1, HELLO);
            console.send(2, new GetReadings(FROM, TO));
            ReadingsBatch first = (ReadingsBatch) receiveFor(console, 2);

            console.send(0, new Cancel(2));
            // The link hands over the cancel and the ping in order, so the pong proves the cancel is in.
            assertThat(ask(console, 3, new Ping(5))).isInstanceOf(Pong.class);
            readings.open();

            ReadingsBatch second = (ReadingsBatch) receiveFor(console, 2);
            long sent = first.readings().size() + second.readings().size();
            assertThat(receiveFor(console, 2)).isEqualTo(new StreamEnd(sent, true));
            assertThat(sent).isLessThan(1_000);
            assertThat(ask(console, 4, new GetSite())).isInstanceOf(SiteReply.class);
        }
    }

    @Test
    void newConsoleOnTheLinkMustSayHelloAndGetsNothingOfTheFormerConsolesStream() throws Exception {
        GatedList readings = new GatedList(SampleMessages.readings(1_000), 128);
        try (ScriptedPeer gateway = ScriptedPeer.serving(new FakeGatewayService().withReadings(readings));
                Socket socket = gateway.connectSocket()) {
            FramePeer former = new FramePeer(socket);
            ask(former, 1, HELLO);
            former.send(2, new GetReadings(FROM, TO));
            assertThat(receiveFor(former, 2)).isInstanceOf(ReadingsBatch.class);

            // Another console takes the line over, in an epoch of its own, while the stream is caught mid-way.
            FramePeer console = new FramePeer(socket);
            assertThat(errorCode(ask(console, 1, new GetSite()))).isEqualTo("AUTH_REQUIRED");
            readings.open();
            assertThat(ask(console, 2, HELLO)).isEqualTo(SampleMessages.helloReply());
            console.send(3, new GetReadings(FROM, TO));

            List<Reading> streamed = new ArrayList<>();
            Message message;
            while ((message = receiveFor(console, 3)) instanceof ReadingsBatch batch) {
                streamed.addAll(batch.readings());
            }
            assertThat(message).isEqualTo(new StreamEnd(1_000, false));
            assertThat(streamed).hasSize(1_000);
        }
    }

    @Test
    void endsAStreamCancelledBeforeItStartedWithoutSendingAnything() throws Exception {
        CountDownLatch rosterMayGo = new CountDownLatch(1);
        FakeGatewayService service = new FakeGatewayService().withReadings(SampleMessages.readings(300))
                .withRosterGate(rosterMayGo);
        try (ScriptedPeer gateway = ScriptedPeer.serving(service);
                Socket socket = gateway.connectSocket()) {
            FramePeer console = new FramePeer(socket);
            ask(console, 1, HELLO);
            // The roster holds the gateway's one stream sender, so the readings stream behind it waits its turn.
            console.send(2, new GetRoster());
            console.send(3, new GetReadings(FROM, TO));
            console.send(0, new Cancel(3));
            assertThat(ask(console, 4, new Ping(6))).isInstanceOf(Pong.class);
            rosterMayGo.countDown();

            Message message;
            while ((message = receiveFor(console, 2)) instanceof RosterBatch) {
                // The roster arrives whole before the readings stream gets its turn.
            }
            assertThat(message).isInstanceOf(StreamEnd.class);
            assertThat(receiveFor(console, 3)).isEqualTo(new StreamEnd(0, true));
        }
    }

    @Test
    void answersASmallRequestWhileAStreamIsHeldUp() throws Exception {
        CountDownLatch rosterMayGo = new CountDownLatch(1);
        try (ScriptedPeer gateway = ScriptedPeer.serving(new FakeGatewayService().withRosterGate(rosterMayGo));
                Socket socket = gateway.connectSocket()) {
            FramePeer console = new FramePeer(socket);
            ask(console, 1, HELLO);
            console.send(2, new GetRoster());

            assertThat(ask(console, 3, new GetSite())).isEqualTo(SampleMessages.siteReply());
            rosterMayGo.countDown();
            assertThat(receiveFor(console, 2)).isInstanceOf(RosterBatch.class);
        }
    }

    private static Message ask(FramePeer console, long requestId, Message request) throws IOException {
        console.send(requestId, request);
        return receiveFor(console, requestId);
    }

    /** The next message, which must answer {@code requestId}. */
    private static Message receiveFor(FramePeer console, long requestId) throws IOException {
        FramePeer.Received received = console.receive();
        assertThat(received.requestId()).as("the request answered by %s", received.message()).isEqualTo(requestId);
        return received.message();
    }

    private static Hello helloWith(SignedCredential credential, String nonceHex) {
        return new Hello(List.of(Frame.VERSION), "test-console", credential.signed(), credential.signature(),
                ByteString.fromHex(nonceHex));
    }

    /** A supervisor's credential from an operator the gateway does not trust. */
    private static SignedCredential stranger() {
        TechnicianCredential credential = TestCredentials.credential(Role.SUPERVISOR, List.of("*"));
        return TestCredentials.STRANGER.sign(new TechnicianCredential(credential.technicianId(), credential.name(),
                credential.role(), credential.sites(), credential.notBefore(), credential.notAfter(),
                credential.limits(), TestCredentials.STRANGER.keyId()));
    }

    private static SignedCredential otherSite() {
        return TestCredentials.OPERATOR.sign(TestCredentials.credential(Role.SUPERVISOR, List.of("site-mto")));
    }

    /** The code of an error reply, or a description of what came instead, for a readable failure. */
    private static String errorCode(Message message) {
        return message instanceof ErrorReply error ? error.code() : "no error but " + message;
    }

    /** A list whose items from {@code gateAt} on wait until the test opens it: a gateway caught mid-stream. */
    private static final class GatedList extends AbstractList<Reading> {

        private final List<Reading> items;
        private final int gateAt;
        private final CountDownLatch gate = new CountDownLatch(1);

        GatedList(List<Reading> items, int gateAt) {
            this.items = items;
            this.gateAt = gateAt;
        }

        void open() {
            gate.countDown();
        }

        @Override
        public Reading get(int index) {
            if (index >= gateAt) {
                try {
                    if (!gate.await(5, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("The test never let the stream go on.");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return items.get(index);
        }

        @Override
        public int size() {
            return items.size();
        }
    }
}

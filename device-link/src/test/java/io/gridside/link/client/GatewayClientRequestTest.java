package io.gridside.link.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.frame.Frame;
import io.gridside.link.frame.FrameCodec;
import io.gridside.link.message.ClockSet;
import io.gridside.link.message.MessageCodec;
import io.gridside.link.message.Ping;
import io.gridside.link.message.Pong;
import io.gridside.link.session.LinkStats;
import io.gridside.link.testing.FakeGatewayService;
import io.gridside.link.testing.FramePeer;
import io.gridside.link.testing.SampleMessages;
import io.gridside.link.testing.ScriptedPeer;
import io.gridside.link.testing.TestCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Single requests over an open session, and what the session counts when the line is poor. */
@Timeout(10)
class GatewayClientRequestTest {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);

    @Test
    void fetchesTheSiteAndTheMeterStatus() throws Exception {
        try (ScriptedPeer gateway = ScriptedPeer.serving(new FakeGatewayService());
                GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {

            assertThat(client.site()).isEqualTo(SampleMessages.siteReply());
            assertThat(client.meterStatus()).isEqualTo(SampleMessages.meterStatus());
        }
    }

    @Test
    void aSupervisorSetsTheGatewaysClockAndSeesItAfterwards() throws Exception {
        Instant later = SampleMessages.CLOCK.plusSeconds(90);
        try (ScriptedPeer gateway = ScriptedPeer.serving(new FakeGatewayService());
                GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {

            assertThat(client.setClock(later)).isEqualTo(new ClockSet(SampleMessages.CLOCK, later));
            assertThat(client.lastGatewayClock()).isEqualTo(later);
        }
    }

    @Test
    void aTechniciansSetClockIsForbiddenAndTheSessionGoesOn() throws Exception {
        GatewayPins pinned = GatewayPins.inMemory();
        pinned.save(new GatewayPin(SampleMessages.SITE_ID, SampleMessages.GATEWAY_ID,
                SampleMessages.GATEWAY_KEY.publicKey(), SampleMessages.CLOCK, "S-1"));
        try (ScriptedPeer gateway = ScriptedPeer.serving(new FakeGatewayService());
                GatewayClient client = gateway.openClient(Authentication.of(TestCredentials.technician(), pinned),
                        ANSWER_TIMEOUT)) {

            assertThatThrownBy(() -> client.setClock(SampleMessages.CLOCK.plusSeconds(90)))
                    .isInstanceOfSatisfying(LinkException.class,
                            e -> assertThat(e.code()).isEqualTo(LinkException.Code.FORBIDDEN))
                    .hasMessageContaining("ROLE_FORBIDDEN");
            assertThat(client.site()).isEqualTo(SampleMessages.siteReply());
        }
    }

    @Test
    void pingKeepsTheRoundTripItMeasuredAndTheGatewaysClock() throws Exception {
        try (ScriptedPeer gateway = ScriptedPeer.serving(new FakeGatewayService());
                GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {
            assertThat(client.lastRoundTrip()).isNull();

            Duration roundTrip = client.ping();

            assertThat(client.lastRoundTrip()).isEqualTo(roundTrip);
            assertThat(client.lastGatewayClock()).isEqualTo(SampleMessages.CLOCK);
        }
    }

    @Test
    void pongWithAnotherNonceIsAGatewayError() throws Exception {
        try (ScriptedPeer gateway = ScriptedPeer.start(socket -> {
            FramePeer peer = new FramePeer(socket);
            peer.acceptHello();
            FramePeer.Received ping = peer.receive(Ping.class);
            long nonce = ((Ping) ping.message()).nonce();
            peer.send(ping.requestId(), new Pong(nonce + 1, SampleMessages.CLOCK));
            peer.awaitClose();
        }); GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {

            assertThatThrownBy(client::ping).isInstanceOfSatisfying(LinkException.class,
                    e -> assertThat(e.code()).isEqualTo(LinkException.Code.GATEWAY_ERROR));
        }
    }

    @Test
    void failureInsideTheGatewayGivesAGatewayErrorNamingItsCode() throws Exception {
        FakeGatewayService service = new FakeGatewayService()
                .failingSiteWith(new IllegalStateException("the site database is locked"));
        try (ScriptedPeer gateway = ScriptedPeer.serving(service);
                GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {

            assertThatThrownBy(client::site)
                    .isInstanceOfSatisfying(LinkException.class,
                            e -> assertThat(e.code()).isEqualTo(LinkException.Code.GATEWAY_ERROR))
                    .hasMessageContaining("GATEWAY_FAULT");
            assertThat(client.meterStatus()).isEqualTo(SampleMessages.meterStatus());
        }
    }

    @Test
    void countsFramesDroppedByNoiseInItsStats() throws Exception {
        CompletableFuture<FramePeer> script = new CompletableFuture<>();
        try (ScriptedPeer gateway = ScriptedPeer.start(socket -> {
            FramePeer peer = new FramePeer(socket);
            script.complete(peer);
            peer.acceptHello();
            FramePeer.Received ping = peer.receive(Ping.class);
            // Two bad blocks, each closed by a delimiter so that the pong behind them survives.
            peer.write(ascii("line noise\0"));
            peer.write(corrupted(FrameCodec.encode(new Frame(0x05, 9, 0, ping.requestId(), ascii("hit by noise")))));
            peer.send(ping.requestId(), new Pong(((Ping) ping.message()).nonce(), SampleMessages.CLOCK));
            peer.awaitClose();
        }); GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {

            client.ping();

            LinkStats stats = client.stats();
            assertThat(stats.framesDropped()).isEqualTo(2);
            // Every intact frame the gateway wrote counts as received: answers and acknowledgements alike.
            assertThat(stats.framesReceived()).isEqualTo(script.get(1, TimeUnit.SECONDS).framesWritten());
            assertThat(stats.messagesMalformed()).isZero();
        }
    }

    @Test
    void answerSpoiledByNoiseIsSentAgainAndTheSessionCarriesOn() throws Exception {
        CompletableFuture<FramePeer> script = new CompletableFuture<>();
        try (ScriptedPeer gateway = ScriptedPeer.start(socket -> {
            FramePeer peer = new FramePeer(socket);
            script.complete(peer);
            peer.acceptHello();
            answerPing(peer, ascii("noise without a delimiter"));
            // The pong went under the noise: nothing acknowledges it until it is sent again.
            peer.awaitAcknowledged();
            answerPing(peer, new byte[0]);
            peer.awaitClose();
        }); GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {

            client.ping();
            client.ping();

            assertThat(client.stats().framesDropped()).isEqualTo(1);
            assertThat(client.stats().framesMissed()).isZero();
        }
        assertThat(script.get(1, TimeUnit.SECONDS).retransmissions()).isPositive();
    }

    @Test
    void deliversFramesInTheOrderOfTheirNumbersAndCountsThoseThatCameAfterAGap() throws Exception {
        try (ScriptedPeer gateway = ScriptedPeer.start(socket -> {
            FramePeer peer = new FramePeer(socket);
            peer.acceptHello();
            FramePeer.Received ping = peer.receive(Ping.class);
            long nonce = ((Ping) ping.message()).nonce();
            int hole = peer.nextSeq();
            // The right pong goes first but is numbered after a wrong one, which must be delivered before it.
            peer.sendAs(hole + 1, ping.requestId(), new Pong(nonce, SampleMessages.CLOCK));
            peer.sendAs(hole, ping.requestId(), new Pong(nonce + 1, SampleMessages.CLOCK));
            peer.awaitClose();
        }); GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {

            assertThatThrownBy(client::ping).isInstanceOfSatisfying(LinkException.class,
                    e -> assertThat(e.code()).isEqualTo(LinkException.Code.GATEWAY_ERROR));

            assertThat(client.stats().framesMissed()).isEqualTo(1);
        }
    }

    @Test
    void countsIntactFramesWithAnUnknownMessageAsMalformed() throws Exception {
        try (ScriptedPeer gateway = ScriptedPeer.start(socket -> {
            FramePeer peer = new FramePeer(socket);
            peer.acceptHello();
            FramePeer.Received ping = peer.receive(Ping.class);
            peer.sendFrame(0x7F, ping.requestId(), MessageCodec.encode(new Ping(3)));
            peer.send(ping.requestId(), new Pong(((Ping) ping.message()).nonce(), SampleMessages.CLOCK));
            peer.awaitClose();
        }); GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {

            client.ping();

            assertThat(client.stats().messagesMalformed()).isEqualTo(1);
            assertThat(client.stats().framesDropped()).isZero();
        }
    }

    @Test
    void closingTheSessionFiresOnClosedWithoutACauseAndRefusesFurtherRequests() throws Exception {
        CompletableFuture<IOException> closed = new CompletableFuture<>();
        try (ScriptedPeer gateway = ScriptedPeer.serving(new FakeGatewayService())) {
            GatewayClient client = gateway.openClient(ANSWER_TIMEOUT);
            client.onClosed(closed::complete);

            client.close();

            assertThat(closed.get(5, TimeUnit.SECONDS)).isNull();
            assertThat(client.isOpen()).isFalse();
            assertThatThrownBy(client::site).isInstanceOfSatisfying(LinkException.class,
                    e -> assertThat(e.code()).isEqualTo(LinkException.Code.CLOSED));
        }
    }

    private static void answerPing(FramePeer peer, byte[] noiseBefore) throws IOException {
        FramePeer.Received ping = peer.receive(Ping.class);
        peer.write(noiseBefore);
        peer.send(ping.requestId(), new Pong(((Ping) ping.message()).nonce(), SampleMessages.CLOCK));
    }

    /** The frame with one byte in its middle changed, which no framing rule lets through. */
    private static byte[] corrupted(byte[] wire) {
        byte[] copy = wire.clone();
        int middle = copy.length / 2;
        copy[middle] = (byte) (copy[middle] == 0x33 ? 0x34 : 0x33);
        return copy;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

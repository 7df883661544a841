package io.gridside.link.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.message.Cancel;
import io.gridside.link.message.GetLedger;
import io.gridside.link.message.GetReadings;
import io.gridside.link.message.GetSite;
import io.gridside.link.message.LedgerBatch;
import io.gridside.link.message.ReadingsBatch;
import io.gridside.link.message.StreamEnd;
import io.gridside.link.testing.FakeGatewayService;
import io.gridside.link.testing.FramePeer;
import io.gridside.link.testing.SampleMessages;
import io.gridside.link.testing.ScriptedPeer;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import io.gridside.site.ledger.LedgerChain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Pulling streams: progress, batches lost on the line and sent again, a link that drops part-way, cancelling. */
@Timeout(10)
class GatewayClientStreamTest {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);
    private static final Instant FROM = SampleMessages.DAY_START;
    private static final Instant TO = FROM.plus(Duration.ofDays(30));
    /** Noise that runs into the frame after it, so that frame is lost and must be sent again. */
    private static final byte[] NOISE_WITHOUT_DELIMITER = "~~ static ~~".getBytes(StandardCharsets.US_ASCII);

    /** What a listener saw of one batch. */
    private record Progress(int size, long received, long total) {
    }

    /** A listener that keeps every item and the progress of every batch. */
    private static final class Recorder<T> implements BatchListener<T> {

        final List<T> items = new ArrayList<>();
        final List<Progress> progress = new ArrayList<>();

        @Override
        public void onBatch(List<T> batch, long received, long total) {
            items.addAll(batch);
            progress.add(new Progress(batch.size(), received, total));
        }
    }

    @Test
    void deliversEveryReadingsBatchWithRunningProgress() throws Exception {
        List<Reading> readings = SampleMessages.readings(300);
        FakeGatewayService service = new FakeGatewayService().withReadings(readings);
        Recorder<Reading> recorder = new Recorder<>();
        try (ScriptedPeer gateway = ScriptedPeer.serving(service);
                GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {

            long count = client.readings(FROM, TO, recorder, CancelSignal.NEVER);

            assertThat(count).isEqualTo(300);
            assertThat(service.readingsAskedFor()).containsExactly(FROM, TO);
        }
        assertThat(recorder.items).containsExactlyElementsOf(readings);
        assertThat(recorder.progress).hasSizeGreaterThan(1).allSatisfy(p -> assertThat(p.total()).isEqualTo(300));
        assertRunningTotals(recorder.progress);
        assertThat(recorder.progress.get(recorder.progress.size() - 1).received()).isEqualTo(300);
    }

    @Test
    void asksAGatewayThatListsReadingsByMeterForTheOneMetersReadingsAlone() throws Exception {
        List<Reading> readings = SampleMessages.readings(300);
        FakeGatewayService service = new FakeGatewayService().withReadings(readings)
                .withCapabilities(GetReadings.BY_METER);
        Recorder<Reading> recorder = new Recorder<>();
        try (ScriptedPeer gateway = ScriptedPeer.serving(service);
                GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {

            long count = client.readings("m-002", FROM, TO, recorder, CancelSignal.NEVER);

            assertThat(count).isEqualTo(150);
            assertThat(service.meterAskedFor()).isEqualTo("m-002");
        }
        assertThat(recorder.items).containsExactlyElementsOf(
                readings.stream().filter(r -> r.meterId().equals("m-002")).toList());
        assertThat(recorder.progress).allSatisfy(p -> assertThat(p.total()).isEqualTo(150));
    }

    @Test
    void asksAGatewayWithoutReadingsByMeterForEveryMetersReadingsAndKeepsTheOneMeters() throws Exception {
        List<Reading> readings = SampleMessages.readings(300);
        FakeGatewayService service = new FakeGatewayService().withReadings(readings);
        Recorder<Reading> recorder = new Recorder<>();
        try (ScriptedPeer gateway = ScriptedPeer.serving(service);
                GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {

            long count = client.readings("m-002", FROM, TO, recorder, CancelSignal.NEVER);

            assertThat(count).isEqualTo(150);
            assertThat(service.meterAskedFor()).isNull();
        }
        assertThat(recorder.items).containsExactlyElementsOf(
                readings.stream().filter(r -> r.meterId().equals("m-002")).toList());
        assertThat(recorder.progress).allSatisfy(p -> assertThat(p.total()).isEqualTo(300));
    }

    @Test
    void deliversTheLedgerAfterTheGivenEntry() throws Exception {
        FakeGatewayService service = new FakeGatewayService().withLedger(SampleMessages.ledger(400));
        Recorder<LedgerEntry> recorder = new Recorder<>();
        try (ScriptedPeer gateway = ScriptedPeer.serving(service);
                GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {

            long count = client.ledger(150, recorder, CancelSignal.NEVER);

            assertThat(count).isEqualTo(250);
        }
        assertThat(recorder.items).extracting(LedgerEntry::seq).first().isEqualTo(151L);
        assertThat(recorder.items).containsExactlyElementsOf(SampleMessages.ledger(400).subList(150, 400));
        assertRunningTotals(recorder.progress);
    }

    @Test
    void droppedLinkDuringAStreamThatIsNotResumedInTimeGivesClosedAndFiresOnClosedWithTheCause() throws Exception {
        CompletableFuture<IOException> suspended = new CompletableFuture<>();
        CompletableFuture<IOException> closed = new CompletableFuture<>();
        Recorder<Reading> recorder = new Recorder<>();
        try (ScriptedPeer gateway = ScriptedPeer.start(socket -> {
            FramePeer peer = new FramePeer(socket);
            peer.acceptHello();
            FramePeer.Received request = peer.receive(GetReadings.class);
            peer.send(request.requestId(), new ReadingsBatch(SampleMessages.readings(10), 100));
            // Returning closes the socket half-way through the stream.
        }); GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {
            client.setResumeWindow(Duration.ofMillis(500));
            client.onSuspended(suspended::complete);
            client.onClosed(closed::complete);

            assertThatThrownBy(() -> client.readings(FROM, TO, recorder, CancelSignal.NEVER))
                    .isInstanceOfSatisfying(LinkException.class,
                            e -> assertThat(e.code()).isEqualTo(LinkException.Code.CLOSED));

            IOException cause = closed.get(5, TimeUnit.SECONDS);
            assertThat(cause).isNotNull().isSameAs(suspended.getNow(null));
            assertThat(client.isOpen()).isFalse();
        }
        assertThat(recorder.items).hasSize(10);
    }

    @Test
    void cancellingAStreamSendsCancelForItAndLeavesTheSessionUsable() throws Exception {
        CompletableFuture<Long> cancelledRequest = new CompletableFuture<>();
        CompletableFuture<Long> streamRequest = new CompletableFuture<>();
        try (ScriptedPeer gateway = ScriptedPeer.start(socket -> {
            FramePeer peer = new FramePeer(socket);
            peer.acceptHello();
            FramePeer.Received request = peer.receive(GetReadings.class);
            streamRequest.complete(request.requestId());
            peer.send(request.requestId(), new ReadingsBatch(SampleMessages.readings(10), 30));
            Cancel cancel = (Cancel) peer.receive(Cancel.class).message();
            cancelledRequest.complete(cancel.streamRequestId());
            peer.send(request.requestId(), new StreamEnd(10, true));
            FramePeer.Received site = peer.receive(GetSite.class);
            peer.send(site.requestId(), SampleMessages.siteReply());
            peer.awaitClose();
        }); GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {
            AtomicBoolean stop = new AtomicBoolean();

            assertThatThrownBy(() -> client.readings(FROM, TO, (batch, received, total) -> stop.set(true), stop::get))
                    .isInstanceOf(CancellationException.class);

            assertThat(client.site()).isEqualTo(SampleMessages.siteReply());
        }
        assertThat(cancelledRequest.get(1, TimeUnit.SECONDS)).isEqualTo(streamRequest.get(1, TimeUnit.SECONDS));
    }

    @Test
    void cancellingALongStreamFromARealGatewayStopsDeliveryAndLeavesTheSessionUsable() throws Exception {
        FakeGatewayService service = new FakeGatewayService().withReadings(SampleMessages.readings(5_000));
        Recorder<Reading> recorder = new Recorder<>();
        try (ScriptedPeer gateway = ScriptedPeer.serving(service);
                GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {
            CancelSignal afterFirstBatch = () -> !recorder.progress.isEmpty();

            assertThatThrownBy(() -> client.readings(FROM, TO, recorder, afterFirstBatch))
                    .isInstanceOf(CancellationException.class);

            assertThat(client.meterStatus()).isEqualTo(SampleMessages.meterStatus());
            assertThat(client.isOpen()).isTrue();
        }
        assertThat(recorder.progress).hasSize(1);
    }

    @Test
    void readingsBatchLostOnTheLineIsSentAgainAndTheStreamArrivesWholeInOrder() throws Exception {
        List<Reading> readings = SampleMessages.readings(30);
        Recorder<Reading> recorder = new Recorder<>();
        try (ScriptedPeer gateway = ScriptedPeer.start(socket -> {
            FramePeer peer = new FramePeer(socket);
            peer.acceptHello();
            long id = peer.receive(GetReadings.class).requestId();
            peer.send(id, new ReadingsBatch(readings.subList(0, 10), 30));
            peer.write(NOISE_WITHOUT_DELIMITER);
            peer.send(id, new ReadingsBatch(readings.subList(10, 20), 30));
            peer.send(id, new ReadingsBatch(readings.subList(20, 30), 30));
            peer.send(id, new StreamEnd(30, false));
            peer.awaitAcknowledged();
            peer.awaitClose();
        }); GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {

            assertThat(client.readings(FROM, TO, recorder, CancelSignal.NEVER)).isEqualTo(30);

            assertThat(client.stats().framesDropped()).isEqualTo(1);
            // The third batch and the end came after the hole the second left.
            assertThat(client.stats().framesMissed()).isEqualTo(2);
        }
        assertThat(recorder.items).containsExactlyElementsOf(readings);
        assertRunningTotals(recorder.progress);
    }

    @Test
    void ledgerBatchLostOnTheLineIsSentAgainAndNoEntryIsSkipped() throws Exception {
        List<LedgerEntry> ledger = SampleMessages.ledger(30);
        Recorder<LedgerEntry> recorder = new Recorder<>();
        try (ScriptedPeer gateway = ScriptedPeer.start(socket -> {
            FramePeer peer = new FramePeer(socket);
            peer.acceptHello();
            long id = peer.receive(GetLedger.class).requestId();
            peer.send(id, linked(ledger.subList(0, 10), 30));
            peer.write(NOISE_WITHOUT_DELIMITER);
            peer.send(id, linked(ledger.subList(10, 20), 30));
            peer.send(id, linked(ledger.subList(20, 30), 30));
            peer.send(id, new StreamEnd(30, false));
            peer.awaitAcknowledged();
            peer.awaitClose();
        }); GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {

            assertThat(client.ledger(0, recorder, CancelSignal.NEVER)).isEqualTo(30);
        }
        assertThat(recorder.items).containsExactlyElementsOf(ledger);
    }

    @Test
    void streamWhoseEndCountsMoreItemsThanTheGatewaySentFailsAsIncomplete() throws Exception {
        List<Reading> readings = SampleMessages.readings(30);
        Recorder<Reading> recorder = new Recorder<>();
        try (ScriptedPeer gateway = ScriptedPeer.start(socket -> {
            FramePeer peer = new FramePeer(socket);
            peer.acceptHello();
            long id = peer.receive(GetReadings.class).requestId();
            peer.send(id, new ReadingsBatch(readings.subList(0, 10), 30));
            peer.send(id, new ReadingsBatch(readings.subList(20, 30), 30));
            peer.send(id, new StreamEnd(30, false));
            peer.awaitClose();
        }); GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {

            assertThatThrownBy(() -> client.readings(FROM, TO, recorder, CancelSignal.NEVER))
                    .isInstanceOfSatisfying(LinkException.class,
                            e -> assertThat(e.code()).isEqualTo(LinkException.Code.INCOMPLETE));
        }
        assertThat(recorder.items).hasSize(20);
    }

    @Test
    void ledgerStreamWithAGapInTheGatewaysEntriesFailsBeforeDeliveringAnythingPastIt() throws Exception {
        List<LedgerEntry> ledger = SampleMessages.ledger(30);

        Recorder<LedgerEntry> recorder = pullIncompleteLedger(20, linked(ledger.subList(0, 10), 30),
                linked(ledger.subList(20, 30), 30));

        // Entries past a gap must not reach the store: it resumes after the last entry it holds.
        assertThat(recorder.items).containsExactlyElementsOf(ledger.subList(0, 10));
    }

    @Test
    void ledgerStreamThatDoesNotStartAfterTheGivenEntryFailsAsIncomplete() throws Exception {
        List<LedgerEntry> ledger = SampleMessages.ledger(30);

        Recorder<LedgerEntry> recorder = pullIncompleteLedger(25, linked(ledger.subList(5, 15), 25),
                linked(ledger.subList(15, 30), 25));

        assertThat(recorder.items).isEmpty();
    }

    /** Pulls the ledger from entry 0 from a gateway that sends {@code batches}, and expects it incomplete. */
    private static Recorder<LedgerEntry> pullIncompleteLedger(long endCount, LedgerBatch... batches)
            throws Exception {
        Recorder<LedgerEntry> recorder = new Recorder<>();
        try (ScriptedPeer gateway = ScriptedPeer.start(socket -> {
            FramePeer peer = new FramePeer(socket);
            peer.acceptHello();
            long id = peer.receive(GetLedger.class).requestId();
            for (LedgerBatch batch : batches) {
                peer.send(id, batch);
            }
            peer.send(id, new StreamEnd(endCount, false));
            peer.awaitClose();
        }); GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {

            assertThatThrownBy(() -> client.ledger(0, recorder, CancelSignal.NEVER))
                    .isInstanceOfSatisfying(LinkException.class,
                            e -> assertThat(e.code()).isEqualTo(LinkException.Code.INCOMPLETE));
        }
        return recorder;
    }

    /** Each batch's {@code received} is the sum of the batch sizes so far, this one included. */
    private static void assertRunningTotals(List<Progress> progress) {
        long sum = 0;
        for (Progress p : progress) {
            sum += p.size();
            assertThat(p.received()).isEqualTo(sum);
        }
    }

    /** A schema 3 batch of {@code entries}, chained from the genesis (the client does not check the links). */
    private static LedgerBatch linked(List<LedgerEntry> entries, long total) {
        return new LedgerBatch(entries, LedgerChain.heads(LedgerChain.genesis(), entries), total);
    }
}

package io.gridside.link.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.message.CampaignReply;
import io.gridside.link.message.ChunkHeld;
import io.gridside.link.message.ControlCampaign;
import io.gridside.link.message.ErrorReply;
import io.gridside.link.message.FirmwareChunk;
import io.gridside.link.message.FirmwareInstalled;
import io.gridside.link.message.FirmwareOffered;
import io.gridside.link.message.FirmwareState;
import io.gridside.link.message.Message;
import io.gridside.link.message.StartCampaign;
import io.gridside.link.testing.FakeFirmwareService;
import io.gridside.link.testing.FakeGatewayService;
import io.gridside.link.testing.FirmwareSamples;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.FirmwareRefusedException;
import io.gridside.site.firmware.FleetMeter;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The desk answers a chunk only after the flush that put it on the flash, chunks that wait share a flush, and the
 * service is given each chunk's SHA-256, computed on the desk's hashing threads.
 */
@Timeout(10)
class FirmwareDeskTest {

    /** Four chunks: the first alone in a flush, the three that came during it in the next. */
    private static final FirmwareSamples.Image IMAGE = FirmwareSamples.meterImage(4 * 512, 512);

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstFlushMayEnd = new CountDownLatch(1);
    private final CountDownLatch answered = new CountDownLatch(IMAGE.manifest().chunkCount());
    private final RecordingFirmware firmware = new RecordingFirmware();
    private final FirmwareDesk desk = new FirmwareDesk(new FakeGatewayService().withFirmware(firmware), "test");

    @AfterEach
    void close() {
        desk.close();
    }

    @Test
    void answersEachChunkAfterTheFlushThatCoversItAndGroupsTheChunksThatWaited() throws Exception {
        firmware.offer(IMAGE.offered());

        send(0);
        awaitEvent("flush started");
        for (int index = 1; index < 4; index++) {
            send(index);
        }
        awaitEvent("take 3");
        firstFlushMayEnd.countDown();

        assertThat(answered.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(events).containsExactly("offer", "take 0", "flush started", "take 1", "take 2", "take 3", "flushed",
                "answer 0", "flush started", "flushed", "answer 1", "answer 2", "answer 3");
        for (int index = 0; index < IMAGE.manifest().chunkCount(); index++) {
            int taken = events.indexOf("take " + index);
            int answer = events.indexOf("answer " + index);
            assertThat(events.subList(taken, answer)).as("between chunk %d taken and answered", index)
                    .contains("flushed");
        }
    }

    @Test
    void handsTheServiceEachChunksSha256AndKeepsOffersAndChunksInTheirOrder() throws Exception {
        firstFlushMayEnd.countDown();
        List<Message> answers = new CopyOnWriteArrayList<>();
        desk.answer(new io.gridside.link.message.OfferFirmware(IMAGE.offered()), "tech-1", answers::add);
        for (int index = 0; index < 4; index++) {
            send(index);
        }
        desk.answer(new io.gridside.link.message.OfferFirmware(IMAGE.offered()), "tech-1", answers::add);

        assertThat(answered.await(5, TimeUnit.SECONDS)).isTrue();
        awaitAnswers(answers, 2);
        assertThat(events.stream().filter(event -> event.startsWith("take") || event.startsWith("offer")))
                .containsExactly("offer", "take 0", "take 1", "take 2", "take 3", "offer");
        for (int index = 0; index < 4; index++) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(IMAGE.chunk(index));
            assertThat(firmware.hashes.get(index)).isEqualTo(ByteString.of(digest.digest()));
        }
    }

    @Test
    void aFlashThatFailsAnswersEveryChunkOfItsGroupWithTheFault() throws Exception {
        firmware.offer(IMAGE.offered());
        firmware.failFlush = true;
        firstFlushMayEnd.countDown();
        List<Message> answers = new CopyOnWriteArrayList<>();

        desk.answer(chunk(0), "tech-1", answer -> {
            answers.add(answer);
            answered.countDown();
        });

        awaitAnswers(answers, 1);
        assertThat(answers.get(0)).isInstanceOfSatisfying(ErrorReply.class,
                error -> assertThat(error.code()).isEqualTo("GATEWAY_FAULT"));
    }

    private static void awaitAnswers(List<Message> answers, int count) throws InterruptedException {
        while (answers.size() < count) {
            Thread.sleep(5);
        }
    }

    private void send(int index) {
        desk.answer(chunk(index), "tech-1", answer -> {
            events.add("answer " + ((ChunkHeld) answer).index());
            answered.countDown();
        });
    }

    private static FirmwareChunk chunk(int index) {
        return new FirmwareChunk(IMAGE.sha256(), index, ByteString.of(IMAGE.chunk(index)));
    }

    private void awaitEvent(String event) throws InterruptedException {
        while (!events.contains(event)) {
            Thread.sleep(5);
        }
    }

    /** The fake gateway's firmware, logging each take and flush; the first flush lasts until the test ends it. */
    private final class RecordingFirmware implements FirmwareService {

        private final FakeFirmwareService delegate = new FakeFirmwareService();
        private volatile boolean failFlush;

        @Override
        public ChunkHeld take(FirmwareChunk chunk) throws FirmwareRefusedException {
            return delegate.take(chunk);
        }

        /** The SHA-256 of each chunk's data that the desk handed over, by index. */
        private final Map<Integer, ByteString> hashes = new ConcurrentHashMap<>();

        @Override
        public ChunkHeld takeBeforeFlush(FirmwareChunk chunk) throws FirmwareRefusedException {
            ChunkHeld held = delegate.take(chunk);
            events.add("take " + chunk.index());
            return held;
        }

        @Override
        public ChunkHeld takeBeforeFlush(FirmwareChunk chunk, ByteString dataSha256) throws FirmwareRefusedException {
            hashes.put(chunk.index(), dataSha256);
            return takeBeforeFlush(chunk);
        }

        @Override
        public void flushTaken() {
            events.add("flush started");
            try {
                firstFlushMayEnd.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failFlush) {
                throw new IllegalStateException("the flash did not answer");
            }
            events.add("flushed");
        }

        @Override
        public FirmwareState state() {
            return delegate.state();
        }

        @Override
        public FirmwareOffered offer(ByteString signedManifest) throws FirmwareRefusedException {
            events.add("offer");
            return delegate.offer(signedManifest);
        }

        @Override
        public FirmwareInstalled install(ByteString imageSha256, String by) throws FirmwareRefusedException {
            return delegate.install(imageSha256, by);
        }

        @Override
        public List<FleetMeter> fleet() {
            return delegate.fleet();
        }

        @Override
        public CampaignReply start(StartCampaign request, String by) throws FirmwareRefusedException {
            return delegate.start(request, by);
        }

        @Override
        public CampaignReply control(ControlCampaign request, String by) {
            return delegate.control(request, by);
        }

        @Override
        public CampaignReply campaign(String campaignId) {
            return delegate.campaign(campaignId);
        }
    }
}

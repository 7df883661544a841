package io.gridside.sim.cloud;

import static io.gridside.sim.cloud.CloudClient.NOW;
import static io.gridside.sim.cloud.CloudClient.SITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.site.LedgerEntry;
import io.gridside.site.sync.api.ApiError;
import io.gridside.site.sync.api.BatchStatus;
import io.gridside.site.sync.api.CommitAnswer;
import io.gridside.site.sync.api.HandshakeAnswer;
import io.gridside.site.sync.api.SyncErrors;
import io.gridside.site.sync.api.UpItems;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every fault of the simulated cloud does what it says, and none makes an item count twice. */
@Timeout(120)
class CloudFaultsTest {

    @TempDir
    Path dir;

    private CloudServer cloud;
    private CloudClient client;

    private void start(CloudFaults faults) {
        cloud = CloudServer.builder(dir).faults(faults).clock(Clock.fixed(NOW, ZoneOffset.UTC)).start();
        client = new CloudClient(cloud);
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    @Test
    void dropBeforeAnswersNothingAndAppliesNothing() throws IOException {
        start(CloudFaults.none().once(CloudFaults.Kind.DROP_BEFORE, "/commit"));
        CloudClient.Batch batch = events(1, 2);
        client.put(batch, 0, batch.bytes().length);

        assertThatThrownBy(() -> client.commit(batch)).isInstanceOf(IOException.class);
        assertThat(cloud.events(SITE)).isEmpty();
        assertThat(client.status(batch).as(BatchStatus.class).committed()).isFalse();
        assertThat(client.commit(batch).as(CommitAnswer.class).watermark()).isEqualTo(2);
        assertThat(cloud.faults().injected()).containsEntry(CloudFaults.Kind.DROP_BEFORE, 1);
    }

    @Test
    void dropAfterAppliesAndTheRepeatGetsTheKeptAnswer() throws IOException {
        start(CloudFaults.none().once(CloudFaults.Kind.DROP_AFTER, "/commit"));
        CloudClient.Batch batch = events(1, 2);
        client.put(batch, 0, batch.bytes().length);

        assertThatThrownBy(() -> client.commit(batch)).isInstanceOf(IOException.class);
        assertThat(cloud.watermark(SITE, "events")).isEqualTo(2);
        CloudClient.Reply repeat = client.commit(batch);

        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.as(CommitAnswer.class)).isEqualTo(new CommitAnswer("events", 2, List.of()));
        assertThat(cloud.events(SITE)).extracting(UpItems.Event::id).containsExactly(101L, 102L);
    }

    @Test
    void errorsCarryRetryAfterAndApplyNothing() throws IOException {
        start(CloudFaults.none().retryAfterSeconds(7).once(CloudFaults.Kind.ERROR_503, "/commit")
                .once(CloudFaults.Kind.ERROR_500, "/handshake"));
        CloudClient.Batch batch = events(1, 1);
        client.put(batch, 0, batch.bytes().length);

        CloudClient.Reply unavailable = client.commit(batch);
        CloudClient.Reply internal = client.handshake(0, null, Map.of());

        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.retryAfter()).contains("7");
        assertThat(unavailable.as(ApiError.class).error()).isEqualTo(SyncErrors.UNAVAILABLE);
        assertThat(internal.status()).isEqualTo(500);
        assertThat(internal.as(ApiError.class).error()).isEqualTo(SyncErrors.INTERNAL);
        assertThat(cloud.events(SITE)).isEmpty();
    }

    @Test
    void slowAnswerStillArrives() throws IOException {
        start(CloudFaults.none().slowMillis(20).once(CloudFaults.Kind.SLOW, "/handshake"));

        assertThat(client.handshake(0, null, Map.of()).status()).isEqualTo(200);
        assertThat(cloud.faults().injected()).containsEntry(CloudFaults.Kind.SLOW, 1);
    }

    @Test
    void duplicatedRequestsApplyOnce() throws IOException {
        start(CloudFaults.none().once(CloudFaults.Kind.DUPLICATE, "/batches/")
                .once(CloudFaults.Kind.DUPLICATE, "/commit"));
        CloudClient.Batch batch = events(1, 3);

        CommitAnswer answer = client.uploaded(batch);

        assertThat(answer.watermark()).isEqualTo(3);
        assertThat(cloud.events(SITE)).extracting(UpItems.Event::id).containsExactly(101L, 102L, 103L);
        assertThat(cloud.faults().injected()).containsEntry(CloudFaults.Kind.DUPLICATE, 2);
    }

    @Test
    void replayedAnswerIsTheLastOneOfThePathWhileTheRequestIsApplied() throws IOException {
        start(CloudFaults.none());
        client.uploaded(events(1, 2));
        HandshakeAnswer before = client.handshake();
        client.uploaded(events(3, 4));
        cloud.faults().once(CloudFaults.Kind.REPLAY, "/handshake");

        HandshakeAnswer replayed = client.handshake();
        HandshakeAnswer after = client.handshake();

        assertThat(replayed).isEqualTo(before);
        assertThat(replayed.watermarks()).containsEntry("events", 2L);
        assertThat(after.watermarks()).containsEntry("events", 4L);
    }

    @Test
    void scheduledRestoreLowersTheWatermarkUnderANewEpoch() throws IOException {
        start(CloudFaults.parse("backup-every=3,restore-at=5"));
        String epoch = cloud.epoch();
        client.uploaded(events(1, 2));
        client.uploaded(events(3, 4));

        HandshakeAnswer answer = client.handshake();

        assertThat(answer.epoch()).isNotEqualTo(epoch);
        assertThat(answer.watermarks()).containsEntry("events", 2L);
        assertThat(client.uploaded(events(3, 4)).watermark()).isEqualTo(4);
        assertThat(cloud.events(SITE)).hasSize(4);
    }

    @Test
    void scheduledCorruptionMakesTheLedgerDivergeFromItsDay() throws IOException {
        start(CloudFaults.parse("corrupt-ledger=2026-06-02@3"));
        List<LedgerEntry> entries = CloudClient.ledger(8, "ref-");
        client.uploaded(CloudClient.ledgerBatch(entries, 1, 8, null));

        HandshakeAnswer answer = client.handshake(8, CloudClient.hashOf(entries, 8), Map.of())
                .as(HandshakeAnswer.class);

        assertThat(answer.ledger().seq()).isEqualTo(8);
        assertThat(answer.ledger().hash()).isNotEqualTo(CloudClient.hashOf(entries, 8));
        assertThat(cloud.ledger(SITE).get(3).entry()).isEqualTo(entries.get(3));
        assertThat(cloud.ledger(SITE).get(4).entry()).isNotEqualTo(entries.get(4));
    }

    @Test
    void seededFaultsRepeatAndTheSpecNamesItsMistakes() {
        List<CloudFaults.Kind> first = draws(CloudFaults.parse("seed=9,drop-before=0.2,error503=0.2,duplicate=0.3"));
        List<CloudFaults.Kind> again = draws(CloudFaults.parse("seed=9,drop-before=0.2,error503=0.2,duplicate=0.3"));
        List<CloudFaults.Kind> other = draws(CloudFaults.parse("seed=10,drop-before=0.2,error503=0.2,duplicate=0.3"));

        assertThat(first).isEqualTo(again).isNotEqualTo(other).contains(CloudFaults.Kind.DROP_BEFORE);
        assertThatThrownBy(() -> CloudFaults.parse("drop-sideways=0.1")).hasMessageContaining("drop-sideways");
        assertThatThrownBy(() -> CloudFaults.parse("error500=lots")).hasMessageContaining("error500=lots");
        assertThatThrownBy(() -> CloudFaults.parse("slow=2")).hasMessageContaining("between 0 and 1");
        cloud = CloudServer.start(dir, CloudFaults.none());
    }

    @Test
    void retryingClientDeliversEveryItemOnceThroughRandomFaults() throws IOException {
        start(CloudFaults.parse("seed=5,drop-before=0.15,drop-after=0.15,error503=0.15,duplicate=0.15,"
                + "replay=0.1,retry-after=0"));
        for (int first = 1; first <= 20; first += 2) {
            CloudClient.Batch batch = events(first, first + 1);
            retried(() -> client.put(batch, 0, batch.bytes().length));
            retried(() -> client.commit(batch));
        }

        assertThat(cloud.watermark(SITE, "events")).isEqualTo(20);
        assertThat(cloud.events(SITE)).extracting(UpItems.Event::id).doesNotHaveDuplicates().hasSize(20);
        assertThat(cloud.faults().injected()).containsKeys(CloudFaults.Kind.DROP_BEFORE, CloudFaults.Kind.DROP_AFTER,
                CloudFaults.Kind.ERROR_503, CloudFaults.Kind.DUPLICATE);
    }

    private interface Call {
        CloudClient.Reply run() throws IOException;
    }

    private static void retried(Call call) {
        for (int attempt = 0; attempt < 40; attempt++) {
            try {
                CloudClient.Reply reply = call.run();
                if (reply.status() == 200) {
                    return;
                }
                assertThat(reply.status()).as(reply.text()).isGreaterThanOrEqualTo(500);
            } catch (IOException e) {
                // a dropped connection: send the same request again, as a console does
            }
        }
        throw new AssertionError("40 attempts did not get through");
    }

    private static List<CloudFaults.Kind> draws(CloudFaults faults) {
        List<CloudFaults.Kind> kinds = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            kinds.add(faults.next("/v1/sites/s/handshake").fault());
        }
        return kinds;
    }

    private static CloudClient.Batch events(int first, int last) {
        List<UpItems.Event> items = new ArrayList<>();
        for (int seq = first; seq <= last; seq++) {
            items.add(CloudUploadTest.event(seq, 100 + seq));
        }
        return CloudClient.batch("events", first, last, items);
    }
}

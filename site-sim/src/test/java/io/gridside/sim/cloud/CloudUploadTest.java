package io.gridside.sim.cloud;

import static io.gridside.sim.cloud.CloudClient.SITE;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.LedgerEntry;
import io.gridside.site.sync.api.ApiError;
import io.gridside.site.sync.api.BatchDocument;
import io.gridside.site.sync.api.BatchId;
import io.gridside.site.sync.api.BatchStatus;
import io.gridside.site.sync.api.CommitAnswer;
import io.gridside.site.sync.api.DownItems;
import io.gridside.site.sync.api.HandshakeAnswer;
import io.gridside.site.sync.api.LedgerDays;
import io.gridside.site.sync.api.SyncErrors;
import io.gridside.site.sync.api.SyncHeaders;
import io.gridside.site.sync.api.SyncJson;
import io.gridside.site.sync.api.UpItems;
import io.gridside.site.sync.api.UploadAnswer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Batches up: chunks kept by offset, commits applied once, watermarks, gaps and the ledger's chain. */
@Timeout(60)
class CloudUploadTest {

    @TempDir
    Path dir;

    private CloudServer cloud;
    private CloudClient client;

    @BeforeEach
    void start() {
        cloud = CloudServer.builder(dir).clock(Clock.fixed(CloudClient.NOW, ZoneOffset.UTC)).start();
        client = new CloudClient(cloud);
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    @Test
    void handshakeOfANewSiteAnswersZeroWatermarks() throws IOException {
        HandshakeAnswer answer = client.handshake();

        assertThat(answer.api()).isEqualTo(1);
        assertThat(answer.epoch()).isEqualTo(cloud.epoch());
        assertThat(answer.serverTime()).isEqualTo(CloudClient.NOW);
        assertThat(answer.watermarks()).containsOnlyKeys("payments", "ledger", "events", "readings", "customers")
                .allSatisfy((stream, watermark) -> assertThat(watermark).isZero());
        assertThat(answer.ledger()).isEqualTo(new HandshakeAnswer.LedgerAt(0, null));
    }

    @Test
    void committedLedgerRaisesTheWatermarkAndTheHandshakeAnswersItsHash() throws IOException {
        List<LedgerEntry> entries = CloudClient.ledger(10, "ref-");

        CommitAnswer first = client.uploaded(CloudClient.ledgerBatch(entries, 1, 6, null));
        CommitAnswer second = client.uploaded(CloudClient.ledgerBatch(entries, 7, 10, null));

        assertThat(first.watermark()).isEqualTo(6);
        assertThat(second).isEqualTo(new CommitAnswer("ledger", 10, List.of()));
        assertThat(cloud.ledger(SITE)).extracting(UpItems.Ledger::entry).isEqualTo(entries);
        HandshakeAnswer answer = client.handshake(8, CloudClient.hashOf(entries, 8), Map.of())
                .as(HandshakeAnswer.class);
        assertThat(answer.ledger()).isEqualTo(new HandshakeAnswer.LedgerAt(8, CloudClient.hashOf(entries, 8)));
        assertThat(answer.watermarks()).containsEntry("ledger", 10L);
    }

    @Test
    void repeatedCommitAnswersTheSameWithoutApplyingTwice() throws IOException {
        CloudClient.Batch batch = CloudClient.batch("events", 1, 2, List.of(event(1, 101), event(2, 102)));

        CloudClient.Reply once = client.upload(batch);
        CloudClient.Reply again = client.commit(batch);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(once.body());
        assertThat(cloud.events(SITE)).extracting(UpItems.Event::id).containsExactly(101L, 102L);
    }

    @Test
    void uploadResumesFromWhatTheCloudHolds() throws IOException {
        List<LedgerEntry> entries = CloudClient.ledger(200, "a longer reference to make more bytes ");
        CloudClient.Batch batch = CloudClient.ledgerBatch(entries, 1, 200, null);
        int size = batch.bytes().length;
        int half = size / 2;

        assertThat(client.put(batch, 0, half).as(UploadAnswer.class).received()).isEqualTo(half);
        BatchStatus status = client.status(batch).as(BatchStatus.class);
        CloudClient.Reply beyond = client.put(batch, half + 10, 5);
        CloudClient.Reply early = client.commit(batch);
        CloudClient.Reply overlap = client.put(batch, half - 100, size - half + 100);
        CommitAnswer committed = client.commit(batch).as(CommitAnswer.class);

        assertThat(status).isEqualTo(new BatchStatus(half, size, false));
        assertThat(beyond.status()).isEqualTo(409);
        assertThat(beyond.as(ApiError.class)).isEqualTo(new ApiError(SyncErrors.OFFSET_BEYOND,
                beyond.as(ApiError.class).message(), null, (long) half));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.as(ApiError.class).error()).isEqualTo(SyncErrors.BATCH_INCOMPLETE);
        assertThat(overlap.as(UploadAnswer.class).received()).isEqualTo(size);
        assertThat(committed.watermark()).isEqualTo(200);
        assertThat(client.status(batch).as(BatchStatus.class)).isEqualTo(new BatchStatus(size, size, true));
    }

    @Test
    void thePutThatCompletesABatchCommitsItWhenAsked() throws IOException {
        List<LedgerEntry> entries = CloudClient.ledger(10, "ref-");
        CloudClient.Batch batch = CloudClient.ledgerBatch(entries, 1, 10, null);
        int half = batch.bytes().length / 2;

        UploadAnswer first = client.put(batch, 0, half, true).as(UploadAnswer.class);
        UploadAnswer last = client.put(batch, half, batch.bytes().length - half, true).as(UploadAnswer.class);
        CloudClient.Reply later = client.commit(batch);

        assertThat(first.commit()).as("a chunk that does not complete the batch commits nothing").isNull();
        assertThat(last.commit()).isNotNull();
        assertThat(last.commit().watermark()).isEqualTo(10);
        assertThat(later.as(CommitAnswer.class)).as("a later commit answers as the inline one did")
                .isEqualTo(last.commit());
        assertThat(client.status(batch).as(BatchStatus.class).committed()).isTrue();
    }

    @Test
    void aCommitThatCannotGoThroughInlineKeepsTheBytesAndAnswersNoCommit() throws IOException {
        List<LedgerEntry> entries = CloudClient.ledger(10, "ref-");
        client.uploaded(CloudClient.ledgerBatch(entries, 1, 4, null));
        CloudClient.Batch gap = CloudClient.ledgerBatch(entries, 6, 10, null);

        UploadAnswer put = client.put(gap, 0, gap.bytes().length, true).as(UploadAnswer.class);
        CloudClient.Reply commit = client.commit(gap);

        assertThat(put.received()).isEqualTo(gap.bytes().length);
        assertThat(put.commit()).isNull();
        assertThat(client.status(gap).as(BatchStatus.class)).isEqualTo(
                new BatchStatus(gap.bytes().length, gap.bytes().length, false));
        assertThat(commit.status()).isEqualTo(409);
        assertThat(commit.as(ApiError.class).error()).isEqualTo(SyncErrors.GAP);
    }

    @Test
    void batchAfterTheWatermarkIsAGap() throws IOException {
        List<LedgerEntry> entries = CloudClient.ledger(10, "ref-");
        client.uploaded(CloudClient.ledgerBatch(entries, 1, 4, null));

        CloudClient.Reply gap = client.upload(CloudClient.ledgerBatch(entries, 6, 10, null));

        assertThat(gap.status()).isEqualTo(409);
        assertThat(gap.as(ApiError.class).error()).isEqualTo(SyncErrors.GAP);
        assertThat(gap.as(ApiError.class).watermark()).isEqualTo(4);
        assertThat(client.uploaded(CloudClient.ledgerBatch(entries, 5, 10, null)).watermark()).isEqualTo(10);
    }

    @Test
    void ledgerBatchWhoseChainDoesNotHoldIsRefusedWhole() throws IOException {
        List<LedgerEntry> entries = CloudClient.ledger(6, "ref-");
        List<LedgerEntry> tampered = new ArrayList<>(entries);
        LedgerEntry third = entries.get(2);
        tampered.set(2, new LedgerEntry(3, third.at(), third.customerId(), third.kind(), third.amountMinor() - 1,
                third.balanceAfterMinor(), third.reference()));
        CloudClient.Batch good = CloudClient.ledgerBatch(entries, 1, 6, null);
        CloudClient.Batch bad = rehashedExcept(tampered, good);

        CloudClient.Reply refused = client.upload(bad);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.as(ApiError.class).error()).isEqualTo(SyncErrors.CHAIN_BROKEN);
        assertThat(cloud.ledger(SITE)).isEmpty();
        assertThat(cloud.watermark(SITE, "ledger")).isZero();
    }

    /** The tampered entries under the good batch's hashes: an entry altered after it was chained. */
    private static CloudClient.Batch rehashedExcept(List<LedgerEntry> tampered, CloudClient.Batch good) {
        BatchDocument document = SyncJson.read(
                SyncJson.gunzip(good.bytes()),
                BatchDocument.class);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < tampered.size(); i++) {
            String hash = String.valueOf(document.items().get(i).get("hash"));
            items.add(SyncJson.item(UpItems.Ledger.of(tampered.get(i), hash)));
        }
        return CloudClient.batch(new BatchDocument("ledger", 1, tampered.size(), null,
                document.lastHash(), null, items));
    }

    @Test
    void divergedLedgerIsFoundByDayAndReplacedFromThere() throws IOException {
        List<LedgerEntry> entries = CloudClient.ledger(12, "ref-");
        client.uploaded(CloudClient.ledgerBatch(entries, 1, 12, null));
        LocalDate second = LocalDate.of(2026, 6, 2);

        int altered = cloud.corruptLedgerFrom(second);
        HandshakeAnswer answer = client.handshake(12, CloudClient.hashOf(entries, 12), Map.of())
                .as(HandshakeAnswer.class);
        LedgerDays days = client.get("/ledger/days").as(LedgerDays.class);
        CloudClient.Reply plain = client.upload(CloudClient.ledgerBatch(entries, 5, 12, null));
        CloudClient.Reply tooLate = client.upload(CloudClient.ledgerBatch(entries, 6, 12, 5L));
        CommitAnswer replaced = client.uploaded(CloudClient.ledgerBatch(entries, 5, 12, 5L));

        assertThat(altered).isEqualTo(8);
        assertThat(answer.ledger().hash()).isNotEqualTo(CloudClient.hashOf(entries, 12));
        assertThat(days.days()).hasSize(3);
        assertThat(days.days().get(0)).isEqualTo(new LedgerDays.Day(LocalDate.of(2026, 6, 1), 1, 4,
                CloudClient.hashOf(entries, 4)));
        assertThat(days.days().get(1).firstSeq()).isEqualTo(5);
        assertThat(days.days().get(1).hash()).isNotEqualTo(CloudClient.hashOf(entries, 8));
        assertThat(plain.as(ApiError.class).error()).isEqualTo(SyncErrors.CHAIN_BROKEN);
        assertThat(tooLate.status()).isEqualTo(409);
        assertThat(tooLate.as(ApiError.class).error()).isEqualTo(SyncErrors.REPLACE_REFUSED);
        assertThat(replaced.watermark()).isEqualTo(12);
        assertThat(cloud.ledger(SITE)).extracting(UpItems.Ledger::entry).isEqualTo(entries);
    }

    @Test
    void replacementShorterThanTheCloudsLedgerLowersTheWatermark() throws IOException {
        List<LedgerEntry> entries = CloudClient.ledger(12, "ref-");
        client.uploaded(CloudClient.ledgerBatch(entries, 1, 12, null));
        List<LedgerEntry> console = CloudClient.ledger(8, "other-");
        List<LedgerEntry> mixed = new ArrayList<>(entries.subList(0, 4));
        mixed.addAll(console.subList(4, 8));

        CommitAnswer replaced = client.uploaded(CloudClient.ledgerBatch(mixed, 5, 8, 5L));

        assertThat(replaced.watermark()).isEqualTo(8);
        assertThat(cloud.ledger(SITE)).extracting(UpItems.Ledger::entry).isEqualTo(mixed);
    }

    @Test
    void readingsKeepTheBlockWithMostReadingsPerMeterAndDay() throws IOException {
        LocalDate day = LocalDate.of(2026, 6, 1);
        List<UpItems.Block> blocks = List.of(block(1, "m-1", day, 40), block(2, "m-2", day, 96),
                block(3, "m-1", day, 96), block(4, "m-1", day, 50));

        CommitAnswer answer = client.uploaded(CloudClient.batch("readings", 1, 4, blocks));

        assertThat(answer.watermark()).isEqualTo(4);
        assertThat(cloud.readings(SITE)).extracting(UpItems.Block::seq).containsExactly(3L, 2L);
        assertThat(cloud.items(SITE, "readings")).hasSize(4);
    }

    @Test
    void itemTheCloudCannotTakeIsRejectedWithoutHoldingTheStreamBack() throws IOException {
        List<Object> items = List.of(new UpItems.TopUp(1, "topup", 7, "C-1", 500, "MP-1", CloudClient.NOW),
                Map.of("seq", 2, "kind", "barter"),
                new UpItems.Payment(3, "payment", "MP-9", "C-2", 900, "KES", CloudClient.NOW, "import", "queued"));

        CommitAnswer answer = client.uploaded(CloudClient.batch("payments", 1, 3, items));

        assertThat(answer.watermark()).isEqualTo(3);
        assertThat(answer.rejected()).singleElement().satisfies(rejected -> {
            assertThat(rejected.seq()).isEqualTo(2);
            assertThat(rejected.error()).isEqualTo(SyncErrors.ITEM_INVALID);
        });
        assertThat(cloud.payments(SITE)).extracting(item -> item.get("kind")).containsExactly("payment", "topup");
    }

    @Test
    void customerFieldKeepsTheLaterEditAndTheCloudWinsATie() throws IOException {
        cloud.publishCustomerField(SITE, new DownItems.CustomerField("C-1", "phone",
                "+1 cloud", "1780000000000-00001-cloud"));
        List<UpItems.CustomerField> edits = List.of(
                new UpItems.CustomerField(1, "C-1", "phone", "+1 tie", "1780000000000-00001-laptop"),
                new UpItems.CustomerField(2, "C-1", "name", "Amina", "1780000000000-00000-laptop"),
                new UpItems.CustomerField(3, "C-2", "address", "Plot 9", "1780000000001-00000-laptop"));

        client.uploaded(CloudClient.batch("customers", 1, 3, edits));
        client.uploaded(CloudClient.batch("customers", 4, 4, List.of(
                new UpItems.CustomerField(4, "C-1", "phone", "+1 later", "1780000000002-00000-laptop"))));

        assertThat(cloud.customerFields(SITE)).containsExactly(Map.entry("C-1/name", "Amina"),
                Map.entry("C-1/phone", "+1 later"), Map.entry("C-2/address", "Plot 9"));
    }

    @Test
    void sameKeyForAnotherRequestIsRefused() throws IOException {
        CloudClient.Batch batch = CloudClient.batch("events", 1, 1, List.of(event(1, 101)));
        client.upload(batch);

        CloudClient.Reply reused = client.send("POST", "/handshake", "{\"schema\":19}".getBytes(StandardCharsets.UTF_8),
                Map.of(SyncHeaders.IDEMPOTENCY_KEY, batch.id().toString()));

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.as(ApiError.class).error()).isEqualTo(SyncErrors.KEY_REUSED);
    }

    @Test
    void corruptBytesAreRefusedAndForgotten() throws IOException {
        CloudClient.Batch batch = CloudClient.batch("events", 1, 1, List.of(event(1, 101)));
        byte[] wrong = batch.bytes().clone();
        wrong[wrong.length / 2] ^= 0x55;
        CloudClient.Batch damaged = new CloudClient.Batch(batch.id(), wrong);
        client.send("PUT", "/batches/" + batch.id() + "?offset=0", wrong, Map.of(
                SyncHeaders.IDEMPOTENCY_KEY, "k1", SyncHeaders.BATCH_SIZE, String.valueOf(wrong.length),
                SyncHeaders.BATCH_SHA256, BatchId.sha256Hex(batch.bytes())));

        CloudClient.Reply refused = client.commit(damaged);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.as(ApiError.class).error()).isEqualTo(SyncErrors.BATCH_CORRUPT);
        assertThat(client.status(batch).as(BatchStatus.class).received()).isZero();
        assertThat(client.uploaded(batch).watermark()).isEqualTo(1);
    }

    @Test
    void unknownPathIsNotFound() throws IOException {
        CloudClient.Reply reply = client.get("/nothing");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.as(ApiError.class).error()).isEqualTo(SyncErrors.NOT_FOUND);
    }

    static UpItems.Event event(long seq, long id) {
        return new UpItems.Event(seq, id, CloudClient.NOW, "GW-1", "TAMPER", Map.of("meter", "m-1"));
    }

    private static UpItems.Block block(long seq, String meter, LocalDate day, int readings) {
        return new UpItems.Block(seq, "block", meter, day, readings, "AAEC");
    }
}

package io.gridside.site.sync.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The wire shapes read back what they wrote, and the batch id and cursor rules. */
class SyncJsonTest {

    private static final Instant AT = Instant.parse("2026-06-01T06:15:00Z");

    @Test
    void writesInstantsAsIsoTextAndReadsThemBack() {
        HandshakeAnswer answer = new HandshakeAnswer(1, "e1", AT, Map.of("ledger", 40L),
                new HandshakeAnswer.LedgerAt(40, null), Map.of("tariffs", true));

        byte[] json = SyncJson.write(answer);

        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"serverTime\":\"2026-06-01T06:15:00Z\"")
                .contains("\"hash\":null");
        assertThat(SyncJson.read(json, HandshakeAnswer.class)).isEqualTo(answer);
    }

    @Test
    void ledgerItemCarriesItsEntryThroughABatch() {
        LedgerEntry entry = new LedgerEntry(7, AT, "C-1", EntryKind.TOP_UP, 2_000, 2_000, "MP-1");
        BatchDocument batch = new BatchDocument("ledger", 7, 7, "00", "ab", null,
                List.of(SyncJson.item(UpItems.Ledger.of(entry, "ab"))));

        BatchDocument back = SyncJson.read(SyncJson.gunzip(SyncJson.gzip(SyncJson.write(batch))), BatchDocument.class);

        assertThat(SyncJson.item(back.items().get(0), UpItems.Ledger.class).entry()).isEqualTo(entry);
        assertThat(back.replaceFrom()).isNull();
    }

    @Test
    void aBatchDecompressesFromXzAsFormatThreeSendsItAndFromGzipAsEarlierFormatsDid() {
        byte[] json = SyncJson.write(new BatchDocument("events", 1, 1, null, null, null, List.of(Map.of("seq", 1))));

        byte[] xz = Xz.compress(json);

        assertThat(Xz.isXz(xz)).isTrue();
        assertThat(Xz.isXz(SyncJson.gzip(json))).isFalse();
        assertThat(SyncJson.decompress(xz)).isEqualTo(json);
        assertThat(SyncJson.decompress(SyncJson.gzip(json))).isEqualTo(json);
        assertThatThrownBy(() -> SyncJson.decompress(Arrays.copyOf(xz, xz.length - 3)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SyncJson.decompress(json)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blockItemKeepsItsDay() {
        UpItems.Block block = new UpItems.Block(3, UpItems.BLOCK, "m-0001", LocalDate.of(2026, 6, 1), 96, "AAEC");

        assertThat(SyncJson.item(SyncJson.item(block), UpItems.Block.class)).isEqualTo(block);
        assertThat(SyncJson.item(block)).containsEntry("day", "2026-06-01");
    }

    @Test
    void handshakeWithoutACursorOfAStreamReadsAsNotTold() {
        String json = "{\"schema\":19,\"checkpoints\":{\"ledger\":4,\"events\":null},"
                + "\"ledger\":{\"lastSeq\":4,\"hash\":null},\"down\":{\"tariffs\":null,\"topups\":\"e1:3\"}}";

        HandshakeRequest request = SyncJson.read(json.getBytes(StandardCharsets.UTF_8), HandshakeRequest.class);

        assertThat(request.checkpoints()).containsExactly(Map.entry("ledger", 4L));
        assertThat(request.down()).containsExactly(Map.entry("topups", "e1:3"));
        assertThat(request.ledger()).isEqualTo(new HandshakeRequest.Tip(4, null));
    }

    @Test
    void errorLeavesOutAbsentFields() {
        String json = new String(SyncJson.write(ApiError.of(SyncErrors.GAP, "Resend.")), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"error\":\"gap\",\"message\":\"Resend.\"}");
    }

    @Test
    void batchIdNamesStreamRangeAndBytes() {
        byte[] bytes = SyncJson.gzip("{}".getBytes(StandardCharsets.UTF_8));
        BatchId id = BatchId.of("ledger", 101, 200, bytes);

        assertThat(id.toString()).matches("ledger-101-200-[0-9a-f]{16}");
        assertThat(BatchId.parse(id.toString())).isEqualTo(id);
        assertThat(id.names(bytes)).isTrue();
        assertThat(id.names(new byte[] {1})).isFalse();
        assertThatThrownBy(() -> BatchId.parse("ledger-200-101-0123456789abcdef"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cursorIsEpochColonPosition() {
        assertThat(DownCursor.parse("a1b2:17")).isEqualTo(new DownCursor("a1b2", 17));
        assertThat(new DownCursor("a1b2", 17)).hasToString("a1b2:17");
        assertThatThrownBy(() -> DownCursor.parse("17")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void retriesOnlyTransientStatuses() {
        assertThat(SyncErrors.retryable(503)).isTrue();
        assertThat(SyncErrors.retryable(429)).isTrue();
        assertThat(SyncErrors.retryable(409)).isFalse();
        assertThat(SyncErrors.retryable(403)).isFalse();
    }
}

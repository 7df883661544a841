package io.gridside.link.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.gridside.link.frame.Frame;
import io.gridside.link.testing.ReplacementSamples;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The replica's history a restore carries to a gateway listing {@code restore-ledger} (section 6.41). */
class RestoreLedgerPartTest {

    private static final CBORMapper PLAIN = new CBORMapper();
    private static final Instant START = Instant.parse("2026-05-01T00:00:00Z");

    @Test
    void cutsTheLedgerThenTheReadingsIntoPartsOfOneKindEach() {
        List<RestoreLedgerPart> parts = RestoreLedgerPart.partsOf("site-kisima:130", entries(130), readings(250));

        assertThat(parts).extracting(RestoreLedgerPart::index).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(parts).extracting(p -> p.entries().size()).containsExactly(60, 60, 10, 0, 0, 0, 0);
        assertThat(parts).extracting(p -> p.readings().size()).containsExactly(0, 0, 0, 64, 64, 64, 58);
    }

    @Test
    void aFullPartOfLongReferencesOrOfReadingsFitsOneFrame() {
        List<RestoreLedgerPart> parts = RestoreLedgerPart.partsOf("site-kisima:60", entries(60), readings(64));

        assertThat(parts).hasSize(2).allSatisfy(part -> {
            byte[] encoded = MessageCodec.encode(part);
            assertThat(encoded.length).isLessThan(Frame.MAX_PAYLOAD);
            assertThat(MessageCodec.decode(0xAC, encoded)).isEqualTo(part);
        });
    }

    @Test
    void carriesItsPartCountAndAnswersMissingPartsOnlyWhenAsked() throws IOException {
        BeginRestore withLedger = ReplacementSamples.begin().withLedgerParts(3);
        RestoreState state = new RestoreState("r", List.of(0), false, 41, ReplacementSamples.begin().tipHash(), null,
                List.of(1, 2));

        assertThat(MessageCodec.decode(0xA0, MessageCodec.encode(withLedger))).isEqualTo(withLedger);
        assertThat(MessageCodec.decode(0xA2, MessageCodec.encode(state))).isEqualTo(state);
        assertThat(((RestoreState) MessageCodec.decode(0xA2, MessageCodec.encode(state))).ledgerPartsMissing())
                .containsExactly(1, 2);
        assertThat(fieldsOf(MessageCodec.encode(withLedger))).endsWith("ledgerParts");
    }

    @Test
    void writesARestoreWithoutLedgerPartsExactlyAsSchemaThreeDid() throws IOException {
        assertThat(fieldsOf(MessageCodec.encode(ReplacementSamples.begin())))
                .containsExactly("restoreId", "site", "tariff", "tip", "tipHash", "chunkCount");
        RestoreState plain = new RestoreState("r", List.of(), true, 41, ReplacementSamples.begin().tipHash());
        assertThat(fieldsOf(MessageCodec.encode(plain)))
                .containsExactly("restoreId", "missingChunks", "applied", "tipSeq", "tipHash");
    }

    private static List<String> fieldsOf(byte[] payload) throws IOException {
        Map<?, ?> fields = PLAIN.readValue(payload, Map.class);
        return fields.keySet().stream().map(String::valueOf).toList();
    }

    /** Entries with references of 64 characters, longer than any the gateways post. */
    private static List<LedgerEntry> entries(int count) {
        List<LedgerEntry> entries = new ArrayList<>();
        for (int seq = 1; seq <= count; seq++) {
            entries.add(new LedgerEntry(seq, START.plusSeconds(900L * seq), "customer-" + (seq % 1000),
                    EntryKind.STANDING_CHARGE, -1_234_567, -9_876_543_210L, "gap:" + "M".repeat(40) + ":"
                    + String.format("%019d", seq)));
        }
        return entries;
    }

    private static List<Reading> readings(int count) {
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            readings.add(new Reading("meter-" + "0".repeat(24) + i, START.plusSeconds(900L * i), 99, 9_999_999_999L,
                    new Reading.Quality(2_150, 2_300, 2_450, 400_000)));
        }
        return readings;
    }
}

package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.frame.Frame;
import io.gridside.link.message.BeginRestore;
import io.gridside.link.message.BillingConfigBatch;
import io.gridside.link.message.MeshDayBatch;
import io.gridside.link.message.MessageCodec;
import io.gridside.link.message.RestoreConfigPart;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.SiteInfo;
import io.gridside.site.Tariff;
import io.gridside.site.cash.CashBookLine;
import io.gridside.site.cbor.ByteString;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The first request of a restore, as the console builds it from its replica (protocol sections 6.32 and 6.35). */
class ReplicaRestoreTest {

    private static final Instant AT = Instant.parse("2026-06-03T09:07:00Z");

    @Test
    void carriesTheConfigurationAndEachReceiptBooksLastNumberAndCash() {
        byte[] document = "a billing configuration".repeat(50).getBytes(StandardCharsets.UTF_8);
        List<BeginRestore.ReceiptBook> books = ReplicaRestore.receiptBooks(List.of(
                receipt("AA11BB-0001", 1_500), receipt("CC22DD-0001", 700), receipt("AA11BB-0002", 2_500),
                new CashBookLine(CashBookLine.Kind.VOID, "AA11BB-0002", "T-1", "R-AA11BB-0002", "C-1", 2_500, "KES",
                        AT, "S-9", "paid twice")));

        BeginRestore begin = replica(document, books).begin(1);

        assertThat(begin.billingConfigDocument()).isEqualTo(document);
        assertThat(begin.receiptBooks()).containsExactly(new BeginRestore.ReceiptBook("AA11BB", 2, 4_000),
                new BeginRestore.ReceiptBook("CC22DD", 1, 700));
    }

    @Test
    void carriesAConfigurationTooLargeForTheBeginInPartsOfOneFrameEachNamedByItsDigest() {
        byte[] noise = new byte[3 * Frame.MAX_PAYLOAD];
        new Random(7).nextBytes(noise);
        ReplicaRestore replica = replica(noise, List.of());

        BeginRestore begin = replica.begin(1);
        List<RestoreConfigPart> parts = replica.configParts(begin);

        assertThat(begin.billingConfig()).isNull();
        assertThat(begin.configParts()).isEqualTo(parts.size()).isGreaterThan(1);
        assertThat(begin.configDigest()).isEqualTo(BillingConfigBatch.digestOf(noise));
        assertThat(MessageCodec.encode(begin).length).isLessThan(Frame.MAX_PAYLOAD);
        assertThat(parts).allSatisfy(part -> assertThat(MessageCodec.encode(part).length)
                .isLessThanOrEqualTo(Frame.MAX_PAYLOAD));
        assertThat(parts).extracting(RestoreConfigPart::index).containsExactly(
                IntStream.range(0, parts.size()).boxed().toArray(Integer[]::new));
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        parts.forEach(part -> part.pieces().forEach(piece -> packed.writeBytes(piece.toByteArray())));
        assertThat(MeshDayBatch.documentOf(packed.toByteArray())).isEqualTo(noise);
    }

    @Test
    void aConfigurationThatFitsTravelsInTheBeginAsSchemaTwoWroteIt() {
        byte[] document = "a billing configuration".repeat(50).getBytes(StandardCharsets.UTF_8);
        ReplicaRestore replica = replica(document, List.of());

        BeginRestore begin = replica.begin(1);

        assertThat(begin.configInParts()).isFalse();
        assertThat(replica.configParts(begin)).isEmpty();
        assertThat(MessageCodec.encode(begin)).isEqualTo(MessageCodec.encode(new BeginRestore(begin.restoreId(),
                begin.site(), begin.tariff(), begin.tip(), begin.tipHash(), 1, MeshDayBatch.chunksOf(document),
                null)));
        assertThat(new String(MessageCodec.encode(begin), StandardCharsets.ISO_8859_1))
                .doesNotContain("configParts", "configDigest");
    }

    private static ReplicaRestore replica(byte[] document, List<BeginRestore.ReceiptBook> books) {
        LedgerEntry tip = new LedgerEntry(41, AT, "C-1", EntryKind.ENERGY, -30, 12_500, "day:2026-06-02");
        return new ReplicaRestore("site-kisima:41", new SiteInfo("site-kisima", "Kisima", "KES",
                ZoneId.of("Africa/Nairobi")), new Tariff("flat", "KES", 2_500, 1_000, 5_000), tip,
                ByteString.of(new byte[32]), List.of(), document, books);
    }

    private static CashBookLine receipt(String number, long amountMinor) {
        return new CashBookLine(CashBookLine.Kind.RECEIPT, number, "T-1", "R-" + number, "C-1", amountMinor, "KES",
                AT, null, null);
    }
}

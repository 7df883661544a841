package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.frame.Frame;
import io.gridside.link.message.BeginRestore;
import io.gridside.link.message.MessageCodec;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.SiteInfo;
import io.gridside.site.Tariff;
import io.gridside.site.cash.CashBookLine;
import io.gridside.site.cbor.ByteString;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
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
    void refusesAConfigurationThatDoesNotFitTheRestoresFrameBeforeSendingAnything() {
        byte[] noise = new byte[3 * Frame.MAX_PAYLOAD];
        new Random(7).nextBytes(noise);

        assertThatThrownBy(() -> replica(noise, List.of()).begin(1))
                .isInstanceOf(ReplacementRefusedException.class)
                .satisfies(e -> assertThat(((ReplacementRefusedException) e).code())
                        .isEqualTo("REPLACE_CONFIG_TOO_LARGE"));
        assertThat(MessageCodec.encode(replica(null, List.of()).begin(1)).length).isLessThan(Frame.MAX_PAYLOAD);
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

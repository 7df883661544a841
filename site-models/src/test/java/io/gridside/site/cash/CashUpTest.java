package io.gridside.site.cash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A technician's cash-up of a site day in Nairobi (UTC+3), from a cash book's lines. */
class CashUpTest {

    private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");
    private static final LocalDate DAY = LocalDate.parse("2026-06-03");

    @Test
    void handsOverTheDaysReceiptsLessTheVoidsMadeThatDay() {
        List<CashBookLine> book = List.of(
                // 2 June 23:50 in Nairobi: the day before.
                receipt("AB-0001", "T-1", 10_000, "2026-06-02T20:50:00Z"),
                // 3 June 00:10 in Nairobi, though still 2 June in UTC.
                receipt("AB-0002", "T-1", 25_000, "2026-06-02T21:10:00Z"),
                receipt("AB-0003", "T-1", 7_550, "2026-06-03T09:00:00Z"),
                receipt("CD-0001", "T-2", 99_000, "2026-06-03T09:00:00Z"),
                // The void of the day before's receipt counts today, when it was made.
                voided("AB-0001", "T-1", 10_000, "2026-06-03T10:00:00Z"),
                // 4 June 00:30 in Nairobi: the next day's.
                voided("AB-0003", "T-1", 7_550, "2026-06-03T21:30:00Z"));

        CashUp cashUp = CashUp.of(book, "T-1", DAY, NAIROBI, "KES");

        // Receipts 25,000 + 7,550 = 32,550; the void 10,000; hand over 22,550.
        assertThat(cashUp.receiptsMinor()).isEqualTo(32_550);
        assertThat(cashUp.voidsMinor()).isEqualTo(10_000);
        assertThat(cashUp.handOverMinor()).isEqualTo(22_550);
        assertThat(cashUp.lines()).extracting(CashBookLine::receipt)
                .containsExactly("AB-0002", "AB-0003", "AB-0001");
    }

    @Test
    void refusesALineThatIsNotPositiveOrAVoidWithoutWhoAndWhy() {
        assertThatThrownBy(() -> receipt("AB-0001", "T-1", 0, "2026-06-03T09:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CashBookLine(CashBookLine.Kind.VOID, "AB-0001", "T-1", "R-1", "c-1", 100,
                "KES", Instant.parse("2026-06-03T09:00:00Z"), null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static CashBookLine receipt(String receipt, String technician, long amountMinor, String at) {
        return new CashBookLine(CashBookLine.Kind.RECEIPT, receipt, technician, "R-" + receipt, "c-1", amountMinor,
                "KES", Instant.parse(at), null, null);
    }

    private static CashBookLine voided(String receipt, String technician, long amountMinor, String at) {
        return new CashBookLine(CashBookLine.Kind.VOID, receipt, technician, "R-" + receipt, "c-1", amountMinor,
                "KES", Instant.parse(at), "S-9", "handed back");
    }
}

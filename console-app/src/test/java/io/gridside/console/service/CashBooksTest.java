package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.cash.CashBookLine;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CashBooksTest {

    private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");

    @Test
    void makesAFreshReferenceFromTheSiteTimeThatTheGatewayTakes() {
        String reference = CashBooks.newReference(Instant.parse("2026-06-03T09:07:05Z"), NAIROBI);

        assertThat(reference).matches("CASH-20260603-120705-[0-9A-F]{4}")
                .matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    }

    @Test
    void aDaysBookGivesEachTechniciansCashUpAndNamesThem() {
        Instant morning = Instant.parse("2026-06-03T06:00:00Z");
        CashBooks.Day day = new CashBooks.Day(LocalDate.of(2026, 6, 3), NAIROBI, "KES", List.of(
                new CashBookLine(CashBookLine.Kind.RECEIPT, "AA11-0001", "T-2", "R1", "C1", 5_000, "KES", morning,
                        null, null),
                new CashBookLine(CashBookLine.Kind.RECEIPT, "BB22-0001", "T-1", "R2", "C2", 7_000, "KES", morning,
                        null, null),
                new CashBookLine(CashBookLine.Kind.VOID, "AA11-0001", "T-2", "R1", "C1", 5_000, "KES",
                        morning.plusSeconds(60), "S-1", "paid twice")));

        assertThat(day.technicians()).containsExactly("T-1", "T-2");
        assertThat(day.cashUp("T-2").handOverMinor()).isZero();
        assertThat(day.cashUp("T-1").handOverMinor()).isEqualTo(7_000);
        assertThat(day.cashUp("T-3").lines()).isEmpty();
    }

    @Test
    void theDayOfAReplacementCountsTheDeadGatewaysReceiptsTheReplicaHoldsOnceAndMarksThem() {
        Instant morning = Instant.parse("2026-06-03T06:00:00Z");
        CashBookLine dead = receipt("AA11-0003", "R3", 2_000, morning);
        CashBookLine slip = receipt("AA11-0004", "R4", 1_500, morning.plusSeconds(3_600));
        CashBookLine own = receipt("AA11-0005", "R5", 900, morning.plusSeconds(7_200));
        CashBookLine yesterday = receipt("AA11-0002", "R2", 4_000, morning.minusSeconds(86_400));
        CashBooks.Day gateway = new CashBooks.Day(LocalDate.of(2026, 6, 3), NAIROBI, "KES", List.of(slip, own));

        CashBooks.Day day = gateway.withReplica(List.of(yesterday, dead, slip));

        assertThat(day.cashUp("T-2").lines()).containsExactly(dead, slip, own);
        assertThat(day.cashUp("T-2").handOverMinor()).isEqualTo(2_000 + 1_500 + 900);
        assertThat(day.fromReplica(dead)).isTrue();
        assertThat(day.fromReplica(slip)).isFalse();
        assertThat(day.fromReplica(own)).isFalse();
        assertThat(gateway.withReplica(List.of(slip)).replicaLines()).isEmpty();
    }

    private static CashBookLine receipt(String number, String reference, long amount, Instant at) {
        return new CashBookLine(CashBookLine.Kind.RECEIPT, number, "T-2", reference, "C1", amount, "KES", at, null,
                null);
    }
}

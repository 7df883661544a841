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
}

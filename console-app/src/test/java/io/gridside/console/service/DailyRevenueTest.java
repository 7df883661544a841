package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each customer's average daily charge over the last full site days of the ledger, as a statement counts charges. */
class DailyRevenueTest {

    private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");

    private final List<LedgerEntry> ledger = new ArrayList<>();

    private void post(String localTime, String customer, EntryKind kind, long amountMinor) {
        Instant at = LocalDateTime.parse(localTime).atZone(NAIROBI).toInstant();
        ledger.add(new LedgerEntry(ledger.size() + 1, at, customer, kind, amountMinor, 0, "r" + ledger.size()));
    }

    @Test
    void averagesTheChargesOfTheLastSevenFullDaysLeavingOutTopUpsAdjustmentsAndTheOpenDay() {
        post("2026-05-01T09:00", "C-1", EntryKind.OPENING, 10_000);
        for (int day = 1; day <= 12; day++) {
            String date = LocalDate.of(2026, 5, 1).plusDays(day).toString();
            post(date + "T00:00", "C-1", EntryKind.STANDING_CHARGE, -100);
            post(date + "T19:15", "C-1", EntryKind.ENERGY, -day * 10L);
            post(date + "T19:15", "C-1", EntryKind.TAX, -5);
            post(date + "T20:00", "C-1", EntryKind.TOP_UP, 5_000);
        }
        post("2026-05-13T08:00", "C-1", EntryKind.ADJUSTMENT, 300);

        Optional<DailyRevenue> revenue = DailyRevenue.of(ledger, NAIROBI, Instant.parse("2026-06-01T00:00:00Z"));

        // The 13th is open; the 6th to the 12th are full: standing charges posted at the midnight that ends each
        // (the 7th's to the 13th's), energy of 50 to 110 and a tax of 5 a day:
        // (700 + 560 + 35) / 7 = 185.
        assertThat(revenue).isPresent();
        assertThat(revenue.get().firstDay()).isEqualTo(LocalDate.of(2026, 5, 6));
        assertThat(revenue.get().lastDay()).isEqualTo(LocalDate.of(2026, 5, 12));
        assertThat(revenue.get().days()).isEqualTo(7);
        assertThat(revenue.get().averageMinorOfCustomer()).containsExactly(Map.entry("C-1", 185L));
    }

    @Test
    void aLedgerYoungerThanAWeekIsAveragedOverItsFullDaysOnly() {
        post("2026-05-01T12:00", "C-1", EntryKind.ENERGY, -999);
        post("2026-05-02T10:00", "C-1", EntryKind.ENERGY, -30);
        post("2026-05-02T11:00", "C-2", EntryKind.ENERGY, -7);
        post("2026-05-03T10:00", "C-1", EntryKind.ENERGY, -31);
        post("2026-05-04T10:00", "C-1", EntryKind.ENERGY, -1_000);

        DailyRevenue revenue = DailyRevenue.of(ledger, NAIROBI, Instant.parse("2026-06-01T00:00:00Z")).orElseThrow();

        assertThat(revenue.firstDay()).isEqualTo(LocalDate.of(2026, 5, 2));
        assertThat(revenue.lastDay()).isEqualTo(LocalDate.of(2026, 5, 3));
        assertThat(revenue.averageMinorOfCustomer()).containsEntry("C-1", 31L).containsEntry("C-2", 4L).hasSize(2);
    }

    @Test
    void countsOnlyTheEntriesUpToTheMomentAsked() {
        post("2026-05-01T00:00", "C-1", EntryKind.ENERGY, -1);
        post("2026-05-01T10:00", "C-1", EntryKind.ENERGY, -40);
        post("2026-05-02T10:00", "C-1", EntryKind.ENERGY, -80);
        post("2026-05-03T10:00", "C-1", EntryKind.ENERGY, -500);

        Instant secondDay = LocalDateTime.parse("2026-05-02T12:00").atZone(NAIROBI).toInstant();
        DailyRevenue revenue = DailyRevenue.of(ledger, NAIROBI, secondDay).orElseThrow();

        assertThat(revenue.firstDay()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(revenue.lastDay()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(revenue.averageMinorOfCustomer()).containsEntry("C-1", 40L);
    }

    @Test
    void withoutAFullDayThereIsNoAverage() {
        post("2026-05-01T09:00", "C-1", EntryKind.ENERGY, -10);
        post("2026-05-01T23:00", "C-1", EntryKind.ENERGY, -10);

        assertThat(DailyRevenue.of(ledger, NAIROBI, Instant.parse("2026-06-01T00:00:00Z"))).isEmpty();
        assertThat(DailyRevenue.of(List.of(), NAIROBI, Instant.parse("2026-06-01T00:00:00Z"))).isEmpty();
    }
}

package io.gridside.site.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.cbor.DeterministicCbor;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cutting the ledger into customer days and summarising each, as both ends of the link do. */
class LedgerDaysTest {

    /** UTC+3 all year: a site day runs from 21:00 UTC to 21:00 UTC. */
    private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");
    private static final Instant MIDNIGHT = Instant.parse("2026-03-02T21:00:00Z");
    private static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);
    private static final LocalDate MARCH_3 = LocalDate.of(2026, 3, 3);

    static List<LedgerEntry> sample() {
        return List.of(
                new LedgerEntry(1, MIDNIGHT.minusSeconds(900), "C-1", EntryKind.ENERGY, -25, 975,
                        "interval:2026-03-02T20:30:00Z"),
                new LedgerEntry(2, MIDNIGHT, "C-1", EntryKind.ENERGY, -30, 945, "interval:2026-03-02T20:45:00Z"),
                new LedgerEntry(3, MIDNIGHT, "C-2", EntryKind.ENERGY, -10, 490, "interval:2026-03-02T20:45:00Z"),
                new LedgerEntry(4, MIDNIGHT.plusSeconds(900), "C-1", EntryKind.STANDING_CHARGE, -50, 895,
                        "day:2026-03-03"),
                new LedgerEntry(5, MIDNIGHT.plusSeconds(7200), "C-1", EntryKind.ADJUSTMENT, 30, 925,
                        "adjustment:2026-03-02 readings-changed energy"));
    }

    @Test
    void aPostingAtMidnightBelongsToTheDayItClosesAndAnAdjustmentToTheDayItCorrects() {
        Map<CustomerDay, List<LedgerEntry>> days = LedgerDays.split(sample(), NAIROBI);

        assertThat(days.keySet()).containsExactly(new CustomerDay("C-1", MARCH_2), new CustomerDay("C-1", MARCH_3),
                new CustomerDay("C-2", MARCH_2));
        assertThat(days.get(new CustomerDay("C-1", MARCH_2))).extracting(LedgerEntry::seq).containsExactly(1L, 2L, 5L);
        assertThat(days.get(new CustomerDay("C-1", MARCH_3))).extracting(LedgerEntry::seq).containsExactly(4L);
    }

    @Test
    void aDayDigestLeavesOutSequenceAndBalanceSoOtherCustomersAndEarlierDaysDoNotMoveIt() {
        List<LedgerEntry> ledger = sample();
        LedgerEntry shifted = new LedgerEntry(40, ledger.get(3).at(), "C-1", EntryKind.STANDING_CHARGE, -50, 7,
                "day:2026-03-03");

        LedgerDayDigest held = LedgerDays.digests(ledger, NAIROBI).get(1);
        LedgerDayDigest moved = LedgerDays.digest(new CustomerDay("C-1", MARCH_3), List.of(shifted));

        assertThat(moved).isEqualTo(held);
        assertThat(held.entryCount()).isEqualTo(1);
    }

    @Test
    void aDayDigestChangesWithAnyAmountOrTheCorrectionOfTheDay() {
        List<LedgerEntry> ledger = sample();
        CustomerDay day = new CustomerDay("C-1", MARCH_2);
        LedgerDayDigest corrected = LedgerDays.digest(day, List.of(ledger.get(0), ledger.get(1), ledger.get(4)));
        LedgerDayDigest uncorrected = LedgerDays.digest(day, List.of(ledger.get(0), ledger.get(1)));
        LedgerEntry other = new LedgerEntry(2, MIDNIGHT, "C-1", EntryKind.ENERGY, -31, 944,
                "interval:2026-03-02T20:45:00Z");

        assertThat(uncorrected.digest()).isNotEqualTo(corrected.digest());
        assertThat(LedgerDays.digest(day, List.of(ledger.get(0), other)).digest())
                .isNotEqualTo(uncorrected.digest());
    }

    @Test
    void theDocumentIsTheCustomerTheDayAndEachEntryWithoutSequenceOrBalance() {
        LedgerEntry entry = sample().get(3);

        byte[] document = LedgerDays.document(new CustomerDay("C-1", MARCH_3), List.of(entry));

        assertThat(DeterministicCbor.decode(document)).isEqualTo(List.of("C-1", "2026-03-03",
                List.of(List.of(entry.at().getEpochSecond(), "STANDING_CHARGE", -50L, "day:2026-03-03"))));
    }

    /** Protocol section 11.13: the digest of customer C-1's 2 March in the sample above. */
    @Test
    void theDigestOfTheProtocolsVectorIsWhatTheDocumentSays() {
        LedgerDayDigest digest = LedgerDays.digests(sample(), NAIROBI).get(0);

        assertThat(digest.customerDay()).isEqualTo(new CustomerDay("C-1", MARCH_2));
        assertThat(digest.entryCount()).isEqualTo(3);
        assertThat(digest.digest().hex()).isEqualTo("c246f8dfe2ef573ccdae07c3965ab6b87be5d35442f523a8b65bb79849609a09");
    }

    @Test
    void anAdjustmentWhoseReferenceNamesNoDayIsRefusedNamingIt() {
        LedgerEntry bad = new LedgerEntry(9, MIDNIGHT, "C-1", EntryKind.ADJUSTMENT, 5, 5, "adjustment:yesterday x");

        assertThatThrownBy(() -> LedgerDays.of(bad, NAIROBI)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'yesterday'");
    }
}

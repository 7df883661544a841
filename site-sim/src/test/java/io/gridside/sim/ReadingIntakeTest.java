package io.gridside.sim;

import static io.gridside.sim.ReadingIntakeFixture.GAP_END;
import static io.gridside.sim.ReadingIntakeFixture.GAP_START;
import static io.gridside.sim.ReadingIntakeFixture.imported;
import static io.gridside.sim.ReadingIntakeFixture.overridden;
import static io.gridside.sim.ReadingIntakeFixture.registerAt;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.message.PostReadings;
import io.gridside.link.message.ReadingsTaken;
import io.gridside.link.message.ReadingsTaken.Outcome;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's rules for reads a console sends, on the worked example of {@link ReadingIntakeFixture}.
 *
 * <p>Filling the gap: the import gives 100 Wh in each of its twelve quarter hours. Re-rated, 600 Wh x 10 c +
 * 600 Wh x 40 c = 6 + 24 = 30 cents where the estimate charged 39 (300 Wh x 10 c + 900 Wh x 40 c = 3 + 36): one
 * adjustment of Tuesday's energy gives back 9 cents, with the reason {@code estimate-replaced}.
 *
 * <p>Correcting a register: Monday's register at 22:00 (19:00 UTC) is given 100 Wh lower, so the quarter hour
 * before (the peak's last) took nothing and the one after (off peak) 200 Wh. Monday's energy charged 80 quarter
 * hours of 100 Wh at 10 c (80 cents), six of 300 Wh and ten of 100 Wh at 40 c (72 + 40 cents), 192 in all;
 * corrected, 8,100 Wh off peak (81) and 2,700 Wh on peak (108), 189: one adjustment gives back 3 cents, with the
 * reason {@code readings-changed}. (A register within the hours the gap spans would also move the profile that
 * spread Tuesday's gap, and so Tuesday's estimate.)
 */
class ReadingIntakeTest {

    private static final Instant MONDAY_18 = Instant.parse("2024-03-04T15:00:00Z");
    private static final Instant MONDAY_22 = Instant.parse("2024-03-04T19:00:00Z");

    @TempDir
    Path directory;

    @Test
    void importedReadsOfEveryQuarterHourFillTheEstimatedGapAndOnlyTheTimeOfUseDifferenceIsAdjusted() {
        try (ReadingIntakeFixture site = new ReadingIntakeFixture(directory)) {
            ReadingsTaken taken = take(site, site.gapReads(Collections.nCopies(12, 100L)));

            assertThat(taken.results()).hasSize(11).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.FILLED));
            assertThat(adjustments(site)).singleElement().satisfies(entry -> {
                assertThat(entry.amountMinor()).isEqualTo(9);
                assertThat(entry.reference()).isEqualTo("adjustment:2024-03-05 estimate-replaced energy");
                assertThat(taken.postedSeqs()).containsExactly(entry.seq());
            });
            assertThat(site.journal.filledGaps(ReadingIntakeFixture.METER)).containsEntry(GAP_START,
                    Collections.nCopies(12, 100L));
        }
    }

    @Test
    void theSameReadsTwiceAreDuplicatesAndPostNothingMore() {
        try (ReadingIntakeFixture site = new ReadingIntakeFixture(directory)) {
            List<PostReadings.Read> reads = site.gapReads(Collections.nCopies(12, 100L));
            take(site, reads);
            int posted = site.engine.ledgerAfter(0).size();

            ReadingsTaken again = take(site, reads);

            assertThat(again.results()).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.DUPLICATE));
            assertThat(again.postedSeqs()).isEmpty();
            assertThat(site.engine.ledgerAfter(0)).hasSize(posted);
        }
    }

    @Test
    void anOverrideOfABilledRegisterReratesTheDayAndPostsOnlyTheDifference() {
        try (ReadingIntakeFixture site = new ReadingIntakeFixture(directory)) {
            long corrected = registerAt(MONDAY_22) - 100;

            ReadingsTaken taken = take(site, List.of(overridden(MONDAY_22, corrected)));

            assertThat(taken.results()).singleElement().satisfies(r -> assertThat(r.outcome())
                    .isEqualTo(Outcome.CORRECTED));
            assertThat(adjustments(site)).singleElement().satisfies(entry -> {
                assertThat(entry.amountMinor()).isEqualTo(3);
                assertThat(entry.reference()).isEqualTo("adjustment:2024-03-04 readings-changed energy");
                assertThat(taken.postedSeqs()).containsExactly(entry.seq());
            });
            assertThat(take(site, List.of(overridden(MONDAY_22, corrected))).results().get(0).outcome())
                    .isEqualTo(Outcome.DUPLICATE);
            assertThat(adjustments(site)).hasSize(1);
        }
    }

    @Test
    void aGapFilledAfterACorrectionIsReratedWithTheCorrectionInPlace() {
        try (ReadingIntakeFixture site = new ReadingIntakeFixture(directory)) {
            take(site, List.of(overridden(MONDAY_22, registerAt(MONDAY_22) - 100)));

            take(site, site.gapReads(Collections.nCopies(12, 100L)));

            assertThat(adjustments(site)).extracting(LedgerEntry::amountMinor).containsExactly(3L, 9L);
        }
    }

    @Test
    void readsThatBreakARuleAreRefusedEachWithTheRuleItBroke() {
        try (ReadingIntakeFixture site = new ReadingIntakeFixture(directory)) {
            Instant lastBeforeGap = GAP_START;
            List<PostReadings.Read> reads = List.of(
                    new PostReadings.Read("M-9", MONDAY_18, 5, PostReadings.Origin.IMPORT, "reads.csv:2", "import"),
                    imported(MONDAY_18.plusSeconds(60), registerAt(MONDAY_18), 3),
                    imported(GAP_END.plus(Reading.INTERVAL), 99_999, 4),
                    imported(MONDAY_18, registerAt(MONDAY_18) + 1, 5),
                    overridden(MONDAY_18, registerAt(MONDAY_18) - 200),
                    overridden(MONDAY_18, registerAt(MONDAY_18.minus(Reading.INTERVAL)) + 3_500),
                    overridden(lastBeforeGap, registerAt(lastBeforeGap) + 10),
                    overridden(GAP_END, site.openingWh + 1_100),
                    imported(GAP_START.plus(Reading.INTERVAL), site.openingWh + 1_300, 9),
                    imported(GAP_START.plus(Reading.INTERVAL.multipliedBy(2)), site.openingWh + 50, 10));

            ReadingsTaken taken = take(site, reads);

            assertThat(taken.results()).extracting(ReadingsTaken.Result::code).containsExactly(
                    "READ_UNKNOWN_METER", "READ_OFF_QUARTER_HOUR", "READ_NOT_BILLED", "READ_CONFLICTS",
                    "READ_BACKWARDS", "READ_BEYOND_RATING", "READ_BESIDE_GAP", "READ_LAST_BILLED",
                    "READ_OUTSIDE_GAP", "GAP_INCOMPLETE");
            assertThat(taken.results()).allSatisfy(r -> assertThat(r.message()).isNotBlank());
            assertThat(taken.postedSeqs()).isEmpty();
            assertThat(adjustments(site)).isEmpty();
        }
    }

    @Test
    void gapReadsThatRunBackwardsAreRefusedTogether() {
        try (ReadingIntakeFixture site = new ReadingIntakeFixture(directory)) {
            List<Long> energies = new ArrayList<>(Collections.nCopies(12, 100L));
            List<PostReadings.Read> reads = new ArrayList<>(site.gapReads(energies));
            PostReadings.Read third = reads.get(2);
            reads.set(2, imported(third.readAt(), third.registerWh() - 150, 4));

            ReadingsTaken taken = take(site, reads);

            assertThat(taken.results()).allSatisfy(r -> assertThat(r.code()).isEqualTo("READ_BACKWARDS"));
            assertThat(adjustments(site)).isEmpty();
        }
    }

    static ReadingsTaken take(ReadingIntakeFixture site, List<PostReadings.Read> reads) {
        return site.intake.take(new PostReadings(reads), site.lastTick, decision -> { });
    }

    private static List<LedgerEntry> adjustments(ReadingIntakeFixture site) {
        return site.engine.ledgerAfter(0).stream().filter(e -> e.kind() == EntryKind.ADJUSTMENT).toList();
    }
}

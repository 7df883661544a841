package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.billing.vee.Spread;
import io.gridside.link.message.PostReadings;
import io.gridside.link.message.ReadingsTaken;
import io.gridside.link.message.ReadingsTaken.Outcome;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * Any imported reads that fill the gap of {@link ReadingIntakeFixture} adjust by exactly what moved under its
 * time-of-use tariff, and the same reads sent again change nothing: every read a duplicate, nothing posted.
 */
class ReadingIntakePropertyTest {

    @Property(tries = 15)
    void theSameReadsTwiceChangeNothingAndTheFirstAdjustByExactlyWhatMoved(
            @ForAll @Size(12) List<@LongRange(min = 0, max = 1_000) Long> weights,
            @ForAll @IntRange(min = 0, max = 11) int heavy) throws IOException {
        long[] shape = weights.stream().mapToLong(Long::longValue).toArray();
        shape[heavy] += 1;
        List<Long> energies = Arrays.stream(Spread.byWeights(ReadingIntakeFixture.GAP_RISE_WH, shape)).boxed()
                .toList();
        Path directory = Files.createTempDirectory("reading-intake");
        try (ReadingIntakeFixture site = new ReadingIntakeFixture(directory)) {
            List<PostReadings.Read> reads = site.gapReads(energies);

            ReadingsTaken first = ReadingIntakeTest.take(site, reads);
            List<LedgerEntry> ledger = site.engine.ledgerAfter(0);
            ReadingsTaken second = ReadingIntakeTest.take(site, reads);

            assertThat(first.results()).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.FILLED));
            assertThat(second.results()).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.DUPLICATE));
            assertThat(second.postedSeqs()).isEmpty();
            assertThat(site.engine.ledgerAfter(0)).isEqualTo(ledger);
            // The estimate charged 39 cents; the reads charge 10 c/kWh off peak and 40 on it, rounded down with
            // Tuesday's other 66 cents, which are whole.
            long offPeakWh = energies.subList(0, 6).stream().mapToLong(Long::longValue).sum();
            long peakWh = energies.subList(6, 12).stream().mapToLong(Long::longValue).sum();
            long adjusted = ledger.stream().filter(e -> e.kind() == EntryKind.ADJUSTMENT)
                    .mapToLong(LedgerEntry::amountMinor).sum();
            assertThat(adjusted).isEqualTo(39 - (offPeakWh * 10 + peakWh * 40) / 1_000);
        }
    }
}

package io.gridside.site.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.site.Reading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** A meter's day of readings survives its compact block bit for bit, whatever the day held and in what order. */
class ReadingBlockTest {

    /** 2024-03-05T00:00Z: a UTC day's first quarter hour. */
    private static final Instant DAY_START = Instant.parse("2024-03-05T00:00:00Z");
    private static final long DAY = ReadingBlock.dayOf(DAY_START);
    private static final long ALL_DAY_FROM = DAY_START.getEpochSecond();
    private static final long ALL_DAY_TO = ALL_DAY_FROM + ReadingBlock.DAY_SECONDS;

    @Test
    void aWholeDayWithQualityComesBackAsItWent() {
        List<Reading> day = new ArrayList<>();
        long register = 52_310;
        for (int slot = 0; slot < ReadingBlock.SLOTS; slot++) {
            long energy = slot % 7 * 9;
            register += energy;
            day.add(new Reading("M-1", at(slot), energy, register,
                    new Reading.Quality(2_260 - slot % 5, 2_290 + slot % 3, 2_310 + slot % 11, (int) energy * 6)));
        }

        ReadingBlock block = blockOf(day);

        assertThat(block.isFull()).isTrue();
        assertThat(decoded(block)).isEqualTo(day);
    }

    @Test
    void aDayWithGapsAndReadingsWithoutQualityKeepsItsGapsAndNulls() {
        // The register rises 40 Wh between slot 3 and slot 10 that no held reading shows: a gap the block must keep.
        List<Reading> day = List.of(new Reading("M-1", at(0), 5, 1_005),
                new Reading("M-1", at(3), 0, 1_005, new Reading.Quality(0, 1_800, 2_300, 0)),
                new Reading("M-1", at(10), 12, 1_057), new Reading("M-1", at(95), 300, 1_357,
                        new Reading.Quality(2_100, 2_200, 2_350, 4_000)));

        ReadingBlock block = blockOf(day);

        assertThat(block.size()).isEqualTo(4);
        assertThat(block.holds(4)).isFalse();
        assertThat(decoded(block)).isEqualTo(day);
    }

    @Test
    void aDayOfSteadyReadingsTakesFewerThanFourBytesAReading() {
        // 96 readings of 30 Wh on a steady 230 V: every column repeats, which deflating folds away.
        List<Reading> day = new ArrayList<>();
        for (int slot = 0; slot < ReadingBlock.SLOTS; slot++) {
            day.add(new Reading("M-1", at(slot), 30, 10_000 + 30L * (slot + 1),
                    new Reading.Quality(2_290, 2_300, 2_310, 400)));
        }

        assertThat(blockOf(day).encode().length).isLessThan(4 * ReadingBlock.SLOTS);
    }

    @Test
    void theFirstCopyOfAReadingIsKept() {
        ReadingBlock block = new ReadingBlock(DAY);

        assertThat(block.add(new Reading("M-1", at(4), 10, 110))).isTrue();
        assertThat(block.add(new Reading("M-1", at(4), 99, 199))).isFalse();

        assertThat(decoded(block)).containsExactly(new Reading("M-1", at(4), 10, 110));
    }

    @Test
    void refusesAReadingOfAnotherDay() {
        ReadingBlock block = new ReadingBlock(DAY);

        assertThatThrownBy(() -> block.add(new Reading("M-1", DAY_START.minus(Reading.INTERVAL), 1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not of UTC day");
    }

    @Test
    void refusesBytesThatAreNotABlock() {
        byte[] good = blockOf(List.of(new Reading("M-1", at(0), 5, 105))).encode();
        byte[] cut = Arrays.copyOf(good, good.length - 1);
        byte[] longer = Arrays.copyOf(good, good.length + 1);

        assertThatThrownBy(() -> ReadingBlock.decode(DAY, new byte[] {7})).hasMessageContaining("form");
        assertThatThrownBy(() -> ReadingBlock.decode(DAY, cut)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReadingBlock.decode(DAY, longer)).hasMessageContaining("after its last column");
        assertThatThrownBy(() -> ReadingBlock.decode(DAY, new byte[] {0, 97})).hasMessageContaining("more than 96");
    }

    @Property(tries = 300)
    void anyDayRoundTripsWhateverOrderItsReadingsArriveIn(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 96) int held, @ForAll @IntRange(min = 0, max = 100) int measuredPercent) {
        Random random = new Random(seed);
        List<Reading> day = randomDay(random, held, measuredPercent);
        List<Reading> arrival = new ArrayList<>(day);
        Collections.shuffle(arrival, random);

        ReadingBlock inOrder = blockOf(day);
        ReadingBlock shuffled = blockOf(arrival);

        assertThat(decoded(shuffled, "M-7")).isEqualTo(day);
        assertThat(shuffled.encode()).isEqualTo(inOrder.encode());
    }

    /** A day of {@code held} readings at random slots, the register rising through gaps too. */
    private static List<Reading> randomDay(Random random, int held, int measuredPercent) {
        List<Integer> slots = new ArrayList<>();
        for (int slot = 0; slot < ReadingBlock.SLOTS; slot++) {
            slots.add(slot);
        }
        Collections.shuffle(slots, random);
        List<Integer> chosen = new ArrayList<>(slots.subList(0, held));
        Collections.sort(chosen);
        long register = random.nextInt(1_000_000_000);
        List<Reading> day = new ArrayList<>();
        for (int slot : chosen) {
            long energy = random.nextInt(10) < 3 ? 0 : random.nextInt(4_000);
            register += energy + (random.nextInt(5) == 0 ? random.nextInt(500) : 0);
            Reading.Quality quality = null;
            if (random.nextInt(100) < measuredPercent) {
                int min = random.nextInt(2_400);
                int average = min + random.nextInt(300);
                int max = Math.min(Reading.Quality.MAX_DECIVOLTS, average + random.nextInt(300));
                quality = new Reading.Quality(min, average, max, (int) (4 * energy) + random.nextInt(20_000));
            }
            day.add(new Reading("M-7", at(slot), energy, register, quality));
        }
        return day;
    }

    private static ReadingBlock blockOf(List<Reading> readings) {
        ReadingBlock block = new ReadingBlock(DAY);
        readings.forEach(block::add);
        return block;
    }

    private static List<Reading> decoded(ReadingBlock block) {
        return decoded(block, "M-1");
    }

    private static List<Reading> decoded(ReadingBlock block, String meterId) {
        return ReadingBlock.decode(DAY, block.encode()).readings(meterId, ALL_DAY_FROM, ALL_DAY_TO);
    }

    private static Instant at(int slot) {
        return DAY_START.plus(Reading.INTERVAL.multipliedBy(slot));
    }
}

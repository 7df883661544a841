package io.gridside.site.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.Reading;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site store keeps readings as blocks of a meter's UTC day and still answers as one row per reading would:
 * once per meter and interval, in any arrival order, late into a day held already, and across the migration.
 */
class SiteStoreReadingBlocksTest {

    /** A UTC midnight, so that slot 0 of day 0 is T0. */
    private static final Instant T0 = Instant.parse("2024-03-05T00:00:00Z");
    private static final List<String> METERS = List.of("M-1", "M-2", "M-3");

    @TempDir
    Path dir;

    @Test
    void aDayStreamedQuarterHourByQuarterHourBecomesOneBlockWhenWhole() throws SQLException {
        List<Reading> day = days(new Random(1), List.of("M-1", "M-2"), 1);
        Path file = dir.resolve("site.db");

        try (SiteStore store = SiteStore.open(file)) {
            for (int slot = 0; slot < ReadingBlock.SLOTS; slot++) {
                int quarter = slot;
                assertThat(store.insertReadings(day.stream().filter(r -> slotOf(r) == quarter).toList()))
                        .isEqualTo(2);
            }
            assertThat(store.readings(T0, T0.plusSeconds(86_400))).isEqualTo(sorted(day));
        }

        assertThat(rows(file, "reading_block")).isEqualTo(2);
        assertThat(rows(file, "reading_pending")).isZero();
    }

    @Test
    void aReadingLateIntoADayHeldAsABlockIsAddedOnceAndARepullAddsNothing() throws SQLException {
        List<Reading> day = days(new Random(2), List.of("M-1"), 1);
        Reading late = day.get(50);
        List<Reading> withGap = new ArrayList<>(day);
        withGap.remove(late);
        Path file = dir.resolve("site.db");

        try (SiteStore store = SiteStore.open(file)) {
            assertThat(store.insertReadings(withGap)).isEqualTo(95);
            assertThat(store.compactReadings()).isEqualTo(95);
            assertThat(store.readingCount()).isEqualTo(95);

            assertThat(store.insertReadings(List.of(late))).isEqualTo(1);
            assertThat(store.insertReadings(day)).isZero();

            assertThat(store.readingCount()).isEqualTo(96);
            assertThat(store.readings("M-1", T0, T0.plusSeconds(86_400))).isEqualTo(day);
        }
        assertThat(rows(file, "reading_pending")).isZero();
    }

    @Test
    void readingsArrivingInAnyOrderAndBatchingAreHeldOnceAndAnsweredInOrder() {
        for (long seed = 10; seed < 14; seed++) {
            Random random = new Random(seed);
            List<Reading> expected = days(random, METERS, 3);
            List<Reading> arrival = new ArrayList<>(expected);
            Collections.shuffle(arrival, random);
            arrival.addAll(expected.subList(0, 40));

            try (SiteStore store = SiteStore.open(dir.resolve("site-" + seed + ".db"))) {
                int added = 0;
                for (int from = 0; from < arrival.size(); from += 1 + random.nextInt(300)) {
                    added += store.insertReadings(arrival.subList(from, Math.min(arrival.size(),
                            from + 1 + random.nextInt(300))));
                }
                added += store.insertReadings(arrival);

                assertThat(added).as("seed %d", seed).isEqualTo(expected.size());
                assertThat(store.readings(Instant.EPOCH, Instant.MAX)).as("seed %d", seed)
                        .isEqualTo(sorted(expected));
                assertThat(store.readings("M-2", T0.plusSeconds(3_600), T0.plusSeconds(2 * 86_400 + 900)))
                        .isEqualTo(sorted(expected).stream().filter(r -> r.meterId().equals("M-2"))
                                .filter(r -> !r.intervalStart().isBefore(T0.plusSeconds(3_600)))
                                .filter(r -> r.intervalStart().isBefore(T0.plusSeconds(2 * 86_400 + 900)))
                                .toList());
                store.compactReadings();
                assertThat(store.readings(Instant.EPOCH, Instant.MAX)).isEqualTo(sorted(expected));
                assertThat(store.readingCount()).isEqualTo(expected.size());
            }
        }
    }

    @Test
    void aConflictingCopyNeverReplacesTheFirstWhetherWaitingOrInABlock() {
        Reading first = new Reading("M-1", T0, 120, 10_120);
        Reading conflicting = new Reading("M-1", T0, 999, 10_999);

        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            store.insertReadings(List.of(first));
            assertThat(store.insertReadings(List.of(conflicting))).isZero();
            store.compactReadings();
            assertThat(store.insertReadings(List.of(conflicting))).isZero();

            assertThat(store.readings(T0, T0.plus(Reading.INTERVAL))).containsExactly(first);
        }
    }

    @Test
    void theMigrationMovesOldRowsIntoBlocksThatAnswerAsTheRowsDid() throws SQLException {
        List<Reading> old = days(new Random(3), METERS, 2);
        old.removeIf(r -> r.meterId().equals("M-3") && slotOf(r) % 5 == 0);
        Path file = dir.resolve("site.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            // The version just before the reading blocks' step: a step's version is its place in the list, from 1.
            Migrations.migrate(connection, Migrations.STEPS.indexOf("V11__reading_blocks.sql"));
            for (Reading r : old) {
                Reading.Quality q = r.quality();
                statement.addBatch("INSERT INTO reading VALUES ('" + r.meterId() + "', "
                        + r.intervalStart().getEpochSecond() + ", " + r.energyWh() + ", " + r.registerWh() + ", "
                        + (q == null ? "NULL, NULL, NULL, NULL" : q.minDecivolts() + ", " + q.averageDecivolts()
                                + ", " + q.maxDecivolts() + ", " + q.peakWatts()) + ")");
            }
            statement.executeBatch();
        }

        try (SiteStore store = SiteStore.open(file)) {
            assertThat(store.schemaVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(store.readingCount()).isEqualTo(old.size());
            assertThat(store.readings(Instant.EPOCH, Instant.MAX)).isEqualTo(sorted(old));
            assertThat(store.readings("M-3", T0, T0.plusSeconds(86_400)))
                    .hasSize(96 - 20).allMatch(r -> r.meterId().equals("M-3"));
            assertThat(store.insertReadings(old)).isZero();
        }
        assertThat(rows(file, "reading_block")).isEqualTo(METERS.size() * 2);
        assertThat(tableExists(file, "reading")).isFalse();
    }

    /** Whole days of readings of {@code meters}, in meter then time order; a third of them have no quality. */
    private static List<Reading> days(Random random, List<String> meters, int days) {
        List<Reading> readings = new ArrayList<>();
        for (String meter : meters) {
            long register = random.nextInt(100_000);
            for (int slot = 0; slot < days * ReadingBlock.SLOTS; slot++) {
                long energy = random.nextInt(200);
                register += energy;
                int average = 2_200 + random.nextInt(150);
                Reading.Quality quality = random.nextInt(3) == 0 ? null
                        : new Reading.Quality(average - random.nextInt(40), average, average + random.nextInt(40),
                                (int) energy * 4 + random.nextInt(900));
                readings.add(new Reading(meter, T0.plus(Reading.INTERVAL.multipliedBy(slot)), energy, register,
                        quality));
            }
        }
        return readings;
    }

    private static List<Reading> sorted(List<Reading> readings) {
        return readings.stream().sorted(Comparator.comparing(Reading::intervalStart)
                .thenComparing(Reading::meterId)).toList();
    }

    private static int slotOf(Reading reading) {
        return ReadingBlock.slotOf(reading.intervalStart());
    }

    private static long rows(Path file, String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            return rows.getLong(1);
        }
    }

    private static boolean tableExists(Path file, String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' "
                        + "AND name = '" + table + "'")) {
            return rows.getLong(1) > 0;
        }
    }
}

package io.gridside.site.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.Reading;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A quarter hour that a meter changed hands in holds two readings, the move-out's final one and the rest at the
 * quarter hour's end; the site store keeps both, in the order billed, however they arrive, and still keeps a
 * conflicting copy out.
 */
class SiteStoreSharedReadingsTest {

    private static final Instant T0 = Instant.parse("2024-03-05T16:00:00Z");
    private static final Instant T1 = T0.plus(Reading.INTERVAL);
    /** Billed up to 10,000 Wh at T0; the move-out's final register 10,012 Wh; 10,030 Wh at the quarter's end. */
    private static final Reading FINAL = new Reading("M-1", T0, 12, 10_012);
    private static final Reading REST = new Reading("M-1", T0, 18, 10_030, new Reading.Quality(2290, 2300, 2310,
            900));

    @TempDir
    java.nio.file.Path dir;

    @Test
    void keepsTheFinalReadingAndTheRestOfItsQuarterHourInTheOrderBilledAndARepullAddsNothing() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            assertThat(store.insertReadings(List.of(FINAL, REST))).isEqualTo(2);
            assertThat(store.insertReadings(List.of(FINAL, REST))).isZero();

            assertThat(store.readings(T0, T1)).containsExactly(FINAL, REST);
            assertThat(store.readings("M-1", T0, T1)).containsExactly(FINAL, REST);
            assertThat(store.readingCount()).isEqualTo(2);
        }
    }

    @Test
    void keepsTheSecondShareWhenItArrivesLaterWhetherTheFirstWaitsOrIsInABlock() {
        Reading next = new Reading("M-1", T1, 20, 10_050);
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            store.insertReadings(List.of(REST));
            assertThat(store.insertReadings(List.of(FINAL))).as("beside a waiting reading").isEqualTo(1);
            store.insertReadings(List.of(next));
            store.compactReadings();
            assertThat(store.insertReadings(List.of(FINAL, REST))).isZero();

            assertThat(store.readings(T0, T1.plus(Reading.INTERVAL))).containsExactly(FINAL, REST, next);
        }
        try (SiteStore store = SiteStore.open(dir.resolve("other.db"))) {
            store.insertReadings(List.of(FINAL, next));
            store.compactReadings();
            assertThat(store.insertReadings(List.of(REST))).as("beside a reading in a block").isEqualTo(1);

            assertThat(store.readings(T0, T1.plus(Reading.INTERVAL))).containsExactly(FINAL, REST, next);
        }
    }

    @Test
    void aSecondReadingThatDoesNotFollowOnFromTheFirstIsAConflictingCopyAndIsDropped() {
        Reading conflicting = new Reading("M-1", T0, 25, 10_040);
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            assertThat(store.insertReadings(List.of(FINAL, conflicting))).isEqualTo(1);
            assertThat(store.insertReadings(List.of(conflicting))).isZero();

            assertThat(store.readings(T0, T1)).containsExactly(FINAL);
        }
    }
}

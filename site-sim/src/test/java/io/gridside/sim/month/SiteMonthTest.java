package io.gridside.sim.month;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedGateway;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.scenario.Scenarios;
import io.gridside.site.EventKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.SiteEvent;
import io.gridside.site.history.DayDigest;
import io.gridside.site.history.HistoryDigests;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A month of a site's data comes from its spec alone, lands in the cache whole, and is made once. */
class SiteMonthTest {

    private static final MonthSpec FEEDER = new MonthSpec(40, 7, "feeder-outage", 2);

    @Test
    void sameSpecGivesTheSameRowsBitForBit(@TempDir Path first, @TempDir Path second) {
        String once = StoreDigest.of(SiteMonth.obtain(FEEDER, first));
        String again = StoreDigest.of(SiteMonth.obtain(FEEDER, second));
        String otherSeed = StoreDigest.of(SiteMonth.obtain(new MonthSpec(40, 8, "feeder-outage", 2), first));

        assertThat(again).isEqualTo(once);
        assertThat(otherSeed).isNotEqualTo(once);
    }

    @Test
    void holdsTheMonthAsAConsoleWouldHavePulledIt(@TempDir Path cache) {
        Path file = SiteMonth.obtain(FEEDER, cache);

        try (SiteStore store = SiteStore.open(file)) {
            assertThat(store.meters()).hasSize(40);
            assertThat(store.readingCount()).isBetween(40L * 96 * 2 - 40L * 12, 40L * 96 * 2);
            assertThat(store.readings(SiteMonth.START, SiteMonth.START.plusSeconds(900))).hasSize(40)
                    .allMatch(reading -> reading.quality() != null);
            List<LedgerEntry> ledger = store.ledger();
            assertThat(ledger).isNotEmpty();
            assertThat(ledger.get(ledger.size() - 1).seq()).isEqualTo(ledger.size());
            assertThat(store.events(Instant.EPOCH, Instant.MAX)).anyMatch(event -> event.scripted());
            assertThat(store.topologyTimes()).hasSize(2 * 4 + 1);
            assertThat(store.statuses()).hasSize(40);
            Map<String, String> feeders = store.feeders();
            assertThat(feeders).hasSize(40).containsValue("F1");
            assertThat(store.events(Instant.EPOCH, Instant.MAX)).filteredOn(SiteEvent::scripted)
                    .filteredOn(event -> event.kind() == EventKind.POWER_LOSS).isNotEmpty()
                    .allMatch(loss -> feeders.get(loss.source()).equals("F1"));
        }
    }

    @Test
    void holdsEveryDaysDigestAndMeshHistoryAsAPullByDigestsWould(@TempDir Path cache) {
        Path file = SiteMonth.obtain(FEEDER, cache);
        SiteSpec siteSpec = new SiteSpec(40, 7, 0, SiteMonth.START);
        SimClock.Manual clock = SimClock.manual(SiteMonth.START);
        try (SiteStore store = SiteStore.open(file);
                SimulatedGateway gateway = new SimulatedGateway(siteSpec, clock,
                        Scenarios.named(FEEDER.scenario()))) {
            clock.advance(Duration.ofDays(FEEDER.days()));
            ZoneId zone = gateway.layout().site().zone();
            LocalDate first = HistoryDigests.dayOf(SiteMonth.START, zone);
            LocalDate last = HistoryDigests.dayOf(clock.now().minusSeconds(1), zone);

            List<DayDigest> held = store.dayDigests(first, last);

            assertThat(held).isEqualTo(gateway.dayDigests(first, last));
            assertThat(held).hasSizeGreaterThanOrEqualTo(FEEDER.days());
            Instant noon = SiteMonth.START.plus(Duration.ofHours(36));
            assertThat(store.meshAt(noon).orElseThrow().nodes())
                    .extracting(node -> node.id() + ">" + node.parentId())
                    .containsExactlyInAnyOrderElementsOf(gateway.topologySnapshot(noon).nodes().stream()
                            .map(node -> node.id() + ">" + node.parentId()).toList());
        }
    }

    @Test
    void reusesTheMonthItCachedWithoutMakingItAgain(@TempDir Path cache) throws IOException {
        Path file = SiteMonth.obtain(new MonthSpec(10, 3, MonthSpec.NO_SCENARIO, 1), cache);
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(file, old);

        Path again = SiteMonth.obtain(new MonthSpec(10, 3, MonthSpec.NO_SCENARIO, 1), cache);

        assertThat(again).isEqualTo(file);
        assertThat(Files.getLastModifiedTime(again)).isEqualTo(old);
        assertThat(file.getFileName().toString()).matches("site-m10-s3-none-d1-g" + SiteMonth.GENERATOR_VERSION
                + "-[0-9a-f]{8}\\.db");
    }

    @Test
    void leavesOnlyTheFinishedMonthInTheCache(@TempDir Path cache) throws IOException {
        Path file = SiteMonth.obtain(new MonthSpec(10, 3, MonthSpec.NO_SCENARIO, 1), cache);

        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.toList()).containsExactly(file);
        }
    }

    @Test
    void leavesNothingBehindWhenAMonthCannotBeMade(@TempDir Path cache) throws IOException {
        // quiet-week names meter M00005, which a site of 3 meters does not have.
        assertThatThrownBy(() -> SiteMonth.obtain(new MonthSpec(3, 3, "quiet-week", 1), cache))
                .isInstanceOf(IllegalArgumentException.class);

        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void takesTheCacheFolderFromItsSystemProperty(@TempDir Path cache) {
        String before = System.getProperty(SiteMonth.CACHE_PROPERTY);
        System.setProperty(SiteMonth.CACHE_PROPERTY, cache.toString());
        try {
            assertThat(SiteMonth.defaultCache()).isEqualTo(cache);
        } finally {
            if (before == null) {
                System.clearProperty(SiteMonth.CACHE_PROPERTY);
            } else {
                System.setProperty(SiteMonth.CACHE_PROPERTY, before);
            }
        }
    }
}

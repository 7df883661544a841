package io.gridside.site.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.EventKind;
import io.gridside.site.SiteEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway's event log in the site database: stored once by number, read back whole, by time. */
class SiteStoreEventsTest {

    private static final Instant T0 = Instant.parse("2026-06-01T18:30:00Z");
    private static final SiteEvent.Cause OUTAGE = new SiteEvent.Cause("feeder-outage", 0, "feeder-power-loss");

    @TempDir
    Path dir;

    private static SiteEvent event(long id, Instant at, String source, EventKind kind, Map<String, String> details,
            SiteEvent.Cause cause) {
        return new SiteEvent(id, at, source, kind, new TreeMap<>(details), cause);
    }

    private static final List<SiteEvent> LOG = List.of(
            event(1, T0, "M00001", EventKind.POWER_LOSS, Map.of("lastGasp", "true"), OUTAGE),
            event(2, T0, "M00002", EventKind.COMMS_LOSS, Map.of(), OUTAGE),
            event(3, T0.plusSeconds(900).plusNanos(250_000_000), "GW-1", EventKind.CLOCK_CORRECTION,
                    Map.of("by", "technician", "correctionSeconds", "-12"), null),
            event(4, T0.plusSeconds(10_800), "M00001", EventKind.POWER_RESTORE, Map.of(), OUTAGE));

    @Test
    void readsBackEveryEventAsItWasStored() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            assertThat(store.insertEvents(LOG)).isEqualTo(4);

            assertThat(store.events(Instant.EPOCH, T0.plusSeconds(86_400))).isEqualTo(LOG);
            assertThat(store.latestEventAt()).contains(T0.plusSeconds(10_800));
            assertThat(store.earliestEventAt()).contains(T0);
        }
    }

    @Test
    void storesAnEventPulledTwiceOnce() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            store.insertEvents(LOG.subList(0, 3));

            assertThat(store.insertEvents(LOG.subList(2, 4))).isEqualTo(1);
            assertThat(store.events(Instant.EPOCH, T0.plusSeconds(86_400))).hasSize(4);
        }
    }

    @Test
    void findsTheEventsOfAWindowToTheNanosecond() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            store.insertEvents(LOG);

            assertThat(store.events(T0.plusSeconds(900).plusNanos(250_000_000), T0.plusSeconds(10_800)))
                    .extracting(SiteEvent::id).containsExactly(3L);
            assertThat(store.events(T0, T0.plusSeconds(900).plusNanos(250_000_000))).extracting(SiteEvent::id)
                    .containsExactly(1L, 2L);
        }
    }

    @Test
    void holdsNoEventsAtFirst() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            assertThat(store.latestEventAt()).isEmpty();
            assertThat(store.earliestEventAt()).isEmpty();
        }
    }
}

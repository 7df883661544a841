package io.gridside.site.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.site.EventKind;
import io.gridside.site.SiteEvent;
import io.gridside.site.TopologySnapshot;
import io.gridside.site.history.DayDigest;
import io.gridside.site.history.HistoryDigests;
import io.gridside.site.history.MeshDay;
import io.gridside.site.history.MeshDayBuilder;
import io.gridside.site.history.MeshDayDocument;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History by day in the site store: each day replaced whole, with the digests it is held under. */
class SiteStoreHistoryTest {

    private static final LocalDate DAY = LocalDate.parse("2026-06-01");
    private static final Instant START = Instant.parse("2026-05-31T21:00:00Z");
    private static final Instant END = START.plusSeconds(86_400);

    @TempDir
    Path dir;

    private static SiteEvent event(long id, Instant at) {
        return new SiteEvent(id, at, "M-1", EventKind.COMMS_LOSS, new TreeMap<>(), null);
    }

    private static byte[] mesh() {
        TopologySnapshot start = new TopologySnapshot(START, "GW", List.of(
                new TopologySnapshot.Node("GW", -1.29, 36.82, 0, 256, null, List.of()),
                new TopologySnapshot.Node("M-1", -1.2901, 36.8201, 1, 384, "GW", List.of())),
                List.of(new TopologySnapshot.Link("M-1", "GW", -70, -72, 0.99, 0.98, 1.03, 0, true)));
        return MeshDayDocument.encode(new MeshDayBuilder(DAY, start).build());
    }

    private static DayDigest digest(List<SiteEvent> events, byte[] mesh) {
        return new DayDigest(DAY, true, events.size(), HistoryDigests.eventsDigest(events), 0,
                HistoryDigests.sha256(mesh), mesh.length);
    }

    @Test
    void replacesADaysEventsAndMeshAndKeepsItsDigest() {
        List<SiteEvent> first = List.of(event(1, START.plusSeconds(60)), event(2, START.plusSeconds(120)));
        List<SiteEvent> again = List.of(event(2, START.plusSeconds(120)), event(3, START.plusSeconds(180)));
        SiteEvent otherDay = event(9, END.plusSeconds(5));
        byte[] mesh = mesh();

        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            store.insertEvents(List.of(otherDay));
            store.replaceDay(digest(first, mesh), START, END, first, mesh);
            store.replaceDay(digest(again, mesh), START, END, again, null);

            assertThat(store.events(START, END)).isEqualTo(again);
            assertThat(store.events(END, END.plusSeconds(60))).containsExactly(otherDay);
            assertThat(store.dayDigests(DAY, DAY)).containsExactly(digest(again, mesh));
            assertThat(store.meshDayAt(START.plusSeconds(3600))).map(MeshDay::day).contains(DAY);
            assertThat(store.meshAt(END.minusSeconds(1))).map(TopologySnapshot::links).get()
                    .satisfies(links -> assertThat(links).hasSize(1));
            assertThat(store.meshAt(END)).isEmpty();
        }
    }

    @Test
    void leavesTheDayAsItWasWhenTheMeshCannotBeRead() {
        List<SiteEvent> events = List.of(event(1, START.plusSeconds(60)));
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            assertThatThrownBy(() -> store.replaceDay(digest(events, new byte[] {1}), START, END, events,
                    new byte[] {1})).isInstanceOf(StoreException.class);

            assertThat(store.events(START, END)).isEmpty();
            assertThat(store.dayDigests(DAY, DAY)).isEmpty();
        }
    }

    @Test
    void migratesAVersionFourDatabaseAndKeepsItsEvents() throws SQLException {
        Path file = dir.resolve("site.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            Migrations.migrate(connection, 4);
            statement.execute("INSERT INTO site_event (id, at_second, at_nano, source, kind, details) VALUES (1, "
                    + START.getEpochSecond() + ", 0, 'M-1', 'COMMS_LOSS', '{}')");
        }

        try (SiteStore store = SiteStore.open(file)) {
            assertThat(store.schemaVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(store.events(START, END)).containsExactly(event(1, START));
            assertThat(store.dayDigests(DAY, DAY)).isEmpty();
            assertThat(store.historyHorizon()).isEmpty();
            store.setHistoryHorizon(DAY);
            assertThat(store.historyHorizon()).contains(DAY);
        }
    }
}

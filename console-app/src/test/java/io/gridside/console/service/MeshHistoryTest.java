package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.TopologySnapshot;
import io.gridside.site.history.DayDigest;
import io.gridside.site.history.HistoryDigests;
import io.gridside.site.history.MeshDayBuilder;
import io.gridside.site.history.MeshDayDocument;
import io.gridside.site.mesh.MeshGraph;
import io.gridside.site.store.SiteStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mesh at any moment the site database holds: the latest with the past's links as stale, a past moment with
 * nothing from after it, and a day's history between snapshots.
 */
class MeshHistoryTest {

    /** M-3 hangs under M-1 at first and under M-2 from {@link #T1}; the link to M-1 is gone by then. */
    static final Instant T0 = Instant.parse("2026-06-02T08:00:00Z");
    static final Instant T1 = Instant.parse("2026-06-02T12:00:00Z");

    @TempDir
    Path dir;

    static TopologySnapshot before() {
        return new TopologySnapshot(T0, "GW", List.of(gateway(), meter("M-1", "GW", 1), meter("M-2", "GW", 1),
                meter("M-3", "M-1", 2)), List.of(link("M-1", "GW", true), link("M-2", "GW", true),
                link("M-3", "M-1", true)));
    }

    static TopologySnapshot after() {
        return new TopologySnapshot(T1, "GW", List.of(gateway(), meter("M-1", "GW", 1), meter("M-2", "GW", 1),
                meter("M-3", "M-2", 2)), List.of(link("M-1", "GW", true), link("M-2", "GW", true),
                link("M-3", "M-2", true)));
    }

    static TopologySnapshot.Node gateway() {
        return new TopologySnapshot.Node("GW", -1.29, 36.82, 0, 256, null, List.of());
    }

    static TopologySnapshot.Node meter(String id, String parent, int hops) {
        return new TopologySnapshot.Node(id, -1.29 + hops * 0.001, 36.82, hops, 256 + hops * 128, parent,
                List.of());
    }

    static TopologySnapshot.Link link(String from, String to, boolean preferred) {
        return new TopologySnapshot.Link(from, to, -70, -74, 0.98, 0.97, 1.05, 30, preferred);
    }

    private static MeshGraph.Link linkOf(MeshGraph graph, String from, String to) {
        return graph.links().stream().filter(link -> graph.nodeId(link.from()).equals(from)
                && graph.nodeId(link.to()).equals(to)).findFirst().orElse(null);
    }

    @Test
    void theLatestMeshShowsALinkOnlyThePastKnewAsStale() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            store.insertTopology(before());
            store.insertTopology(after());
            MeshHistory history = new MeshHistory(store);

            MeshGraph latest = history.latest().orElseThrow();

            assertThat(latest.at()).isEqualTo(T1);
            assertThat(latest.nodeId(latest.parent(latest.indexOf("M-3")))).isEqualTo("M-2");
            assertThat(linkOf(latest, "M-3", "M-2").stale()).isFalse();
            assertThat(linkOf(latest, "M-3", "M-1").stale()).isTrue();
            assertThat(history.span()).contains(new MeshHistory.Span(T0, T1));
        }
    }

    @Test
    void aPastMomentShowsTheLinkOfThenAndNothingFromAfter() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            store.insertTopology(before());
            store.insertTopology(after());

            MeshGraph then = new MeshHistory(store).at(T0.plusSeconds(3_600)).orElseThrow();

            assertThat(then.at()).isEqualTo(T0);
            assertThat(then.nodeId(then.parent(then.indexOf("M-3")))).isEqualTo("M-1");
            assertThat(linkOf(then, "M-3", "M-1").stale()).isFalse();
            assertThat(linkOf(then, "M-3", "M-2")).isNull();
        }
    }

    @Test
    void holdsNothingBeforeItsFirstMesh() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            MeshHistory history = new MeshHistory(store);
            assertThat(history.span()).isEmpty();
            assertThat(history.latest()).isEmpty();

            store.insertTopology(after());

            assertThat(history.at(T0)).isEmpty();
            assertThat(history.span()).contains(new MeshHistory.Span(T1, T1));
        }
    }

    @Test
    void aDaysHistoryBetweenSnapshotsGivesTheRouteOfItsQuarterHour() {
        LocalDate day = LocalDate.parse("2026-06-02");
        TopologySnapshot start = before();
        TopologySnapshot moved = new TopologySnapshot(T0.plusSeconds(2 * 900), "GW", after().nodes(),
                after().links());
        byte[] mesh = MeshDayDocument.encode(new MeshDayBuilder(day, start).add(moved).build());
        DayDigest digest = new DayDigest(day, true, 0, HistoryDigests.eventsDigest(List.of()), 1,
                HistoryDigests.sha256(mesh), mesh.length);
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            store.replaceDay(digest, T0, T0.plusSeconds(86_400), null, mesh);
            MeshHistory history = new MeshHistory(store);

            MeshGraph early = history.at(T0.plusSeconds(900)).orElseThrow();
            MeshGraph late = history.at(T0.plusSeconds(3 * 900)).orElseThrow();

            assertThat(early.nodeId(early.parent(early.indexOf("M-3")))).isEqualTo("M-1");
            assertThat(late.at()).isEqualTo(T0.plusSeconds(2 * 900));
            assertThat(late.nodeId(late.parent(late.indexOf("M-3")))).isEqualTo("M-2");
            assertThat(linkOf(late, "M-3", "M-1").stale()).as("the day's first mesh knew it").isTrue();
            assertThat(history.span()).map(MeshHistory.Span::first).contains(T0);
            assertThat(history.days(day.minusDays(1), day)).hasSize(1);
        }
    }

    @Test
    void aMeshFromTheHistoryTakesFirmwareFromTheSnapshotBeforeIt() {
        LocalDate day = LocalDate.parse("2026-06-02");
        TopologySnapshot start = before();
        TopologySnapshot moved = new TopologySnapshot(T0.plusSeconds(2 * 900), "GW", after().nodes(),
                after().links());
        byte[] mesh = MeshDayDocument.encode(new MeshDayBuilder(day, start).add(moved).build());
        DayDigest digest = new DayDigest(day, true, 0, HistoryDigests.eventsDigest(List.of()), 1,
                HistoryDigests.sha256(mesh), mesh.length);
        TopologySnapshot told = new TopologySnapshot(T0.plusSeconds(60), "GW", before().nodes().stream()
                .map(node -> node.withRadioFacts("mt-1.8.0", 12)).toList(), before().links());
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            store.replaceDay(digest, T0, T0.plusSeconds(86_400), null, mesh);
            store.insertTopology(told);
            MeshHistory history = new MeshHistory(store);

            MeshGraph late = history.at(T0.plusSeconds(3 * 900)).orElseThrow();
            MeshGraph first = history.at(T0.plusSeconds(30)).orElseThrow();

            assertThat(late.at()).isEqualTo(T0.plusSeconds(2 * 900));
            assertThat(late.node(late.indexOf("M-3")).firmware()).isEqualTo("mt-1.8.0");
            assertThat(first.node(first.indexOf("M-3")).firmware()).as("the snapshot came after").isNull();
        }
    }

    @Test
    void readsAFewEarlierSnapshotsAnHourApartAtLeast() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            store.insertTopology(before());
            for (int minutes = 5; minutes < 60; minutes += 5) {
                TopologySnapshot pulled = after();
                store.insertTopology(new TopologySnapshot(T1.minusSeconds(60L * minutes), "GW", pulled.nodes(),
                        pulled.links()));
            }
            store.insertTopology(after());

            MeshGraph latest = new MeshHistory(store).latest().orElseThrow();

            assertThat(linkOf(latest, "M-3", "M-1").stale()).as("the pulls of the last hour do not hide the morning")
                    .isTrue();
        }
    }

    @Test
    void keepsAndForgetsPositionsPerLayout() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            MeshHistory history = new MeshHistory(store);
            history.savePosition("tree", "M-1", 3f, 4f);

            assertThat(history.positions("tree").get("M-1")).containsExactly(3f, 4f);
            assertThat(history.clearPositions("tree")).isEqualTo(1);
            assertThat(history.positions("tree")).isEmpty();
            assertThat(Optional.of(history.positions("map"))).contains(java.util.Map.of());
        }
    }
}

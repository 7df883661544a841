package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.site.EventKind;
import io.gridside.site.Meter;
import io.gridside.site.SiteEvent;
import io.gridside.site.TopologySnapshot;
import io.gridside.site.replay.SiteState;
import io.gridside.site.store.SiteStore;
import io.gridside.sim.month.MonthSpec;
import io.gridside.sim.month.SiteMonth;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A window of a simulated site's two days, written by the month generator with feeder F1 out from 18:30 to 21:30 on
 * the first evening, loaded as a replay with its lead-in, its meters, its gateway and its parents at the start.
 */
class StoredReplayTest {

    static final Instant OUTAGE = SiteMonth.START.plusSeconds(18 * 3600 + 30 * 60);

    @TempDir
    static Path cache;
    static Path database;

    @BeforeAll
    static void simulateTwoDays() {
        database = SiteMonth.obtain(new MonthSpec(60, 7, "feeder-outage", 2), cache);
    }

    @Test
    void loadsTheWindowWithADaysLeadInTheRosterAndTheGateway() {
        try (SiteStore store = SiteStore.openExisting(database)) {
            Instant from = OUTAGE.plusSeconds(3600);
            StoredReplay history = StoredReplay.load(store, from, from.plusSeconds(6 * 3600));

            assertThat(history.loadedFrom()).isEqualTo(from.minus(StoredReplay.LEAD_IN));
            assertThat(history.replay().meterIds()).hasSize(60).startsWith("M00001");
            assertThat(history.replay().gatewayId()).isEqualTo(store.gatewayId().orElseThrow());
            assertThat(history.zone()).isEqualTo(store.site().orElseThrow().zone());
            assertThat(history.replay().events()).isNotEmpty()
                    .allMatch(e -> !e.at().isBefore(history.loadedFrom()) && e.at().isBefore(history.to()));
        }
    }

    @Test
    void aLossInTheLeadInShowsAtTheWindowsStartAndItsRestoreLater() {
        try (SiteStore store = SiteStore.openExisting(database)) {
            Instant from = OUTAGE.plusSeconds(3600);
            StoredReplay history = StoredReplay.load(store, from, from.plusSeconds(6 * 3600));
            Set<String> cut = history.replay().events().stream().filter(e -> e.kind() == EventKind.POWER_LOSS)
                    .map(SiteEvent::source).collect(Collectors.toSet());

            SiteState atStart = history.replay().at(from);
            SiteState later = history.replay().at(from.plusSeconds(4 * 3600));

            assertThat(cut).isNotEmpty().hasSizeLessThan(60);
            assertThat(cut).allMatch(meter -> !atStart.powered(atStart.indexOf(meter)));
            assertThat(atStart.poweredCount()).isEqualTo(60 - cut.size());
            assertThat(later.poweredCount()).isEqualTo(60);
        }
    }

    @Test
    void takesTheParentsAtTheStartFromTheMeshHeldAtOrBeforeIt() {
        try (SiteStore store = SiteStore.openExisting(database)) {
            Instant from = SiteMonth.START.plusSeconds(36 * 3600);
            StoredReplay history = StoredReplay.load(store, from, from.plusSeconds(3600));
            TopologySnapshot mesh = StoredReplay.meshAtOrBefore(store, history.loadedFrom()).orElseThrow();
            List<String> meterIds = history.replay().meterIds();
            SiteState before = history.replay().at(history.loadedFrom().minusSeconds(1));

            assertThat(history.parentsAt()).contains(mesh.at());
            assertThat(mesh.at()).isBeforeOrEqualTo(history.loadedFrom());
            for (TopologySnapshot.Node node : mesh.nodes()) {
                int meter = meterIds.indexOf(node.id());
                if (meter >= 0 && node.parentId() != null) {
                    assertThat(before.parent(meter)).as(node.id()).isEqualTo(node.parentId());
                }
            }
        }
    }

    @Test
    void aWindowBeforeTheMeshHeldStartsUnderTheRostersParentsWithNoEvents() {
        try (SiteStore store = SiteStore.openExisting(database)) {
            Instant from = SiteMonth.START.minusSeconds(7 * 24 * 3600);
            StoredReplay history = StoredReplay.load(store, from, from.plusSeconds(3600));
            SiteState state = history.replay().at(from);

            assertThat(history.parentsAt()).isEmpty();
            assertThat(history.replay().events()).isEmpty();
            for (Meter meter : store.meters()) {
                String parent = meter.parentId() == null || meter.parentId().isBlank() ? null : meter.parentId();
                assertThat(state.parent(state.indexOf(meter.meterId()))).isEqualTo(parent);
            }
        }
    }

    @Test
    void refusesAWindowThatEndsBeforeItStarts() {
        try (SiteStore store = SiteStore.openExisting(database)) {
            assertThatThrownBy(() -> StoredReplay.load(store, OUTAGE, OUTAGE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be after");
        }
    }
}

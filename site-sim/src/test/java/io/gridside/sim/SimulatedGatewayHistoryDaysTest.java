package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.site.TopologySnapshot;
import io.gridside.site.history.DayDigest;
import io.gridside.site.history.HistoryDigests;
import io.gridside.site.history.MeshDay;
import io.gridside.site.history.MeshDayDocument;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The simulated gateway's history by site day: digests, and mesh histories that rebuild what it replays. */
class SimulatedGatewayHistoryDaysTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final int METERS = 200;

    private static SimulatedGateway gateway(SimClock clock) {
        return new SimulatedGateway(new SiteSpec(METERS, 7, 2, NOW), clock);
    }

    private static ZoneId zone(SimulatedGateway gateway) {
        return gateway.layout().site().zone();
    }

    @Test
    void meshHistoryRebuildsEachQuarterHourAsTheGatewayReplaysIt() {
        SimulatedGateway gateway = gateway(SimClock.manual(NOW));
        LocalDate yesterday = HistoryDigests.dayOf(NOW, zone(gateway)).minusDays(1);
        Instant dayStart = HistoryDigests.dayStart(yesterday, zone(gateway));

        MeshDay day = MeshDayDocument.decode(gateway.meshDay(yesterday));

        assertThat(day.start().at()).isEqualTo(dayStart);
        assertThat(day.steps()).hasSize(95);
        assertThat(day.steps()).anySatisfy(step -> assertThat(step.routes()).isNotEmpty());
        for (Duration after : List.of(Duration.ZERO, Duration.ofMinutes(15), Duration.ofMinutes(20),
                Duration.ofHours(6), Duration.ofHours(13).plusMinutes(45), Duration.ofHours(23).plusMinutes(59))) {
            Instant at = dayStart.plus(after);
            assertSameRoutesAndLinksInUse(day.meshAt(at), gateway.topologySnapshot(at));
        }
    }

    @Test
    void linksInUseAreSampledOnlyWhenTheyChange() {
        SimulatedGateway gateway = gateway(SimClock.manual(NOW));
        LocalDate yesterday = HistoryDigests.dayOf(NOW, zone(gateway)).minusDays(1);

        MeshDay day = MeshDayDocument.decode(gateway.meshDay(yesterday));

        long samples = day.steps().stream().mapToLong(step -> step.samples().size()).sum();
        assertThat(samples).isPositive().isLessThan((long) METERS * day.steps().size());
    }

    @Test
    void digestsSummariseEachDaysEventsAndMeshAsTheyAreFetched() {
        SimulatedGateway gateway = gateway(SimClock.manual(NOW));
        ZoneId zone = zone(gateway);
        LocalDate today = HistoryDigests.dayOf(NOW, zone);

        List<DayDigest> digests = gateway.dayDigests(null, null);

        assertThat(digests).extracting(DayDigest::day).containsExactly(today.minusDays(2), today.minusDays(1), today);
        assertThat(digests).extracting(DayDigest::complete).containsExactly(true, true, false);
        for (DayDigest digest : digests) {
            byte[] document = gateway.meshDay(digest.day());
            List<io.gridside.site.SiteEvent> events = gateway.events(HistoryDigests.dayStart(digest.day(), zone),
                    HistoryDigests.dayStart(digest.day().plusDays(1), zone));
            assertThat(digest.meshDigest()).isEqualTo(HistoryDigests.sha256(document));
            assertThat(digest.meshBytes()).isEqualTo(document.length);
            assertThat(digest.eventsDigest()).isEqualTo(HistoryDigests.eventsDigest(events));
            assertThat(digest.eventCount()).isEqualTo(events.size());
        }
    }

    @Test
    void aDayThatIsOverKeepsItsDigestWhileTodaysChangesAsTheMeshMovesOn() {
        SimClock.Manual clock = SimClock.manual(NOW);
        SimulatedGateway gateway = gateway(clock);
        LocalDate today = HistoryDigests.dayOf(NOW, zone(gateway));
        List<DayDigest> before = gateway.dayDigests(today.minusDays(1), today);

        clock.advance(Duration.ofHours(1));
        List<DayDigest> after = gateway.dayDigests(today.minusDays(1), today);

        assertThat(after.get(0)).isEqualTo(before.get(0));
        assertThat(after.get(1).sameMesh(before.get(1))).isFalse();
        assertThat(after.get(1).meshSteps()).isEqualTo(before.get(1).meshSteps() + 4);
    }

    @Test
    void refusesDaysOutsideItsHistory() {
        SimulatedGateway gateway = gateway(SimClock.manual(NOW));
        LocalDate today = HistoryDigests.dayOf(NOW, zone(gateway));

        assertThatThrownBy(() -> gateway.dayDigests(today.minusDays(5), today))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(today.minusDays(2).toString());
        assertThatThrownBy(() -> gateway.meshDay(today.plusDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
    }

    /** The routes of every radio, and the links in use at the history's resolution, are the gateway's. */
    static void assertSameRoutesAndLinksInUse(TopologySnapshot rebuilt, TopologySnapshot gateway) {
        assertThat(rebuilt.at()).isEqualTo(gateway.at());
        assertThat(rebuilt.nodes()).extracting(TopologySnapshot.Node::id, TopologySnapshot.Node::parentId,
                TopologySnapshot.Node::rank, TopologySnapshot.Node::hops)
                .containsExactlyElementsOf(gateway.nodes().stream().map(node -> org.assertj.core.groups.Tuple.tuple(
                        node.id(), node.parentId(), node.rank(), node.hops())).toList());
        Map<String, MeshDay.LinkSample> inUse = gateway.links().stream().filter(TopologySnapshot.Link::preferred)
                .map(MeshDay.LinkSample::of)
                .collect(Collectors.toMap(MeshDay.LinkSample::from, Function.identity()));
        assertThat(rebuilt.links()).map(MeshDay.LinkSample::of)
                .containsExactlyInAnyOrderElementsOf(inUse.values());
    }
}

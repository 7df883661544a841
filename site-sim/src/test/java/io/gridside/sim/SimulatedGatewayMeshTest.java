package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.sim.rf.GeoPoint;
import io.gridside.sim.rf.MeshTopology;
import io.gridside.site.MeterStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SimulatedGatewayMeshTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final int METERS = 120;

    private static SimulatedGateway gateway(SimClock clock) {
        return new SimulatedGateway(new SiteSpec(METERS, 4, 2, NOW), clock);
    }

    @Test
    void meterStatusShowsEachMetersParentAndItsSignalNow() {
        SimulatedGateway gateway = gateway(SimClock.manual(NOW));

        MeshTopology topology = gateway.topology();
        Map<String, MeshTopology.Link> toParent = topology.links().stream().filter(MeshTopology.Link::preferred)
                .collect(Collectors.toMap(MeshTopology.Link::from, Function.identity()));

        assertThat(topology.at()).isEqualTo(Instant.parse("2026-06-03T09:00:00Z"));
        for (MeterStatus status : gateway.meterStatus()) {
            MeshTopology.Link link = toParent.get(status.meterId());
            assertThat(link).as("the link from %s to its parent", status.meterId()).isNotNull();
            assertThat(status.parentId()).isEqualTo(link.to());
            assertThat(status.rssiDbm()).isEqualTo(SiteGenerator.rssiDbm(link.reverseRssiDbm()));
        }
    }

    @Test
    void topologyListsEveryRadioWithItsPlaceAndRoute() {
        MeshTopology topology = gateway(SimClock.manual(NOW)).topology();

        assertThat(topology.nodes()).hasSize(METERS + 1);
        assertThat(topology.nodes().get(METERS).id()).isEqualTo(topology.gatewayId());
        assertThat(topology.nodes().get(METERS).hops()).isZero();
        assertThat(topology.nodes()).allSatisfy(node -> {
            assertThat(node.position().latitude()).isBetween(-1.0, 0.0);
            assertThat(node.position().longitude()).isBetween(34.0, 35.0);
        });
        assertThat(topology.links()).hasSizeGreaterThan(METERS * 5);
    }

    @Test
    void sameSpecGivesTheSameMeshAndThePastReplaysAsItWas() {
        SimClock.Manual clock = SimClock.manual(NOW);
        SimulatedGateway gateway = gateway(clock);
        MeshTopology then = gateway.topology();

        clock.advance(Duration.ofHours(30));

        assertThat(gateway.topology(NOW)).isEqualTo(then);
        assertThat(gateway.topology()).isEqualTo(gateway(SimClock.manual(NOW.plus(Duration.ofHours(30))))
                .topology(NOW.plus(Duration.ofHours(30))));
        assertThat(gateway.topology(NOW.minus(Duration.ofDays(1)))).isNotEqualTo(then);
        assertThatThrownBy(() -> gateway.topology(NOW.minus(Duration.ofDays(3))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void interferenceWorsensLinksNearItWhileItLasts() {
        SimClock.Manual clock = SimClock.manual(NOW);
        SimulatedGateway noisy = gateway(clock);
        SimulatedGateway quiet = gateway(clock);
        GeoPoint centre = noisy.layout().mesh().village().meter(10);
        noisy.interfere(centre, 150, 20, NOW, NOW.plus(Duration.ofHours(1)));

        clock.advance(Duration.ofMinutes(15));

        double noisyEtx = meanEtx(noisy.topology());
        double quietEtx = meanEtx(quiet.topology());
        assertThat(noisyEtx).isGreaterThan(quietEtx);
        clock.advance(Duration.ofHours(1));
        assertThat(meanEtx(noisy.topology())).isEqualTo(meanEtx(quiet.topology()));
    }

    @Test
    void interferenceSetInThePastLeavesTheMeshsHistoryAsItWas() {
        SimClock.Manual clock = SimClock.manual(NOW);
        SimulatedGateway gateway = gateway(clock);
        MeshTopology yesterday = gateway.topology(NOW.minus(Duration.ofDays(1)));
        MeshTopology now = gateway.topology();
        GeoPoint centre = gateway.layout().mesh().village().meter(10);

        gateway.interfere(centre, 150, 20, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofHours(1)));

        assertThat(gateway.topology(NOW.minus(Duration.ofDays(1)))).isEqualTo(yesterday);
        assertThat(gateway.topology()).isEqualTo(now);
        assertThatThrownBy(() -> gateway.interfere(centre, 150, 20, NOW.minus(Duration.ofDays(1)),
                NOW.minus(Duration.ofHours(1)))).isInstanceOf(IllegalArgumentException.class);
        clock.advance(Duration.ofMinutes(15));
        assertThat(meanEtx(gateway.topology())).isGreaterThan(meanEtx(now));
    }

    @Test
    void childrenOfASilentRepeaterFindOtherParents() {
        SimClock.Manual clock = SimClock.manual(NOW);
        SimulatedGateway gateway = gateway(clock);
        MeshTopology before = gateway.topology();
        String repeater = before.nodes().stream().map(MeshTopology.Node::parentId).filter(Objects::nonNull)
                .filter(parent -> !parent.equals(before.gatewayId())).findFirst().orElseThrow();
        gateway.silenceRadio(repeater, NOW, NOW.plus(Duration.ofHours(6)));

        clock.advance(Duration.ofHours(1));

        List<MeterStatus> statuses = gateway.meterStatus();
        assertThat(statuses).noneMatch(status -> status.parentId().equals(repeater));
        assertThat(gateway.topology().nodes()).filteredOn(node -> node.id().equals(repeater))
                .singleElement().satisfies(node -> assertThat(node.routed()).isFalse());
    }

    private static double meanEtx(MeshTopology topology) {
        return topology.links().stream().mapToDouble(link -> Math.min(link.etx(), 10)).average().orElseThrow();
    }
}

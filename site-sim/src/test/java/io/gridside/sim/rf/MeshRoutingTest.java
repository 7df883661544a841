package io.gridside.sim.rf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MeshRoutingTest {

    private static final MeshPlan PLAN = TestVillages.plan(3, 200);
    private static final int DAY = 96;

    @ParameterizedTest
    @ValueSource(longs = {3, 7, 42})
    void everyMeterReachesTheGatewayAlongRisingRanks(long seed) {
        MeshTopology topology = TestVillages.started(TestVillages.plan(seed, 200)).topology();

        assertThat(topology.nodes()).allMatch(MeshTopology.Node::routed);
        assertTreeRootedAtGateway(topology);
    }

    @Test
    void meshUsesRepeatersAndAlternates() {
        MeshTopology topology = TestVillages.started(PLAN).topology();

        assertThat(topology.nodes()).anyMatch(node -> node.hops() >= 2);
        assertThat(topology.nodes()).anyMatch(node -> node.hops() == 1);
        assertThat(topology.nodes().stream().filter(node -> !node.alternates().isEmpty()).count())
                .as("meters with an alternate parent").isGreaterThan(100);
    }

    @Test
    void topologyChangesOverASimulatedWeekWithoutLoops() {
        MeshNetwork network = TestVillages.started(PLAN);
        Map<String, String> parents = parents(network.topology());
        int changes = 0;

        for (int quarter = 1; quarter <= 7 * DAY; quarter++) {
            network.update(TestVillages.quarter(quarter));
            MeshTopology topology = network.topology();
            Map<String, String> now = parents(topology);
            changes += countChanges(parents, now);
            parents = now;
            if (quarter % 24 == 0) {
                assertTreeRootedAtGateway(topology);
            }
        }

        assertThat(changes).as("parent changes in a week among 200 meters").isBetween(20, 2000);
    }

    @Test
    void hysteresisKeepsMetersFromFlappingBetweenParents() {
        int steady = parentChanges(new MeshNetwork(PLAN), 2 * DAY);
        int eager = parentChanges(new MeshNetwork(PLAN, 0), 2 * DAY);

        assertThat(steady).as("changes with hysteresis, against %d without", eager).isLessThan(eager / 2);
    }

    @Test
    void childrenLeaveAParentThatGoesSilent() {
        MeshNetwork network = TestVillages.started(PLAN);
        String repeater = busiestRepeater(network.topology());
        List<String> children = childrenOf(network.topology(), repeater);
        network.silence(repeater, TestVillages.quarter(1), TestVillages.quarter(20));

        for (int quarter = 1; quarter <= RplRouting.STALE_TICKS + 1; quarter++) {
            network.update(TestVillages.quarter(quarter));
        }

        MeshTopology topology = network.topology();
        assertThat(node(topology, repeater).routed()).isFalse();
        assertThat(children).allSatisfy(child -> {
            assertThat(node(topology, child).parentId()).isNotEqualTo(repeater);
            assertThat(node(topology, child).routed()).isTrue();
        });
        assertTreeRootedAtGateway(topology);
    }

    @Test
    void aMeterLeavesAParentWhoseReceiverIsJammed() {
        MeshNetwork network = TestVillages.started(PLAN);
        String repeater = busiestRepeater(network.topology());
        String child = childrenOf(network.topology(), repeater).get(0);
        network.environment().interfere(PLAN.position(PLAN.indexOf(repeater)), 1, 30, TestVillages.quarter(1),
                TestVillages.quarter(1).plus(Duration.ofHours(2)));

        network.update(TestVillages.quarter(1));

        assertThat(node(network.topology(), child).parentId()).isNotEqualTo(repeater);
        assertThat(node(network.topology(), child).routed()).isTrue();
    }

    @Test
    void neighbourTablesAgeWhileANeighbourIsSilent() {
        MeshNetwork network = TestVillages.started(PLAN);
        String repeater = busiestRepeater(network.topology());
        network.silence(repeater, TestVillages.quarter(1), TestVillages.quarter(20));

        for (int quarter = 1; quarter <= 4; quarter++) {
            network.update(TestVillages.quarter(quarter));
        }

        assertThat(network.topology().links()).filteredOn(link -> link.to().equals(repeater)).isNotEmpty()
                .allSatisfy(link -> assertThat(link.lastHeardAgeSeconds()).isGreaterThanOrEqualTo(4 * 900));
        assertThat(network.topology().links()).filteredOn(MeshTopology.Link::preferred)
                .allSatisfy(link -> assertThat(link.lastHeardAgeSeconds()).isBetween(0L, 1800L));
    }

    static void assertTreeRootedAtGateway(MeshTopology topology) {
        Map<String, MeshTopology.Node> byId = new HashMap<>();
        topology.nodes().forEach(node -> byId.put(node.id(), node));
        for (MeshTopology.Node start : topology.nodes()) {
            if (!start.routed() || start.id().equals(topology.gatewayId())) {
                continue;
            }
            MeshTopology.Node node = start;
            int steps = 0;
            while (!node.id().equals(topology.gatewayId())) {
                MeshTopology.Node parent = byId.get(node.parentId());
                assertThat(parent).as("parent of %s on %s's route", node.id(), start.id()).isNotNull();
                assertThat(parent.rank()).as("rank of %s's parent", node.id()).isLessThan(node.rank());
                assertThat(parent.hops()).isEqualTo(node.hops() - 1);
                node = parent;
                assertThat(++steps).as("hops from %s", start.id()).isLessThanOrEqualTo(topology.nodes().size());
            }
            for (String alternate : start.alternates()) {
                assertThat(byId.get(alternate).rank()).isLessThan(start.rank());
            }
        }
    }

    static String busiestRepeater(MeshTopology topology) {
        Map<String, Integer> children = new HashMap<>();
        topology.nodes().stream().map(MeshTopology.Node::parentId).filter(Objects::nonNull)
                .filter(parent -> !parent.equals(topology.gatewayId()))
                .forEach(parent -> children.merge(parent, 1, Integer::sum));
        return children.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).orElseThrow().getKey();
    }

    private static List<String> childrenOf(MeshTopology topology, String parent) {
        return topology.nodes().stream().filter(node -> parent.equals(node.parentId())).map(MeshTopology.Node::id)
                .toList();
    }

    private static MeshTopology.Node node(MeshTopology topology, String id) {
        return topology.nodes().stream().filter(node -> node.id().equals(id)).findFirst().orElseThrow();
    }

    private static int parentChanges(MeshNetwork network, int quarters) {
        network.update(TestVillages.START);
        Map<String, String> parents = parents(network.topology());
        int changes = 0;
        for (int quarter = 1; quarter <= quarters; quarter++) {
            network.update(TestVillages.quarter(quarter));
            Map<String, String> now = parents(network.topology());
            changes += countChanges(parents, now);
            parents = now;
        }
        return changes;
    }

    private static Map<String, String> parents(MeshTopology topology) {
        Map<String, String> parents = new HashMap<>();
        topology.nodes().forEach(node -> parents.put(node.id(), node.parentId()));
        return parents;
    }

    private static int countChanges(Map<String, String> before, Map<String, String> after) {
        return (int) before.keySet().stream().filter(id -> !Objects.equals(before.get(id), after.get(id))).count();
    }
}

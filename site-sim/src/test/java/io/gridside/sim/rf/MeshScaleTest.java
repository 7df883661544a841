package io.gridside.sim.rf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A large site's mesh through a simulated day: it must stay a tree that reaches nearly every meter. */
@Tag("long")
class MeshScaleTest {

    private static final Logger LOG = LoggerFactory.getLogger(MeshScaleTest.class);
    private static final int METERS = 5_000;

    @Test
    void fiveThousandMetersRouteThroughASimulatedDay() {
        long buildStart = System.nanoTime();
        MeshPlan plan = TestVillages.plan(42, METERS);
        MeshNetwork network = TestVillages.started(plan);
        long updateStart = System.nanoTime();

        for (int quarter = 1; quarter <= 96; quarter++) {
            network.update(TestVillages.quarter(quarter));
        }
        long end = System.nanoTime();

        MeshTopology topology = network.topology();
        long routed = topology.nodes().stream().filter(MeshTopology.Node::routed).count();
        int deepest = topology.nodes().stream().mapToInt(MeshTopology.Node::hops).max().orElseThrow();
        LOG.info("A mesh of {} meters built in {} ms and updated in {} ms a quarter hour on average; {} routed, "
                + "{} hops at most.", METERS, (updateStart - buildStart) / 1_000_000,
                (end - updateStart) / 96 / 1_000_000.0, routed, deepest);
        assertThat(routed).isGreaterThanOrEqualTo(METERS * 99L / 100);
        assertThat(deepest).isBetween(4, 40);
        MeshRoutingTest.assertTreeRootedAtGateway(topology);
    }
}

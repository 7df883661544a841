package io.gridside.console.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.CreditState;
import io.gridside.site.Meter;
import io.gridside.site.MeterStatus;
import io.gridside.site.RelayState;
import io.gridside.site.TopologySnapshot;
import io.gridside.site.mesh.LinkQuality;
import io.gridside.site.mesh.MeshGraph;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a graph and its radios' facts become the scene the mesh view draws. */
class MeshSceneBuilderTest {

    static final Instant NOW = Instant.parse("2026-06-03T09:00:00Z");
    static final int GOOD = 0xff00aa00;
    static final int FAIR = 0xffaaaa00;
    static final int WEAK = 0xffaa5500;
    static final int UNUSABLE = 0xffaa0000;
    static final int STALE = 0xff888888;
    static final int ROOT = 0xff000000;
    static final MeshSceneBuilder.Colours COLOURS = new MeshSceneBuilder.Colours(GOOD, FAIR, WEAK, UNUSABLE, STALE,
            ROOT, new int[] {0xff000001, 0xff000002, 0xff000003, 0xff000004});

    private final MeshSceneBuilder builder = new MeshSceneBuilder(COLOURS, LinkQuality.DEFAULTS);

    /** GW <- M-1 <- M-2, M-3 under GW; M-2's link to M-1 is heard well by M-1 but M-2 hears M-1 weakly. */
    static TopologySnapshot now() {
        return new TopologySnapshot(NOW, "GW", List.of(
                new TopologySnapshot.Node("GW", -1.29, 36.82, 0, 256, null, List.of(), "gw-2.4.1", 900),
                new TopologySnapshot.Node("M-1", -1.291, 36.82, 1, 384, "GW", List.of(), "mt-1.8.0", 300),
                new TopologySnapshot.Node("M-2", -1.292, 36.82, 2, 512, "M-1", List.of(), "mt-1.7.2", 40),
                new TopologySnapshot.Node("M-3", -1.29, 36.821, 1, 384, "GW", List.of(), "mt-1.8.0", 20)),
                List.of(new TopologySnapshot.Link("M-1", "GW", -65, -66, 0.99, 0.99, 1.02, 10, true),
                        new TopologySnapshot.Link("M-2", "M-1", -70, -92, 0.98, 0.7, 1.9, 10, true),
                        new TopologySnapshot.Link("M-3", "GW", -80, -81, 0.9, 0.9, 1.3, 7_200, true)));
    }

    /** An hour before: M-2 also heard M-3, a link gone now. */
    static TopologySnapshot before() {
        return new TopologySnapshot(NOW.minusSeconds(3_600), "GW", now().nodes(),
                List.of(new TopologySnapshot.Link("M-2", "M-3", -85, -86, 0.9, 0.9, 1.5, 20, false)));
    }

    static MeterStatus status(String meter, String customer, CreditState state, Instant lastReading) {
        return new MeterStatus(meter, customer, "Name of " + customer, 1_000, "KES", lastReading, 0, -70, null,
                RelayState.ON, state);
    }

    static MeshFacts facts() {
        MeshGraph graph = MeshGraph.of(now(), List.of(before()));
        return MeshFacts.of(graph, List.of(status("M-1", "C-1", CreditState.ACTIVE, NOW),
                status("M-2", "C-2", CreditState.DISCONNECTED, NOW.minusSeconds(7_200)),
                status("M-3", "C-3", CreditState.LOW, NOW)),
                List.of(new Meter("M-1", "SN-111", "C-1", "GW", -65), new Meter("M-2", "SN-222", "C-2", "M-1", -70),
                        new Meter("M-3", "SN-333", "C-3", "GW", -80)), true);
    }

    private static int link(MeshScene scene, MeshFacts facts, String from, String to) {
        for (int l = 0; l < scene.linkCount(); l++) {
            if (facts.meterId(scene.linkFrom()[l]).equals(from) && facts.meterId(scene.linkTo()[l]).equals(to)) {
                return l;
            }
        }
        throw new AssertionError("no link " + from + " -> " + to);
    }

    @Test
    void colourEachHalfOfALinkByTheGradeOfItsOwnDirection() {
        MeshFacts facts = facts();
        MeshScene scene = builder.build(facts, MeshSceneBuilder.NodeColouring.ONLINE,
                MeshSceneBuilder.LinkColouring.SIGNAL, MeshFilter.NONE, true).scene();

        int l = link(scene, facts, "M-2", "M-1");
        assertThat(scene.forwardColors()[l]).isEqualTo(GOOD);
        assertThat(scene.reverseColors()[l]).as("M-2 hears M-1 at -92 dBm and 70 %").isEqualTo(WEAK);
        assertThat(scene.linkFlags()[l] & MeshScene.PREFERRED).isNotZero();
    }

    @Test
    void colourBothHalvesByEtxWhenAsked() {
        MeshFacts facts = facts();
        MeshScene scene = builder.build(facts, MeshSceneBuilder.NodeColouring.ONLINE,
                MeshSceneBuilder.LinkColouring.ETX, MeshFilter.NONE, true).scene();

        int l = link(scene, facts, "M-2", "M-1");
        assertThat(scene.forwardColors()[l]).isEqualTo(FAIR).isEqualTo(scene.reverseColors()[l]);
        assertThat(scene.forwardColors()[link(scene, facts, "M-1", "GW")]).isEqualTo(GOOD);
    }

    @Test
    void marksALinkOnlyThePastKnowsStaleAndFadesOldLinks() {
        MeshFacts facts = facts();
        MeshScene scene = builder.build(facts, MeshSceneBuilder.NodeColouring.ONLINE,
                MeshSceneBuilder.LinkColouring.SIGNAL, MeshFilter.NONE, true).scene();

        int stale = link(scene, facts, "M-2", "M-3");
        assertThat(scene.linkFlags()[stale] & MeshScene.STALE).isNotZero();
        assertThat(scene.linkFlags()[stale] & MeshScene.PREFERRED).isZero();
        assertThat(scene.forwardColors()[stale] & 0x00ffffff).isEqualTo(STALE & 0x00ffffff);
        int old = link(scene, facts, "M-3", "GW");
        assertThat(scene.forwardColors()[old] >>> 24).as("heard two hours ago").isLessThan(0xff).isGreaterThan(0x40);
        assertThat(scene.forwardColors()[link(scene, facts, "M-1", "GW")] >>> 24).isEqualTo(0xff);
    }

    @Test
    void showsOnlyRoutesUnlessAskedForEveryLink() {
        MeshFacts facts = facts();
        MeshScene scene = builder.build(facts, MeshSceneBuilder.NodeColouring.ONLINE,
                MeshSceneBuilder.LinkColouring.SIGNAL, MeshFilter.NONE, false).scene();

        assertThat(scene.forwardColors()[link(scene, facts, "M-2", "M-1")]).isEqualTo(GOOD);
        int neighbourOnly = link(scene, facts, "M-2", "M-3");
        assertThat(scene.forwardColors()[neighbourOnly] >>> 24).as("a stale entry that was never a route").isZero();
        assertThat(scene.reverseColors()[neighbourOnly] >>> 24).isZero();
    }

    @Test
    void fadesFromFullWithinAnHourToAQuarterAtADay() {
        assertThat(MeshSceneBuilder.fade(-1)).isEqualTo(1.0);
        assertThat(MeshSceneBuilder.fade(3_600)).isEqualTo(1.0);
        assertThat(MeshSceneBuilder.fade(86_400)).isEqualTo(0.25);
        assertThat(MeshSceneBuilder.fade(10 * 86_400)).isEqualTo(0.25);
        assertThat(MeshSceneBuilder.fade(45_000)).isStrictlyBetween(0.25, 1.0);
    }

    @Test
    void coloursRadiosByTheFactChosenAndTheGatewayApart() {
        MeshFacts facts = facts();
        MeshSceneBuilder.Built online = builder.build(facts, MeshSceneBuilder.NodeColouring.ONLINE,
                MeshSceneBuilder.LinkColouring.SIGNAL, MeshFilter.NONE, true);
        MeshSceneBuilder.Built credit = builder.build(facts, MeshSceneBuilder.NodeColouring.CREDIT,
                MeshSceneBuilder.LinkColouring.SIGNAL, MeshFilter.NONE, true);
        MeshSceneBuilder.Built firmware = builder.build(facts, MeshSceneBuilder.NodeColouring.FIRMWARE,
                MeshSceneBuilder.LinkColouring.SIGNAL, MeshFilter.NONE, true);

        int gw = facts.graph().indexOf("GW");
        int m1 = facts.graph().indexOf("M-1");
        int m2 = facts.graph().indexOf("M-2");
        int m3 = facts.graph().indexOf("M-3");
        assertThat(online.scene().nodeColors()[gw]).isEqualTo(ROOT);
        assertThat(online.scene().nodeFlags()[gw] & MeshScene.ROOT).isNotZero();
        assertThat(online.scene().nodeColors()[m1]).isEqualTo(GOOD);
        assertThat(online.scene().nodeColors()[m2]).as("last read two hours ago").isEqualTo(UNUSABLE);
        assertThat(credit.scene().nodeColors()[m2]).isEqualTo(UNUSABLE);
        assertThat(credit.scene().nodeColors()[m3]).isEqualTo(FAIR);
        assertThat(firmware.scene().nodeColors()[m1]).as("the most common version first")
                .isEqualTo(COLOURS.category(0)).isEqualTo(firmware.scene().nodeColors()[m3]);
        assertThat(firmware.scene().nodeColors()[m2]).isEqualTo(COLOURS.category(1));
        assertThat(firmware.legend()).extracting(MeshSceneBuilder.LegendEntry::label).startsWith("mt-1.8.0",
                "mt-1.7.2");
        assertThat(online.scene().labels()[m2]).isEqualTo("M-2");
    }

    @Test
    void dimsTheRadiosAFilterRejectsAndTheirLinks() {
        MeshFacts facts = facts();
        MeshScene scene = builder.build(facts, MeshSceneBuilder.NodeColouring.HOPS,
                MeshSceneBuilder.LinkColouring.SIGNAL, MeshFilter.parse("hops>=2"), true).scene();

        assertThat(scene.nodeFlags()[facts.graph().indexOf("M-2")] & MeshScene.DIMMED).isZero();
        assertThat(scene.nodeFlags()[facts.graph().indexOf("M-1")] & MeshScene.DIMMED).isNotZero();
        assertThat(scene.nodeFlags()[facts.graph().indexOf("GW")] & MeshScene.DIMMED).isZero();
        assertThat(scene.linkFlags()[link(scene, facts, "M-3", "GW")] & MeshScene.DIMMED).isNotZero();
    }
}

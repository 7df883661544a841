package io.gridside.console.commission;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.mesh.MeshPalette;
import io.gridside.console.mesh.MeshScene;
import io.gridside.site.commission.LinkSuggestion;
import io.gridside.site.commission.LinkVerdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The link check as the mesh view draws it on the commissioning day. */
class CommissionMeshTest {

    private static final MeshPalette PALETTE = MeshPalette.fallback();

    private static CommissionOverview.Link link(String serial, LinkVerdict verdict, double latitude,
            double longitude) {
        return new CommissionOverview.Link(serial, verdict, verdict == LinkVerdict.PASS ? "" : "weak",
                verdict == LinkVerdict.PASS ? "" : "move it", verdict == LinkVerdict.PASS ? "" : "weak",
                verdict == LinkVerdict.PASS ? "" : "move", latitude, longitude);
    }

    @Test
    void coloursEachMeterByItsVerdictAndRingsAndNamesOnlyThoseToActOn() {
        List<CommissionOverview.Link> links = List.of(link("SM1", LinkVerdict.PASS, -1.000, 36.000),
                link("SM2", LinkVerdict.ATTENTION, -1.001, 36.001), link("SM3", LinkVerdict.FAIL, -1.002, 36.000));

        CommissionMesh mesh = CommissionMesh.of(links, List.of(), PALETTE);
        MeshScene scene = mesh.scene();

        assertThat(scene.nodeCount()).isEqualTo(3);
        assertThat(scene.nodeColors()).containsExactly(PALETTE.good(), PALETTE.weak(), PALETTE.unusable());
        assertThat(scene.labels()).containsExactly(null, "SM2", "SM3");
        assertThat(mesh.marked()).containsExactly(1, 2);
        assertThat(scene.nodeFlags()[0] & MeshScene.HIGHLIGHTED).isZero();
        assertThat(mesh.nodeOf("SM3")).isEqualTo(2);
        assertThat(mesh.links().get(2).suggestion()).isEqualTo("move it");
    }

    @Test
    void placesTheMetersAsTheyStandNorthUp() {
        CommissionMesh mesh = CommissionMesh.of(List.of(link("SM1", LinkVerdict.PASS, -1.000, 36.000),
                link("SM2", LinkVerdict.PASS, -1.001, 36.002)), List.of(), PALETTE);

        float[] x = mesh.scene().x();
        float[] y = mesh.scene().y();
        assertThat(x[1] - x[0]).as("the second meter lies about 220 m east").isBetween(200f, 245f);
        assertThat(y[1] - y[0]).as("and about 110 m south, which is down").isBetween(100f, 123f);
    }

    @Test
    void showsASuggestedRepeaterAsAPointOfItsOwnBetweenItsMeters() {
        List<CommissionOverview.Link> links = List.of(link("SM1", LinkVerdict.ATTENTION, -1.000, 36.000),
                link("SM2", LinkVerdict.ATTENTION, -1.002, 36.000));
        CommissionOverview.Remedy repeater = new CommissionOverview.Remedy(LinkSuggestion.Kind.ADD_REPEATER,
                List.of("SM1", "SM2"), -1.001, 36.000, "add a repeater");
        CommissionOverview.Remedy antenna = new CommissionOverview.Remedy(LinkSuggestion.Kind.MOVE_ANTENNA,
                List.of("SM1"), -1.000, 36.000, "move the antenna");

        CommissionMesh mesh = CommissionMesh.of(links, List.of(repeater, antenna), PALETTE);
        MeshScene scene = mesh.scene();

        assertThat(scene.nodeCount()).isEqualTo(3);
        assertThat(mesh.meters()).containsExactly("SM1", "SM2", null);
        assertThat(scene.labels()[2]).isEqualTo(CommissionTexts.text("mesh.repeater"));
        assertThat(scene.y()[2]).isStrictlyBetween(scene.y()[0], scene.y()[1]);
        assertThat(mesh.marked()).containsExactly(0, 1);
    }
}

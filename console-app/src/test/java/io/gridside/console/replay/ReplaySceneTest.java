package io.gridside.console.replay;

import static io.gridside.console.replay.ReplaySites.hours;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.mesh.MeshPalette;
import io.gridside.console.mesh.MeshScene;
import io.gridside.site.replay.SiteState;
import org.junit.jupiter.api.Test;

class ReplaySceneTest {

    private final ReplayWindow window = ReplaySites.window(null);
    private final ReplayScene replayScene = ReplayScene.of(window);
    private final ReplayScene.Colours colours = ReplayScene.Colours.of(MeshPalette.fallback());

    @Test
    void laysTheGatewayInTheMiddleAndEveryMeterOutsideIt() {
        MeshScene scene = replayScene.scene();

        assertThat(scene.nodeCount()).isEqualTo(4);
        assertThat(scene.x()[0]).isZero();
        assertThat(scene.y()[0]).isZero();
        for (int radio = 1; radio < 4; radio++) {
            assertThat(Math.hypot(scene.x()[radio], scene.y()[radio])).isPositive();
        }
    }

    @Test
    void showsTheGatewayDownDuringItsReboot() {
        SiteState rebooting = window.states().at(hours(3).plusSeconds(60));

        replayScene.paint(rebooting, colours);

        assertThat(replayScene.scene().labels()[0]).isEqualTo("GW-1 (down)");
        assertThat(replayScene.scene().nodeColors()[0]).isEqualTo(colours.gatewayDown());
        assertThat(replayScene.scene().nodeColors()[1]).isEqualTo(colours.silent());
    }

    @Test
    void colorsAMeterWhoseRelayBillingHeldAsHeldNotAsOut() {
        replayScene.paint(window.states().at(hours(4.5)), colours);

        assertThat(replayScene.scene().nodeColors()[1]).isEqualTo(colours.billing());
        assertThat(replayScene.scene().nodeColors()[2]).isEqualTo(colours.talking());
    }

    @Test
    void routesEachMeterOverTheParentItHadAtTheInstant() {
        MeshScene scene = replayScene.scene();

        replayScene.paint(window.states().at(hours(4.5)), colours);
        assertThat(scene.linkTo()[2]).isEqualTo(1);

        replayScene.paint(window.states().at(hours(5.5)), colours);
        assertThat(scene.linkFrom()[2]).isEqualTo(3);
        assertThat(scene.linkTo()[2]).isEqualTo(2);
        assertThat(scene.linkFlags()[2] & MeshScene.PREFERRED).isNotZero();
    }
}

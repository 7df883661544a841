package io.gridside.sim.rf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RadioLinkTest {

    private static final MeshPlan PLAN = TestVillages.plan(3, 200);

    @Test
    void etxIsOneOverTheChanceBothDirectionsGetThrough() {
        assertThat(RadioModel.etx(1, 1)).isEqualTo(1.0);
        assertThat(RadioModel.etx(0.5, 0.8)).isCloseTo(2.5, within(1e-12));
        assertThat(RadioModel.etx(0.01, 0.01)).isEqualTo(RadioModel.MAX_ETX);
    }

    @Test
    void packetSuccessRisesWithSignalToNoise() {
        assertThat(RadioModel.packetSuccess(RadioModel.SNR_HALF_DB)).isCloseTo(0.5, within(1e-12));
        assertThat(RadioModel.packetSuccess(-5)).isLessThan(0.01);
        assertThat(RadioModel.packetSuccess(15)).isGreaterThan(0.99);
        assertThat(RadioModel.packetSuccess(6)).isGreaterThan(RadioModel.packetSuccess(5));
    }

    @Test
    void everyLinksEtxComesFromItsTwoPacketSuccessRates() {
        List<MeshTopology.Link> links = TestVillages.started(PLAN).topology().links();

        assertThat(links).isNotEmpty().allSatisfy(link -> assertThat(link.etx())
                .isCloseTo(RadioModel.etx(link.forwardPsr(), link.reversePsr()), within(1e-9)));
    }

    @Test
    void manyLinksAreSeveralDecibelsStrongerOneWayThanTheOther() {
        List<MeshTopology.Link> links = TestVillages.started(PLAN).topology().links();

        long forwardStronger = links.stream().filter(l -> l.forwardRssiDbm() - l.reverseRssiDbm() >= 3).count();
        long reverseStronger = links.stream().filter(l -> l.reverseRssiDbm() - l.forwardRssiDbm() >= 3).count();

        assertThat(forwardStronger).as("links 3 dB stronger forward").isGreaterThan(links.size() / 10);
        assertThat(reverseStronger).as("links 3 dB stronger in reverse").isGreaterThan(links.size() / 10);
    }

    @Test
    void bothEndsOfALinkSeeTheSameSignalsFromTheirOwnSide() {
        MeshTopology topology = TestVillages.started(PLAN).topology();

        int checked = 0;
        for (MeshTopology.Link link : topology.links()) {
            for (MeshTopology.Link back : topology.links()) {
                if (back.from().equals(link.to()) && back.to().equals(link.from())) {
                    assertThat(back.forwardRssiDbm()).isEqualTo(link.reverseRssiDbm());
                    assertThat(back.reverseRssiDbm()).isEqualTo(link.forwardRssiDbm());
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void signalDriftsSlowlyOverHours() {
        double now = Shadowing.drift(3, 1, 2, 1_780_000_000L);
        double quarterLater = Shadowing.drift(3, 1, 2, 1_780_000_900L);

        assertThat(Math.abs(quarterLater - now)).isLessThan(1.5);
        assertThat(Shadowing.drift(3, 2, 1, 1_780_000_000L)).isEqualTo(now);
    }
}

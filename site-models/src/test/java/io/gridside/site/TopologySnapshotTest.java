package io.gridside.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A topology snapshot refuses routes and links that cannot be, and names the radio that broke the rule. */
class TopologySnapshotTest {

    private static final Instant AT = Instant.parse("2026-06-01T18:15:00Z");
    private static final TopologySnapshot.Node GATEWAY =
            new TopologySnapshot.Node("GW-1", -1.28, 36.82, 0, 256, null, List.of());
    private static final TopologySnapshot.Node METER =
            new TopologySnapshot.Node("M-1", -1.281, 36.821, 1, 512, "GW-1", List.of());
    private static final TopologySnapshot.Link UPLINK =
            new TopologySnapshot.Link("M-1", "GW-1", -71.5, -68.25, 0.97, 0.99, 1.04, 45, true);

    @Test
    void listsNodesBeforeLinks() {
        TopologySnapshot snapshot = new TopologySnapshot(AT, "GW-1", List.of(METER, GATEWAY), List.of(UPLINK));

        assertThat(snapshot.items()).containsExactly(METER, GATEWAY, UPLINK);
    }

    @Test
    void refusesALinkToARadioItDoesNotHave() {
        assertThatThrownBy(() -> new TopologySnapshot(AT, "GW-1", List.of(METER), List.of(UPLINK)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("M-1 -> GW-1");
    }

    @Test
    void refusesARadioListedTwice() {
        assertThatThrownBy(() -> new TopologySnapshot(AT, "GW-1", List.of(METER, GATEWAY, METER), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("M-1 appears twice");
    }

    @Test
    void refusesARoutedMeterWithoutParent() {
        assertThatThrownBy(() -> new TopologySnapshot.Node("M-2", 0, 0, 2, 700, null, List.of()))
                .hasMessageContaining("parentId must be given exactly when hops is above 0");
    }

    @Test
    void refusesAMeterWithARankButNoHops() {
        assertThatThrownBy(() -> new TopologySnapshot.Node("M-2", 0, 0, -1, 700, null, List.of()))
                .hasMessageContaining("hops and rank must both be -1");
    }

    @Test
    void refusesAPlaceOffTheGlobe() {
        assertThatThrownBy(() -> new TopologySnapshot.Node("M-2", 91, 0, -1, -1, null, List.of()))
                .hasMessageContaining("latitude must be from -90 to 90");
    }

    @Test
    void refusesPacketSuccessAboveOne() {
        assertThatThrownBy(() -> new TopologySnapshot.Link("M-1", "GW-1", -70, -70, 1.2, 0.9, 1.1, 0, false))
                .hasMessageContaining("packet success must be from 0 to 1");
    }

    @Test
    void refusesAnEtxBelowOne() {
        assertThatThrownBy(() -> new TopologySnapshot.Link("M-1", "GW-1", -70, -70, 0.9, 0.9, 0.5, 0, false))
                .hasMessageContaining("etx must be a finite number of at least 1");
    }

    @Test
    void refusesAnUnmeasuredSignal() {
        assertThatThrownBy(() -> new TopologySnapshot.Link("M-1", "GW-1", Double.NaN, -70, 0.9, 0.9, 1.2, 0, false))
                .hasMessageContaining("RSSI must be a finite number");
    }

    @Test
    void refusesALinkFromARadioToItself() {
        assertThatThrownBy(() -> new TopologySnapshot.Link("M-1", "M-1", -70, -70, 0.9, 0.9, 1.2, 0, false))
                .hasMessageContaining("both ends are M-1");
    }

    @Test
    void refusesAnAgeBelowNever() {
        assertThatThrownBy(() -> new TopologySnapshot.Link("M-1", "GW-1", -70, -70, 0.9, 0.9, 1.2, -2, false))
                .hasMessageContaining("lastHeardAgeSeconds must be -1");
    }

    @Test
    void aRadioOfAnOlderGatewayHasNoFirmwareAndUnknownTraffic() {
        assertThat(METER.firmware()).isNull();
        assertThat(METER.trafficPerHour()).isEqualTo(TopologySnapshot.Node.TRAFFIC_UNKNOWN);
        assertThat(METER.trafficKnown()).isFalse();
        assertThat(METER.withRadioFacts("mtr-3.1.0", 0).trafficKnown()).isTrue();
    }

    @Test
    void refusesFirmwareWithAControlCharacterOrPadding() {
        assertThatThrownBy(() -> METER.withRadioFacts("mtr\n3.1", 10)).hasMessageContaining("firmware must be");
        assertThatThrownBy(() -> METER.withRadioFacts(" mtr-3.1", 10)).hasMessageContaining("firmware must be");
        assertThatThrownBy(() -> METER.withRadioFacts("", 10)).hasMessageContaining("firmware must be");
        assertThatThrownBy(() -> METER.withRadioFacts("v".repeat(33), 10)).hasMessageContaining("firmware must be");
    }

    @Test
    void keepsFirmwareOfThirtyTwoCharactersWithInnerSpaces() {
        String firmware = "mtr 3.1.0 " + "x".repeat(22);

        assertThat(METER.withRadioFacts(firmware, 7).firmware()).isEqualTo(firmware);
    }

    @Test
    void refusesTrafficBelowUnknown() {
        assertThatThrownBy(() -> METER.withRadioFacts("mtr-3.1.0", -2))
                .hasMessageContaining("trafficPerHour must be -1 (unknown) or more, was -2 for M-1");
    }

    @Test
    void takesEachRadiosFactsFromAnotherSnapshotByIdAndKeepsItsOwnElsewhere() {
        TopologySnapshot.Node other = new TopologySnapshot.Node("M-2", -1.282, 36.822, 1, 512, "GW-1", List.of())
                .withRadioFacts("mtr-3.1.4", 9);
        TopologySnapshot mesh = new TopologySnapshot(AT, "GW-1", List.of(GATEWAY, METER, other), List.of(UPLINK));
        TopologySnapshot told = new TopologySnapshot(AT.minusSeconds(900), "GW-1",
                List.of(METER.withRadioFacts("mtr-3.2.0", 12), GATEWAY.withRadioFacts("gw-sim-2.4.1", 40)), List.of());

        TopologySnapshot merged = mesh.withRadioFactsOf(told);

        assertThat(merged.at()).isEqualTo(AT);
        assertThat(merged.links()).containsExactly(UPLINK);
        assertThat(merged.nodes()).extracting(TopologySnapshot.Node::firmware)
                .containsExactly("gw-sim-2.4.1", "mtr-3.2.0", "mtr-3.1.4");
        assertThat(merged.nodes()).extracting(TopologySnapshot.Node::trafficPerHour).containsExactly(40L, 12L, 9L);
        assertThat(merged.nodes().get(1).parentId()).isEqualTo("GW-1");
    }
}

package io.gridside.console.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FleetChartTest {

    @Test
    void leavesRoomAboveTheHighestBarForItsTotal() {
        assertThat(FleetChart.tickUnit(47)).isEqualTo(10);
        assertThat(FleetChart.upperBound(47, 10)).isEqualTo(60);
        assertThat(FleetChart.upperBound(40, FleetChart.tickUnit(40))).isGreaterThan(40);
    }

    @Test
    void countsInWholeMetersWithTenGridlinesAtMost() {
        assertThat(FleetChart.tickUnit(1)).isEqualTo(1);
        assertThat(FleetChart.tickUnit(12)).isEqualTo(2);
        assertThat(FleetChart.tickUnit(5000)).isEqualTo(1000);
        for (int highest : new int[] {0, 1, 7, 19, 60, 333, 4999}) {
            double tick = FleetChart.tickUnit(highest);
            assertThat(FleetChart.upperBound(highest, tick) / tick).isLessThanOrEqualTo(10);
        }
    }
}

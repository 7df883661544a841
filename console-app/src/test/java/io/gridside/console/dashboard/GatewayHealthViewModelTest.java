package io.gridside.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.I18n;
import io.gridside.link.message.GatewayHealth;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GatewayHealthViewModelTest {

    @BeforeAll
    static void english() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void saysUptimeAsPreciselyAsATechnicianNeeds() {
        assertThat(GatewayHealthViewModel.uptimeText(2_419_200 + 3_600 + 59)).isEqualTo("28 d 1 h");
        assertThat(GatewayHealthViewModel.uptimeText(52_500)).isEqualTo("14 h 35 min");
        assertThat(GatewayHealthViewModel.uptimeText(59)).isEqualTo("0 min");
    }

    private static final Instant CLOCK = Instant.parse("2026-06-03T08:31:00Z");

    private static GatewayHealth.Traffic quarter(int minutesAfterEight, int burst, String deepestNode) {
        return new GatewayHealth.Traffic(Instant.parse("2026-06-03T08:00:00Z").plusSeconds(60L * minutesAfterEight),
                200, 199, burst, 14, 6, deepestNode, 1, 0, 12, 3, 640, 5_100);
    }

    private static GatewayHealth report(int meshDepth, List<GatewayHealth.Traffic> traffic) {
        return new GatewayHealth(3_600, 500, 90_000, 262_144, 4, meshDepth, GatewayHealth.Backhaul.UP, -80, 10L,
                CLOCK, traffic);
    }

    @Test
    void describesTheLastQuarterHoursTrafficAndDrawsTheBurstsBeforeIt() {
        ObservableList<GatewayHealth> history = FXCollections.observableArrayList(report(3, List.of()));
        GatewayHealthViewModel model = new GatewayHealthViewModel(history);
        assertThat(model.burstProperty().get()).isEqualTo("No quarter hour of traffic reported yet");

        history.add(report(9, List.of(quarter(0, 22, "M00012"), quarter(15, 31, "M00040"))));

        assertThat(model.meshQueueProperty().get()).isEqualTo("Mesh queue 9");
        assertThat(model.burstProperty().get())
                .isEqualTo("Busiest 10 s: 31 arrived; intake peak 14, mesh queue 6 at M00040");
        assertThat(model.lossesProperty().get()).isEqualTo(
                "Lost 1 in the mesh, 0 at the intake; 12 retries, 3 held back; latency 640 ms, worst 5,100 ms");
        assertThat(model.trafficSeries(GatewayHealth.Traffic::burstPer10s)).containsExactly(22.0, 31.0);
        assertThat(model.series(GatewayHealth::meshQueueDepth)).containsExactly(3.0, 9.0);
    }

    @Test
    void countsOneRetryAndOneHeldBackInTheSingular() {
        assertThat(I18n.text("dashboard.health.losses", 0, 0, 1, 1, 640, 5_100))
                .contains("; 1 retry, 1 held back;");
        I18n.use(Locale.FRENCH);
        try {
            assertThat(I18n.text("dashboard.health.losses", 0, 0, 1, 1, 640, 5_100)).contains("1 reprise, 1 retenu ;");
            assertThat(I18n.text("dashboard.health.losses", 0, 0, 2, 3, 640, 5_100))
                    .contains("2 reprises, 3 retenus ;");
        } finally {
            I18n.use(Locale.ENGLISH);
        }
    }
}

package io.gridside.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.I18n;
import java.util.Locale;
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
}

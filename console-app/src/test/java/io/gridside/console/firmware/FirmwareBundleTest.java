package io.gridside.console.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.I18n;
import org.junit.jupiter.api.Test;

/** The Firmware screen's sentences say one meter, wave, version or revision in the singular. */
class FirmwareBundleTest {

    @Test
    void countsOfOneReadInTheSingular() {
        assertThat(I18n.text("firmware.fleet.summary", 1, 1, 1))
                .isEqualTo("1 meter runs 1 version on 1 hardware revision.");
        assertThat(I18n.text("firmware.fleet.summary", 4, 3, 3))
                .isEqualTo("4 meters run 3 versions on 3 hardware revisions.");
        assertThat(I18n.text("firmware.plan.summary", "mtr-3.3.0", 1, 1, 0))
                .isEqualTo("mtr-3.3.0: 1 meter in 1 wave, 0 left out.");
        assertThat(I18n.text("firmware.campaign.state", "c-1", "mtr-3.3.0", "running", 0, 1, 0))
                .isEqualTo("Campaign c-1 of mtr-3.3.0: running; 0 of 1 meter confirmed, 0 failed.");
    }
}

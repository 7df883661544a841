package io.gridside.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The console's window on small and large screens. */
class WindowSizeTest {

    @Test
    void fillsASmallLaptopScreenInsteadOfLeavingAStripBesideIt() {
        assertThat(GridsideApp.windowSide(1280, 1366)).isEqualTo(1366);
        assertThat(GridsideApp.windowSide(800, 728)).isEqualTo(728);
        assertThat(GridsideApp.windowSide(1280, 1024)).isEqualTo(1024);
    }

    @Test
    void keepsItsOwnSizeOnALargeScreen() {
        assertThat(GridsideApp.windowSide(1280, 1920)).isEqualTo(1280);
        assertThat(GridsideApp.windowSide(800, 1080)).isEqualTo(800);
    }
}

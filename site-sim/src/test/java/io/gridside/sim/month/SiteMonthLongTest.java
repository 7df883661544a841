package io.gridside.sim.month;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.store.SiteStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole month of a 500-meter site, as the benchmarks use it. */
@Tag("long")
class SiteMonthLongTest {

    @Test
    void makesAThirtyDayMonthOfFiveHundredMetersTwiceAlike(@TempDir Path first, @TempDir Path second) {
        MonthSpec spec = new MonthSpec(500, 7, "quiet-week", MonthSpec.DEFAULT_DAYS);

        Path file = SiteMonth.obtain(spec, first);

        try (SiteStore store = SiteStore.open(file)) {
            assertThat(store.readingCount()).isGreaterThan(500L * 96 * 29);
            assertThat(store.topologyTimes()).hasSize(30 * 4 + 1);
        }
        assertThat(StoreDigest.of(SiteMonth.obtain(spec, second))).isEqualTo(StoreDigest.of(file));
    }
}

package io.gridside.site.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The map of which feeder supplies each meter: kept across openings, and replaced whole by the next pull. */
class SiteStoreFeederTest {

    @TempDir
    Path dir;

    @Test
    void keepsTheMapAndReplacesItWhole() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            assertThat(store.feeders()).isEmpty();
            store.saveFeeders(Map.of("M00002", "F2", "M00001", "F1", "M00003", "F2"));
        }
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            assertThat(store.feeders()).containsExactly(Map.entry("M00001", "F1"), Map.entry("M00002", "F2"),
                    Map.entry("M00003", "F2"));
            store.saveFeeders(Map.of("M00001", "F3"));
            assertThat(store.feeders()).containsExactly(Map.entry("M00001", "F3"));
        }
    }
}

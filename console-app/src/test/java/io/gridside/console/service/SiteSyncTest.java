package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.console.service.sync.SyncStatus;
import io.gridside.site.store.SiteStore;
import io.gridside.site.sync.SyncConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteSyncTest {

    private static final String PIN = "sha256/" + Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    Path dir;

    private SiteSync sync(SiteStore store) {
        return new SiteSync(store, () -> null, dir, Clock.systemUTC(), Duration.ofMinutes(1));
    }

    @Test
    void saysSyncIsNotSetUpUntilTheCloudIsGiven() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db")); SiteSync sync = sync(store)) {
            SiteSync.Snapshot snapshot = sync.snapshot();

            assertThat(snapshot.config()).isEmpty();
            assertThat(snapshot.status().connectivity()).isEqualTo(SyncStatus.Connectivity.UNKNOWN);
            assertThat(snapshot.laptopId()).isNotBlank();
            assertThatThrownBy(sync::runNow).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not set up");
        }
    }

    @Test
    void refusesAnAddressThatIsNotHttpsAndAPinThatIsNotOne() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db")); SiteSync sync = sync(store)) {
            assertThatThrownBy(() -> sync.configure("http://127.0.0.1:8443", PIN))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https://");
            assertThatThrownBy(() -> sync.configure("https://127.0.0.1:8443", "sha256/short"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not");
            assertThat(sync.snapshot().config()).isEmpty();
        }
    }

    @Test
    void keepsTheCloudAndTellsItsListenersButWaitsForTheSiteBeforeSyncing() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db")); SiteSync sync = sync(store)) {
            List<SiteSync.Snapshot> heard = new ArrayList<>();
            sync.addListener(heard::add);

            sync.configure(" https://127.0.0.1:8443 ", PIN);

            assertThat(sync.snapshot().config()).contains(new SyncConfig("https://127.0.0.1:8443", PIN));
            assertThat(heard).isNotEmpty();
            assertThat(heard.get(heard.size() - 1).config()).isPresent();
            assertThatThrownBy(sync::runNow).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("first pull");
        }
    }
}

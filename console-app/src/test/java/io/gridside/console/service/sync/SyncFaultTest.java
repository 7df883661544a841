package io.gridside.console.service.sync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Twelve seeded runs of the sync fault test ({@link SyncFaults}) on a 20-meter site: three faulted phases each, one
 * of them a console killed at a random instant, then a clean sync that must leave both sides whole.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class SyncFaultTest {

    @TempDir
    static Path cache;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void aSiteSyncedThroughFaultsAndKillsEndsWithBothSidesHoldingEverythingOnce(long seed) throws Exception {
        new SyncFaults(cache, Files.createDirectories(dir.resolve("run")), seed).run(3, 1);
    }
}

package io.gridside.console.service.sync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Twenty-four more seeded runs of the sync fault test ({@link SyncFaults}), each with six phases and three kills. */
@Tag("long")
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class SyncFaultLongTest {

    @TempDir
    static Path cache;

    @TempDir
    Path dir;

    static LongStream seeds() {
        return LongStream.rangeClosed(101, 124);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aSiteSyncedThroughManyFaultsAndKillsEndsWithBothSidesHoldingEverythingOnce(long seed) throws Exception {
        new SyncFaults(cache, Files.createDirectories(dir.resolve("run")), seed).run(6, 3);
    }
}

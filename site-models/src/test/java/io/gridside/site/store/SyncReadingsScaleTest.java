package io.gridside.site.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.sync.UpItem;
import io.gridside.site.sync.UpStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A month of reading blocks of 5,000 meters goes through the outbox's pages whole (long: 150,000 blocks). */
@Tag("long")
class SyncReadingsScaleTest {

    private static final int METERS = 5_000;
    private static final int DAYS = 30;

    @TempDir
    Path dir;

    @Test
    void everyBlockOfAMonthIsReadOnceInPages() throws Exception {
        Path file = dir.resolve("site.db");
        Instant day = Instant.parse("2026-06-01T00:00:00Z");
        try (SiteStore store = SiteStore.open(file)) {
            store.insertReadings(SiteStoreSyncTest.day("m-0", day, 96));
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < "
                    + (METERS - 1) + ") INSERT INTO reading_meter (meter_id) SELECT printf('m-%d', i) FROM n");
            statement.execute("WITH RECURSIVE d(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM d WHERE k < " + (DAYS - 1)
                    + ") INSERT OR IGNORE INTO reading_block (meter, day, readings, block) SELECT m.meter, "
                    + "b.day + d.k, b.readings, b.block FROM d, reading_meter m, reading_block b "
                    + "ORDER BY d.k, m.meter");
            connection.commit();
        }
        try (SiteStore store = SiteStore.open(file)) {
            SyncRows sync = store.sync();
            long started = System.nanoTime();
            long after = 0;
            long items = 0;
            long bytes = 0;
            for (List<UpItem> page = sync.pending(UpStream.READINGS, after, 2_000); !page.isEmpty();
                    page = sync.pending(UpStream.READINGS, after, 2_000)) {
                for (UpItem item : page) {
                    bytes += ((byte[]) item.fields().get("block")).length;
                }
                items += page.size();
                after = page.get(page.size() - 1).seq();
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("read %d blocks (%d bytes) in %d ms%n", items, bytes, millis);
            assertThat(items).isEqualTo((long) METERS * DAYS);
            assertThat(sync.waiting()).containsEntry(UpStream.READINGS, (long) METERS * DAYS);
        }
    }
}

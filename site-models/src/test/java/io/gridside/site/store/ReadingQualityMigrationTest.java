package io.gridside.site.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.Reading;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site database written before readings carried their voltage and peak power keeps its readings. */
class ReadingQualityMigrationTest {

    private static final Instant T0 = Instant.parse("2024-03-05T06:00:00Z");
    private static final Instant T1 = T0.plus(Reading.INTERVAL);
    private static final Reading.Quality BROWN_OUT = new Reading.Quality(1_962, 2_051, 2_204, 860);

    @TempDir
    Path dir;

    @Test
    void keepsTheReadingsOfAVersionOneDatabaseWithoutQuality() throws SQLException {
        Path file = versionOneDatabaseWithOneReading();

        try (SiteStore store = SiteStore.open(file)) {
            assertThat(store.schemaVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(store.readings(T0, T1)).containsExactly(new Reading("M-1", T0, 120, 10_120));
            assertThat(store.readings(T0, T1).get(0).quality()).isNull();
        }
    }

    @Test
    void storesTheQualityOfNewReadingsBesideTheOldOnes() throws SQLException {
        Path file = versionOneDatabaseWithOneReading();
        Reading measured = new Reading("M-1", T1, 90, 10_210, BROWN_OUT);

        try (SiteStore store = SiteStore.open(file)) {
            store.insertReadings(List.of(measured));
        }

        try (SiteStore store = SiteStore.open(file)) {
            assertThat(store.readings("M-1", T0, T1.plus(Reading.INTERVAL)))
                    .containsExactly(new Reading("M-1", T0, 120, 10_120), measured);
        }
    }

    /** A database as a console of schema version 1 left it, holding one reading of meter M-1. */
    private Path versionOneDatabaseWithOneReading() throws SQLException {
        Path file = dir.resolve("site.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            Migrations.migrate(connection, 1);
            statement.execute("INSERT INTO reading (meter_id, interval_start, energy_wh, register_wh) "
                    + "VALUES ('M-1', " + T0.getEpochSecond() + ", 120, 10120)");
        }
        assertThat(Files.exists(file)).isTrue();
        return file;
    }
}

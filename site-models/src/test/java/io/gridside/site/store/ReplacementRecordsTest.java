package io.gridside.site.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replacements the console ran, as it saw them (decision 0094): each kept once, unread meters included. */
class ReplacementRecordsTest {

    private static final Instant READ = Instant.parse("2026-06-03T09:14:30Z");
    private static final Instant POSTED = Instant.parse("2026-06-03T09:15:10Z");

    @TempDir
    Path dir;

    @Test
    void keepsEachMetersRegisterAndTheMetersThatWereNotRead() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            ReplacementRecords.Replacement kept = replacement(17, 5_120);

            assertThat(store.replacements().keep(kept)).isTrue();

            assertThat(store.replacements().all()).containsExactly(kept);
            assertThat(store.replacements().all().get(0).registers())
                    .extracting(ReplacementRecords.MeterRegister::read).containsExactly(true, false);
        }
    }

    @Test
    void aReplacementRunAgainKeepsWhatItsFirstRunSaw() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            store.replacements().keep(replacement(17, 5_120));

            boolean again = store.replacements().keep(replacement(17, 5_900));

            assertThat(again).isFalse();
            assertThat(store.replacements().all()).containsExactly(replacement(17, 5_120));
        }
    }

    @Test
    void aDatabaseFromBeforeTheRecordOpensWithNone() throws SQLException {
        Path file = dir.resolve("old.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            Migrations.migrate(connection, 21);
        }

        try (SiteStore store = SiteStore.open(file)) {
            assertThat(store.schemaVersion()).isEqualTo(Migrations.latestVersion()).isEqualTo(23);
            assertThat(store.replacements().all()).isEmpty();
            assertThat(store.replacements().keep(replacement(3, 40))).isTrue();
        }
    }

    @Test
    void keepsWhereTheGapOfAMeterTheReplicaHeldNoReadingOfWasBilledFrom() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            ReplacementRecords.MeterRegister fromGoLive = new ReplacementRecords.MeterRegister("M-3", 2_480L,
                    Instant.parse("2026-06-03T09:00:00Z"), 1_950L, Instant.parse("2026-06-03T05:15:00Z"));
            ReplacementRecords.Replacement kept = new ReplacementRecords.Replacement("GW-NEW", 4, "GW-OLD", READ,
                    POSTED, List.of(fromGoLive, new ReplacementRecords.MeterRegister("M-4", 700L,
                            Instant.parse("2026-06-03T09:00:00Z"))));

            store.replacements().keep(kept);

            List<ReplacementRecords.MeterRegister> registers = store.replacements().all().get(0).registers();
            assertThat(registers).containsExactly(kept.registers().toArray(ReplacementRecords.MeterRegister[]::new));
            assertThat(registers).extracting(ReplacementRecords.MeterRegister::billedFromAStart)
                    .containsExactly(true, false);
        }
    }

    private static ReplacementRecords.Replacement replacement(long afterSeq, long registerWh) {
        return new ReplacementRecords.Replacement("GW-NEW", afterSeq, "GW-OLD", READ, POSTED,
                List.of(new ReplacementRecords.MeterRegister("M-1", registerWh, Instant.parse("2026-06-03T09:00:00Z")),
                        ReplacementRecords.MeterRegister.unread("M-2")));
    }
}

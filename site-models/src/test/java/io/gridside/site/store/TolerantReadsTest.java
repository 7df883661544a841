package io.gridside.site.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gridside.site.sync.CustomerField;
import io.gridside.site.sync.Hlc;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reader that must go on when the data is odd passes over one unreadable row and keeps the others. */
class TolerantReadsTest {

    private static final long MILLIS = Instant.parse("2026-06-05T09:00:00Z").toEpochMilli();

    @TempDir
    Path dir;

    @Test
    void passesOverAFieldRowWhoseHlcDoesNotReadAndKeepsItsValueToHide() throws SQLException {
        Path file = dir.resolve("site.db");
        try (SiteStore store = SiteStore.open(file)) {
            store.sync().editCustomerField("c-1", "phone", "+254700000001", new Hlc(MILLIS, 0, "laptop-1"));
        }
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = sql.createStatement()) {
            statement.executeUpdate("INSERT INTO customer_field (customer_id, field, value, hlc, origin) "
                    + "VALUES ('c-2', 'address', 'Plot 17 Mwembe Road', '0', 'cloud')");
        }

        try (SiteStore store = SiteStore.openExisting(file)) {
            TolerantReads.Read<CustomerField> fields = store.tolerantReads().customerFields();

            assertThat(fields.kept()).extracting(CustomerField::customerId, CustomerField::value)
                    .containsExactly(tuple("c-1", "+254700000001"));
            assertThat(fields.passedOver()).singleElement().satisfies(row -> {
                assertThat(row.table()).isEqualTo("customer_field");
                assertThat(row.key()).isEqualTo("c-2");
                assertThat(row.texts()).containsExactly("Plot 17 Mwembe Road");
                assertThat(row.problem()).doesNotContain("Plot 17");
            });
        }
    }
}

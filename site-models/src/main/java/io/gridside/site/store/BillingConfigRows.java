package io.gridside.site.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The rows of the billing configurations a site database keeps, each under its digest. */
final class BillingConfigRows {

    private BillingConfigRows() {
    }

    /** Adds the document as the newest, taking out an equal one held under the same digest. */
    static boolean save(Connection connection, byte[] digest, byte[] document, Instant pulledAt) throws SQLException {
        int removed;
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM billing_config WHERE digest = ?")) {
            delete.setBytes(1, digest);
            removed = delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO billing_config (digest, document, pulled_at) VALUES (?, ?, ?)")) {
            insert.setBytes(1, digest);
            insert.setBytes(2, document);
            insert.setLong(3, pulledAt.getEpochSecond());
            insert.executeUpdate();
        }
        return removed == 0;
    }

    static Optional<byte[]> latest(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT document FROM billing_config ORDER BY rowid DESC LIMIT 1")) {
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getBytes(1)) : Optional.empty();
            }
        }
    }
}

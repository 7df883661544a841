package io.gridside.site.store;

import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.QueuedPayment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The site store's outbox of imported payments, and the payments its ledger replica holds. */
final class OutboxRows {

    /** How the gateway's ledger references a payment: this prefix, then the payment's own reference. */
    static final String PAYMENT_PREFIX = "payment:";

    private static final String COLUMNS = "reference, customer_id, amount_minor, currency, paid_at, source, state, "
            + "answer_code, answer";

    private OutboxRows() {
    }

    /**
     * Queues payments whose reference the outbox does not hold, and re-queues those the gateway refused; a reference
     * queued, sent or credited already is left as it is. Returns how many were queued.
     */
    static int queue(Connection connection, List<QueuedPayment> payments, Instant queuedAt) throws SQLException {
        int queued = 0;
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO payment_outbox (" + COLUMNS
                + ", queued_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', NULL, NULL, ?) ON CONFLICT (reference) DO UPDATE "
                + "SET customer_id = excluded.customer_id, amount_minor = excluded.amount_minor, currency = "
                + "excluded.currency, paid_at = excluded.paid_at, source = excluded.source, state = 'PENDING', "
                + "answer_code = NULL, answer = NULL, answered_at = NULL, queued_at = excluded.queued_at "
                + "WHERE payment_outbox.state = 'REFUSED'")) {
            for (QueuedPayment p : payments) {
                upsert.setString(1, p.reference());
                upsert.setString(2, p.customerId());
                upsert.setLong(3, p.amountMinor());
                upsert.setString(4, p.currency());
                upsert.setLong(5, p.paidAt().getEpochSecond());
                upsert.setString(6, p.source());
                upsert.setLong(7, queuedAt.getEpochSecond());
                queued += upsert.executeUpdate();
            }
        }
        return queued;
    }

    /** The payments queued in {@code state}, or all when it is null, in the order they were queued. */
    static List<QueuedPayment> payments(Connection connection, QueuedPayment.State state) throws SQLException {
        String where = state == null ? "" : " WHERE state = ?";
        List<QueuedPayment> payments = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM payment_outbox" + where + " ORDER BY queued_at, rowid")) {
            if (state != null) {
                select.setString(1, state.name());
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    payments.add(new QueuedPayment(rows.getString(1), rows.getString(2), rows.getLong(3),
                            rows.getString(4), Instant.ofEpochSecond(rows.getLong(5)), rows.getString(6),
                            QueuedPayment.State.valueOf(rows.getString(7)), rows.getString(8), rows.getString(9)));
                }
            }
        }
        return payments;
    }

    /** Records what the gateway answered for each payment, by its reference. */
    static void answer(Connection connection, List<QueuedPayment> answered, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE payment_outbox SET state = ?, "
                + "answer_code = ?, answer = ?, answered_at = ? WHERE reference = ?")) {
            for (QueuedPayment p : answered) {
                update.setString(1, p.state().name());
                setText(update, 2, p.answerCode());
                setText(update, 3, p.answer());
                update.setLong(4, at.getEpochSecond());
                update.setString(5, p.reference());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** The ledger's top-ups by the payment's own reference (without the ledger's prefix). */
    static Map<String, LedgerEntry> ledgerPayments(Connection connection) throws SQLException {
        Map<String, LedgerEntry> payments = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT seq, at, customer_id, amount_minor, "
                + "balance_after_minor, reference FROM ledger_entry WHERE kind = ? ORDER BY seq")) {
            select.setString(1, EntryKind.TOP_UP.name());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String reference = rows.getString(6);
                    if (reference.startsWith(PAYMENT_PREFIX)) {
                        payments.put(reference.substring(PAYMENT_PREFIX.length()), new LedgerEntry(rows.getLong(1),
                                Instant.ofEpochSecond(rows.getLong(2)), rows.getString(3), EntryKind.TOP_UP,
                                rows.getLong(4), rows.getLong(5), reference));
                    }
                }
            }
        }
        return payments;
    }

    private static void setText(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}

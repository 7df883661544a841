package io.gridside.sim.journal;

import io.gridside.link.server.CashAllowance;
import io.gridside.link.server.CashBook;
import io.gridside.site.cash.CashBookLine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The simulated gateway's cash book in a SQLite file of its own beside its journal. Unlike the journal, which the
 * gateway rebuilds from its seed on every start, the book is money the site took and is kept across restarts:
 * each credential's book code, last receipt number and cash taken, every receipt and every void, each change
 * written and synced in one transaction before the gateway answers. Not thread-safe on its own: the gateway's
 * cash desk guards it.
 */
public final class JournalCashBook implements CashBook, AutoCloseable {

    /** The name of the book's file in the journal's directory. */
    public static final String FILE_NAME = "gateway-cash.db";

    private static final String RECEIPT_COLUMNS = "receipt, technician_id, reference, customer_id, amount_minor, "
            + "currency, paid_second, paid_nano, voided_second, voided_nano, voided_by, reason";

    private final Path file;
    private final Connection connection;

    private JournalCashBook(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens the book in {@code directory}, creating it empty when there is none and keeping what one holds.
     *
     * @throws JournalException when the file cannot be opened or is not a cash book
     */
    public static JournalCashBook open(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                // Money: a receipt the technician was told of must survive a power cut.
                statement.execute("PRAGMA synchronous=FULL");
                statement.execute("CREATE TABLE IF NOT EXISTS cash_credential (credential_id TEXT PRIMARY KEY, "
                        + "code TEXT NOT NULL UNIQUE, last_number INTEGER NOT NULL, used_minor INTEGER NOT NULL)");
                statement.execute("CREATE TABLE IF NOT EXISTS cash_receipt (receipt TEXT PRIMARY KEY, "
                        + "credential_id TEXT NOT NULL REFERENCES cash_credential, number INTEGER NOT NULL, "
                        + "technician_id TEXT NOT NULL, reference TEXT NOT NULL UNIQUE, customer_id TEXT NOT NULL, "
                        + "amount_minor INTEGER NOT NULL, currency TEXT NOT NULL, paid_second INTEGER NOT NULL, "
                        + "paid_nano INTEGER NOT NULL, voided_second INTEGER, voided_nano INTEGER, voided_by TEXT, "
                        + "reason TEXT, UNIQUE (credential_id, number))");
                connection.setAutoCommit(false);
                connection.commit();
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return new JournalCashBook(file, connection);
        } catch (SQLException e) {
            throw new JournalException("The gateway's cash book " + file + " could not be opened: " + e.getMessage(),
                    e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public long usedMinor(String credentialId) {
        return work(() -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT used_minor FROM cash_credential WHERE credential_id = ?")) {
                select.setString(1, credentialId);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? rows.getLong(1) : 0L;
                }
            }
        });
    }

    @Override
    public Receipt byReference(String reference) {
        return work(() -> receiptWhere("reference = ?", reference));
    }

    @Override
    public Receipt byNumber(String receipt) {
        return work(() -> receiptWhere("receipt = ?", receipt));
    }

    @Override
    public CashBookLine issue(CashAllowance allowance, String reference, String customerId, long amountMinor,
            String currency, Instant paidAt) {
        return work(() -> {
            String code = codeOf(allowance.credentialId());
            long number;
            try (PreparedStatement update = connection.prepareStatement("UPDATE cash_credential SET "
                    + "last_number = last_number + 1, used_minor = used_minor + ? WHERE credential_id = ?")) {
                update.setLong(1, amountMinor);
                update.setString(2, allowance.credentialId());
                update.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT last_number FROM cash_credential WHERE credential_id = ?")) {
                select.setString(1, allowance.credentialId());
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    number = rows.getLong(1);
                }
            }
            String receipt = CashBook.receiptNumber(code, number);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO cash_receipt (receipt, "
                    + "credential_id, number, technician_id, reference, customer_id, amount_minor, currency, "
                    + "paid_second, paid_nano) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, receipt);
                insert.setString(2, allowance.credentialId());
                insert.setLong(3, number);
                insert.setString(4, allowance.technicianId());
                insert.setString(5, reference);
                insert.setString(6, customerId);
                insert.setLong(7, amountMinor);
                insert.setString(8, currency);
                insert.setLong(9, paidAt.getEpochSecond());
                insert.setInt(10, paidAt.getNano());
                insert.executeUpdate();
            }
            return new CashBookLine(CashBookLine.Kind.RECEIPT, receipt, allowance.technicianId(), reference,
                    customerId, amountMinor, currency, paidAt, null, null);
        });
    }

    /** The credential's book code, given it now when the book has not met the credential. */
    private String codeOf(String credentialId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT code FROM cash_credential WHERE credential_id = ?")) {
            select.setString(1, credentialId);
            try (ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                    return rows.getString(1);
                }
            }
        }
        List<String> codes = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT code FROM cash_credential")) {
            while (rows.next()) {
                codes.add(rows.getString(1));
            }
        }
        String code = CashBook.codeFor(credentialId, codes::contains);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO cash_credential (credential_id, code, last_number, used_minor) VALUES (?, ?, 0, 0)")) {
            insert.setString(1, credentialId);
            insert.setString(2, code);
            insert.executeUpdate();
        }
        return code;
    }

    @Override
    public CashBookLine voidReceipt(String receipt, String voidedBy, String reason, Instant voidedAt) {
        return work(() -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE cash_receipt SET voided_second = ?, "
                    + "voided_nano = ?, voided_by = ?, reason = ? WHERE receipt = ? AND voided_by IS NULL")) {
                update.setLong(1, voidedAt.getEpochSecond());
                update.setInt(2, voidedAt.getNano());
                update.setString(3, voidedBy);
                update.setString(4, reason);
                update.setString(5, receipt);
                if (update.executeUpdate() != 1) {
                    throw new IllegalStateException("Receipt " + receipt + " is not a standing receipt of the book.");
                }
            }
            return receiptWhere("receipt = ?", receipt).voided();
        });
    }

    @Override
    public List<CashBookLine> lines(Instant from, Instant to) {
        return work(() -> {
            List<CashBookLine> lines = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT " + RECEIPT_COLUMNS + " FROM cash_receipt")) {
                while (rows.next()) {
                    Receipt receipt = receiptOf(rows);
                    lines.add(receipt.line());
                    if (receipt.voided() != null) {
                        lines.add(receipt.voided());
                    }
                }
            }
            return lines.stream()
                    .filter(line -> !line.at().isBefore(from) && line.at().isBefore(to))
                    .sorted(Comparator.comparing(CashBookLine::at).thenComparing(CashBookLine::receipt)
                            .thenComparing(CashBookLine::kind))
                    .toList();
        });
    }

    /** Every receipt the book holds, with its void if it has one, in the order they were issued. */
    public List<Receipt> receipts() {
        return work(() -> {
            List<Receipt> receipts = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT " + RECEIPT_COLUMNS
                            + " FROM cash_receipt ORDER BY rowid")) {
                while (rows.next()) {
                    receipts.add(receiptOf(rows));
                }
            }
            return receipts;
        });
    }

    private Receipt receiptWhere(String condition, String value) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + RECEIPT_COLUMNS
                + " FROM cash_receipt WHERE " + condition)) {
            select.setString(1, value);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? receiptOf(rows) : null;
            }
        }
    }

    private static Receipt receiptOf(ResultSet rows) throws SQLException {
        CashBookLine line = new CashBookLine(CashBookLine.Kind.RECEIPT, rows.getString(1), rows.getString(2),
                rows.getString(3), rows.getString(4), rows.getLong(5), rows.getString(6),
                Instant.ofEpochSecond(rows.getLong(7), rows.getInt(8)), null, null);
        String voidedBy = rows.getString(11);
        if (voidedBy == null) {
            return new Receipt(line, null);
        }
        CashBookLine voided = new CashBookLine(CashBookLine.Kind.VOID, line.receipt(), line.technicianId(),
                line.reference(), line.customerId(), line.amountMinor(), line.currency(),
                Instant.ofEpochSecond(rows.getLong(9), rows.getInt(10)), voidedBy, rows.getString(12));
        return new Receipt(line, voided);
    }

    private <T> T work(GatewayJournal.SqlRead<T> work) {
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw new JournalException("The gateway's cash book " + file + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new JournalException("The gateway's cash book " + file + " did not close cleanly.", e);
        }
    }
}

package io.gridside.site.store;

import io.gridside.site.Customer;
import io.gridside.site.CustomerCategory;
import io.gridside.site.InvalidValueException;
import io.gridside.site.commission.PlannedCustomer;
import io.gridside.site.sync.CustomerField;
import io.gridside.site.sync.Hlc;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads of a site's people that pass over a row they cannot read instead of failing on it, for a reader that must
 * go on when the data is odd (the diagnostics bundle, written exactly when something is wrong). A row passed over is
 * named by its table and key only, never by the values that made it unreadable, which may be personal. Calls are
 * serialised on the store that gives this out ({@link SiteStore#tolerantReads}).
 */
public final class TolerantReads {

    /**
     * A row that could not be read as its record.
     *
     * @param table the table it is in
     * @param key its key, a customer id: a reader that hides people shows it as a pseudonym
     * @param problem what was wrong, without the row's values: the kind of failure and the rule it names
     * @param texts the row's personal columns (name, phone, address) as stored, so that a reader that hides
     *              personal data can hide these too; never to be shown
     */
    public record PassedOver(String table, String key, String problem, List<String> texts) {

        public PassedOver {
            texts = List.copyOf(texts);
        }

        @Override
        public String toString() {
            return table + " " + key + ": " + problem;
        }
    }

    /** What a read kept, and the rows it passed over. */
    public record Read<T>(List<T> kept, List<PassedOver> passedOver) {
    }

    private final StoreWork work;
    private final Connection connection;

    TolerantReads(Object lock, Connection connection, Path file) {
        this.connection = connection;
        this.work = new StoreWork(lock, connection, file);
    }

    /** The site's customers (the gateway's roster), in id order, each unreadable row passed over. */
    public Read<Customer> customers() {
        return work.query(() -> read("customer", List.of(2), "SELECT customer_id, name, category FROM customer "
                + "ORDER BY customer_id", rows -> new Customer(rows.getString(1), rows.getString(2),
                        CustomerCategory.valueOf(rows.getString(3)))));
    }

    /** The customers planned for commissioning, in id order, each unreadable row passed over. */
    public Read<PlannedCustomer> plannedCustomers() {
        return work.query(() -> read("commission_customer", List.of(2, 3, 4), "SELECT customer_id, name, phone, "
                + "address, category, tariff_id, opening_minor, meter_serial FROM commission_customer "
                + "ORDER BY customer_id",
                rows -> new PlannedCustomer(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), CustomerCategory.valueOf(rows.getString(5)), rows.getString(6),
                        rows.getLong(7), rows.getString(8))));
    }

    /**
     * Every customer's reference fields synced with the cloud (name, phone, address), in customer and field order,
     * each row whose HLC or other column does not read passed over with its value among the texts to hide.
     */
    public Read<CustomerField> customerFields() {
        return work.query(() -> read("customer_field", List.of(3), "SELECT customer_id, field, value, hlc, origin "
                + "FROM customer_field ORDER BY customer_id, field", rows -> new CustomerField(rows.getString(1),
                        rows.getString(2), rows.getString(3), Hlc.parse(rows.getString(4)), rows.getString(5))));
    }

    private <T> Read<T> read(String table, List<Integer> personal, String sql, RowReader<T> reader)
            throws SQLException {
        List<T> kept = new ArrayList<>();
        List<PassedOver> passedOver = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                try {
                    kept.add(reader.read(rows));
                } catch (RuntimeException e) {
                    passedOver.add(new PassedOver(table, rows.getString(1), problem(e), texts(rows, personal)));
                }
            }
        }
        return new Read<>(kept, passedOver);
    }

    private static List<String> texts(ResultSet rows, List<Integer> personal) throws SQLException {
        List<String> texts = new ArrayList<>();
        for (int column : personal) {
            String text = rows.getString(column);
            if (text != null && !text.isBlank()) {
                texts.add(text);
            }
        }
        return texts;
    }

    /** The kind of failure and, for a validation failure, the rule it names: never the offending value itself. */
    private static String problem(RuntimeException e) {
        if (e instanceof InvalidValueException invalid) {
            return "a value its rule refuses (" + invalid.reason() + ")";
        }
        return "a value the console does not know (" + e.getClass().getSimpleName() + ")";
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }
}

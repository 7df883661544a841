package io.gridside.site.store;

import io.gridside.site.RelayState;
import io.gridside.site.commission.DryRunBill;
import io.gridside.site.commission.LinkCheck;
import io.gridside.site.commission.LinkVerdict;
import io.gridside.site.commission.RelayTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of the checks before go-live (link checks, relay tests, the dry run) for {@link CommissionRecords},
 * which holds the lock and the transaction each call runs in.
 */
final class CommissionCheckRows {

    /** Reasons are kept one per line: a reason is one sentence and holds no line break. */
    private static final String REASON_BREAK = "\n";

    private CommissionCheckRows() {
    }

    static void saveLinkChecks(Connection connection, List<LinkCheck> checks, Instant at) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT OR REPLACE INTO commission_link_check "
                + "(meter_id, verdict, reasons, checked_ms) VALUES (?, ?, ?, ?)")) {
            for (LinkCheck check : checks) {
                upsert.setString(1, check.meterId());
                upsert.setString(2, check.verdict().name());
                upsert.setString(3, String.join(REASON_BREAK, check.reasons()));
                upsert.setLong(4, at.toEpochMilli());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    static List<LinkCheck> linkChecks(Connection connection) throws SQLException {
        List<LinkCheck> checks = new ArrayList<>();
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery(
                        "SELECT meter_id, verdict, reasons FROM commission_link_check ORDER BY meter_id")) {
            while (rows.next()) {
                String reasons = rows.getString(3);
                checks.add(new LinkCheck(rows.getString(1), LinkVerdict.valueOf(rows.getString(2)),
                        reasons.isEmpty() ? List.of() : List.of(reasons.split(REASON_BREAK))));
            }
        }
        return checks;
    }

    static void saveRelayTest(Connection connection, RelayTest test) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT OR REPLACE INTO commission_relay_test "
                + "(meter_id, after_off, after_on, tested_ms, note) VALUES (?, ?, ?, ?, ?)")) {
            upsert.setString(1, test.meterId());
            setState(upsert, 2, test.afterOff());
            setState(upsert, 3, test.afterOn());
            upsert.setLong(4, test.testedAt().toEpochMilli());
            upsert.setString(5, test.note());
            upsert.executeUpdate();
        }
    }

    static List<RelayTest> relayTests(Connection connection) throws SQLException {
        List<RelayTest> tests = new ArrayList<>();
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("SELECT meter_id, after_off, after_on, tested_ms, note FROM "
                        + "commission_relay_test ORDER BY meter_id")) {
            while (rows.next()) {
                tests.add(new RelayTest(rows.getString(1), state(rows.getString(2)), state(rows.getString(3)),
                        Instant.ofEpochMilli(rows.getLong(4)), rows.getString(5)));
            }
        }
        return tests;
    }

    static void saveDryRun(Connection connection, List<DryRunBill> bills) throws SQLException {
        try (Statement clear = connection.createStatement()) {
            clear.executeUpdate("DELETE FROM commission_dry_run");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO commission_dry_run (customer_id, "
                + "tariff_id, from_ms, to_ms, energy_wh, charges_minor, opening_minor, closing_minor, days_left) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (DryRunBill bill : bills) {
                insert.setString(1, bill.customerId());
                insert.setString(2, bill.tariffId());
                insert.setLong(3, bill.from().toEpochMilli());
                insert.setLong(4, bill.to().toEpochMilli());
                insert.setLong(5, bill.energyWh());
                insert.setLong(6, bill.chargesMinor());
                insert.setLong(7, bill.openingMinor());
                insert.setLong(8, bill.closingMinor());
                insert.setLong(9, bill.daysOfCreditLeft());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static List<DryRunBill> dryRun(Connection connection) throws SQLException {
        List<DryRunBill> bills = new ArrayList<>();
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("SELECT customer_id, tariff_id, from_ms, to_ms, energy_wh, "
                        + "charges_minor, opening_minor, closing_minor, days_left FROM commission_dry_run "
                        + "ORDER BY customer_id")) {
            while (rows.next()) {
                bills.add(new DryRunBill(rows.getString(1), rows.getString(2), Instant.ofEpochMilli(rows.getLong(3)),
                        Instant.ofEpochMilli(rows.getLong(4)), rows.getLong(5), rows.getLong(6), rows.getLong(7),
                        rows.getLong(8), rows.getLong(9)));
            }
        }
        return bills;
    }

    private static void setState(PreparedStatement statement, int index, RelayState state) throws SQLException {
        if (state == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, state.name());
        }
    }

    private static RelayState state(String name) {
        return name == null ? null : RelayState.valueOf(name);
    }
}

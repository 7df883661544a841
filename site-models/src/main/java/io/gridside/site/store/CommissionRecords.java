package io.gridside.site.store;

import io.gridside.site.CustomerCategory;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.commission.Assignment;
import io.gridside.site.commission.AssignmentRules;
import io.gridside.site.commission.CommissionRefusal;
import io.gridside.site.commission.CommissionStep;
import io.gridside.site.commission.DryRunBill;
import io.gridside.site.commission.JoinedMeter;
import io.gridside.site.commission.LinkCheck;
import io.gridside.site.commission.LinkThresholds;
import io.gridside.site.commission.LinkVerdict;
import io.gridside.site.commission.PlannedCustomer;
import io.gridside.site.commission.RelayTest;
import io.gridside.site.commission.SignedReport;
import io.gridside.site.commission.SitePlan;
import io.gridside.site.commission.StepRecord;
import io.gridside.site.tariff.TariffFile;
import io.gridside.site.tariff.TariffSchedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The site store's commissioning rows (decision 0064): the site's plan, the tariffs and customers planned, the
 * meters that joined, the assignments, link checks, relay tests, the dry run, the steps done and the signed reports.
 * Every write is one transaction and idempotent, so a step interrupted and run again applies nothing twice. Calls
 * are serialised on the store that gives this out ({@link SiteStore#commission}), as its own are.
 */
public final class CommissionRecords {

    private final Connection connection;
    private final StoreWork work;

    CommissionRecords(Object lock, Connection connection, Path file) {
        this.connection = connection;
        this.work = new StoreWork(lock, connection, file);
    }

    /**
     * Creates a new site store at {@code file} for {@code plan}, with the SITE step marked done.
     *
     * @throws StoreException when {@code file} exists already: a site is never created over another
     */
    public static SiteStore createSite(Path file, SitePlan plan, Instant at) {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new StoreException(file + " exists already; a new site is created in a new file. Choose another "
                    + "path, or open the existing site instead.", null);
        }
        SiteStore store = SiteStore.open(file);
        try {
            store.commission().savePlan(plan, at);
            return store;
        } catch (RuntimeException e) {
            store.close();
            try {
                Files.deleteIfExists(file);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private void savePlan(SitePlan plan, Instant at) {
        work.inTransaction(() -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO site_property (name, value) "
                    + "VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
                Map<String, String> properties = new LinkedHashMap<>();
                properties.put("siteId", plan.siteId());
                properties.put("name", plan.name());
                properties.put("currency", plan.currency());
                properties.put("zone", plan.zone().getId());
                properties.put("operator", plan.operator());
                properties.put("holidays", plan.holidays().stream().map(LocalDate::toString)
                        .collect(Collectors.joining(",")));
                properties.put("latitude", Double.toString(plan.latitude()));
                properties.put("longitude", Double.toString(plan.longitude()));
                for (Map.Entry<String, String> property : properties.entrySet()) {
                    upsert.setString(1, property.getKey());
                    upsert.setString(2, property.getValue());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            insertStep(CommissionStep.SITE, at, plan.siteId() + ", " + plan.name());
            return null;
        });
    }

    /** The site's plan as created, or empty for a store made from a gateway's pull. */
    public Optional<SitePlan> plan() {
        return work.query(() -> {
            Map<String, String> properties = new HashMap<>();
            try (Statement select = connection.createStatement();
                    ResultSet rows = select.executeQuery("SELECT name, value FROM site_property")) {
                while (rows.next()) {
                    properties.put(rows.getString(1), rows.getString(2));
                }
            }
            if (!properties.containsKey("operator") || !properties.containsKey("siteId")) {
                return Optional.empty();
            }
            String holidays = properties.get("holidays");
            List<LocalDate> days = holidays.isEmpty() ? List.of()
                    : Arrays.stream(holidays.split(",")).map(LocalDate::parse).toList();
            return Optional.of(new SitePlan(properties.get("siteId"), properties.get("name"),
                    properties.get("operator"), properties.get("currency"), ZoneId.of(properties.get("zone")), days,
                    Double.parseDouble(properties.get("latitude")), Double.parseDouble(properties.get("longitude"))));
        });
    }

    /**
     * A time as a person at the site reads it, as the console writes it: go-live is recorded by the gateway's clock,
     * the site's authority, and said in the site's zone.
     */
    private static final DateTimeFormatter SITE_TIME = new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd HH:mm")
            .appendLiteral(' ').appendZoneText(TextStyle.SHORT).toFormatter(Locale.ROOT);

    /** The name under which the site's link thresholds are kept among its properties. */
    private static final String THRESHOLDS = "linkThresholds";

    /**
     * Keeps the link thresholds the technician chose for this site, so that a day resumed later, on the screen or
     * the command line, measures against them; replaces those kept before.
     */
    public void saveThresholds(LinkThresholds thresholds) {
        String value = Arrays.stream(new double[] {thresholds.passRssiDbm(), thresholds.failRssiDbm(),
            thresholds.passEtx(), thresholds.failEtx(), thresholds.passRoutes(), thresholds.failRoutes(),
            thresholds.clusterMetres()}).mapToObj(Double::toString).collect(Collectors.joining(","));
        work.inTransaction(() -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO site_property (name, value) "
                    + "VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
                upsert.setString(1, THRESHOLDS);
                upsert.setString(2, value);
                upsert.executeUpdate();
            }
            return null;
        });
    }

    /** The link thresholds kept for this site, or empty when the technician never chose any (the defaults apply). */
    public Optional<LinkThresholds> thresholds() {
        return work.query(() -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT value FROM site_property WHERE name = ?")) {
                select.setString(1, THRESHOLDS);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    double[] limits = Arrays.stream(rows.getString(1).split(",")).mapToDouble(Double::parseDouble)
                            .toArray();
                    return Optional.of(new LinkThresholds(limits[0], limits[1], limits[2], limits[3], (int) limits[4],
                            (int) limits[5], limits[6]));
                }
            }
        });
    }

    /** Keeps the tariffs the operator issued for the site, replacing one of the same id. */
    public void saveTariffs(List<TariffSchedule> tariffs) {
        work.inTransaction(() -> {
            refuseWhenLive();
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO commission_tariff (tariff_id, "
                    + "schedule_json) VALUES (?, ?) ON CONFLICT (tariff_id) DO UPDATE SET schedule_json = "
                    + "excluded.schedule_json")) {
                for (TariffSchedule tariff : tariffs) {
                    upsert.setString(1, tariff.tariffId());
                    upsert.setString(2, TariffFile.write(tariff));
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            return null;
        });
    }

    /** The tariffs kept, in id order. */
    public List<TariffSchedule> tariffs() {
        return work.query(() -> {
            List<TariffSchedule> tariffs = new ArrayList<>();
            try (Statement select = connection.createStatement();
                    ResultSet rows = select.executeQuery(
                            "SELECT tariff_id, schedule_json FROM commission_tariff ORDER BY tariff_id")) {
                while (rows.next()) {
                    try {
                        tariffs.add(TariffFile.parse(rows.getString(2)));
                    } catch (IOException e) {
                        throw new SQLException("The kept tariff " + rows.getString(1) + " cannot be read: "
                                + e.getMessage(), e);
                    }
                }
            }
            return tariffs;
        });
    }

    /**
     * Keeps the customers of a checked CSV file, all in one transaction; one of the same id is replaced.
     *
     * @throws CommissionRefusal once the site went live: its record of the day is closed then
     */
    public void saveCustomers(List<PlannedCustomer> customers) {
        work.inTransaction(() -> {
            refuseWhenLive();
            upsertCustomers(customers);
            return null;
        });
    }

    /**
     * Adds one customer entered on site.
     *
     * @throws CommissionRefusal when a customer of that id is there already and differs
     */
    public void addCustomer(PlannedCustomer customer) {
        work.inTransaction(() -> {
            refuseWhenLive();
            Optional<PlannedCustomer> held = customers(customer.customerId()).stream().findFirst();
            if (held.isPresent() && !held.get().equals(customer)) {
                throw new CommissionRefusal(CommissionRefusal.CUSTOMER_EXISTS, "customerExists",
                        List.of(customer.customerId(), held.get().name()), "There is a customer "
                        + customer.customerId() + " already (" + held.get().name() + "); give the new customer "
                        + "another id.");
            }
            upsertCustomers(List.of(customer));
            return null;
        });
    }

    private void upsertCustomers(List<PlannedCustomer> customers) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO commission_customer (customer_id, "
                + "name, phone, address, category, tariff_id, opening_minor, meter_serial) VALUES (?, ?, ?, ?, ?, "
                + "?, ?, ?) ON CONFLICT (customer_id) DO UPDATE SET name = excluded.name, phone = excluded.phone, "
                + "address = excluded.address, category = excluded.category, tariff_id = excluded.tariff_id, "
                + "opening_minor = excluded.opening_minor, meter_serial = excluded.meter_serial")) {
            for (PlannedCustomer customer : customers) {
                upsert.setString(1, customer.customerId());
                upsert.setString(2, customer.name());
                upsert.setString(3, customer.phone());
                upsert.setString(4, customer.address());
                upsert.setString(5, customer.category().name());
                upsert.setString(6, customer.tariffId());
                upsert.setLong(7, customer.openingBalanceMinor());
                upsert.setString(8, customer.meterSerial());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** The planned customers, in id order. */
    public List<PlannedCustomer> customers() {
        return work.query(() -> customers(null));
    }

    private List<PlannedCustomer> customers(String onlyId) throws SQLException {
        List<PlannedCustomer> customers = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT customer_id, name, phone, address, "
                + "category, tariff_id, opening_minor, meter_serial FROM commission_customer WHERE ?1 IS NULL OR "
                + "customer_id = ?1 ORDER BY customer_id")) {
            select.setString(1, onlyId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    customers.add(new PlannedCustomer(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), CustomerCategory.valueOf(rows.getString(5)), rows.getString(6),
                            rows.getLong(7), rows.getString(8)));
                }
            }
        }
        return customers;
    }

    /** Keeps the meters the gateway reported as joined, replacing what was held of each. */
    public void saveJoined(List<JoinedMeter> meters) {
        work.inTransaction(() -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT OR REPLACE INTO commission_joined "
                    + "(meter_id, hardware_id, phases, firmware, latitude, longitude, up_rssi_dbm, down_rssi_dbm, "
                    + "etx, routes, hops, joined_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (JoinedMeter meter : meters) {
                    upsert.setString(1, meter.meterId());
                    upsert.setString(2, meter.hardwareId());
                    upsert.setInt(3, meter.phases());
                    upsert.setString(4, meter.firmware());
                    upsert.setDouble(5, meter.latitude());
                    upsert.setDouble(6, meter.longitude());
                    upsert.setDouble(7, meter.upRssiDbm());
                    upsert.setDouble(8, meter.downRssiDbm());
                    upsert.setDouble(9, meter.etx());
                    upsert.setInt(10, meter.routes());
                    upsert.setInt(11, meter.hops());
                    upsert.setLong(12, meter.joinedAt().toEpochMilli());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            return null;
        });
    }

    /** The joined meters held, in serial order. */
    public List<JoinedMeter> joined() {
        return work.query(this::joinedRows);
    }

    private List<JoinedMeter> joinedRows() throws SQLException {
        List<JoinedMeter> meters = new ArrayList<>();
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("SELECT meter_id, hardware_id, phases, firmware, latitude, "
                        + "longitude, up_rssi_dbm, down_rssi_dbm, etx, routes, hops, joined_ms FROM commission_joined "
                        + "ORDER BY meter_id")) {
            while (rows.next()) {
                meters.add(new JoinedMeter(rows.getString(1), rows.getString(2), rows.getInt(3), rows.getString(4),
                        rows.getDouble(5), rows.getDouble(6), rows.getDouble(7), rows.getDouble(8),
                        rows.getDouble(9), rows.getInt(10), rows.getInt(11), Instant.ofEpochMilli(rows.getLong(12))));
            }
        }
        return meters;
    }

    /**
     * Gives the meter {@code scan} names to {@code customerId} by the rules of {@link AssignmentRules}, checked and
     * stored in one transaction.
     *
     * @return the assignment, the one held already when the same was asked before
     * @throws CommissionRefusal with the reason when a rule refuses it, or once the site went live
     */
    public Assignment assign(String customerId, String scan, Instant at) {
        return work.inTransaction(() -> {
            refuseWhenLive();
            Assignment assignment = AssignmentRules.assign(customerId, scan, customers(null), joinedRows(),
                    assignmentRows(), at);
            try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO "
                    + "commission_assignment (customer_id, meter_id, assigned_ms) VALUES (?, ?, ?)")) {
                insert.setString(1, assignment.customerId());
                insert.setString(2, assignment.meterId());
                insert.setLong(3, assignment.assignedAt().toEpochMilli());
                insert.executeUpdate();
            }
            return assignment;
        });
    }

    /**
     * Takes {@code customerId}'s meter back, so that it can be given another; false when they had none.
     *
     * @throws CommissionRefusal once the site went live: the gateway bills the customer on the meter it was given
     */
    public boolean unassign(String customerId) {
        return work.inTransaction(() -> {
            refuseWhenLive();
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM commission_assignment WHERE customer_id = ?")) {
                delete.setString(1, customerId);
                return delete.executeUpdate() > 0;
            }
        });
    }

    /** The assignments, in customer id order. */
    public List<Assignment> assignments() {
        return work.query(this::assignmentRows);
    }

    private List<Assignment> assignmentRows() throws SQLException {
        List<Assignment> assignments = new ArrayList<>();
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("SELECT customer_id, meter_id, assigned_ms FROM "
                        + "commission_assignment ORDER BY customer_id")) {
            while (rows.next()) {
                assignments.add(new Assignment(rows.getString(1), rows.getString(2),
                        Instant.ofEpochMilli(rows.getLong(3))));
            }
        }
        return assignments;
    }

    /**
     * Keeps link checks made at {@code at}, replacing the earlier check of each meter. The latest check is the one
     * that counts: one with a failing meter marks the link check step not done, in the same transaction, so that
     * go-live cannot follow an earlier check that passed.
     */
    public void saveLinkChecks(List<LinkCheck> checks, Instant at) {
        work.inTransaction(() -> {
            refuseWhenLive();
            CommissionCheckRows.saveLinkChecks(connection, checks, at);
            if (checks.stream().anyMatch(check -> check.verdict() == LinkVerdict.FAIL)) {
                deleteStep(CommissionStep.LINK_CHECK);
            }
            return null;
        });
    }

    /** The latest link check of each meter, in serial order. */
    public List<LinkCheck> linkChecks() {
        return work.query(() -> CommissionCheckRows.linkChecks(connection));
    }

    /** Keeps a relay test, replacing the earlier test of the same meter. */
    public void saveRelayTest(RelayTest test) {
        work.inTransaction(() -> {
            CommissionCheckRows.saveRelayTest(connection, test);
            return null;
        });
    }

    /** The latest relay test of each meter, in serial order. */
    public List<RelayTest> relayTests() {
        return work.query(() -> CommissionCheckRows.relayTests(connection));
    }

    /** Keeps the dry run's bills, replacing the whole of an earlier run. */
    public void saveDryRun(List<DryRunBill> bills) {
        work.inTransaction(() -> {
            refuseWhenLive();
            CommissionCheckRows.saveDryRun(connection, bills);
            return null;
        });
    }

    /** The dry run's bills, in customer id order; empty before it ran. */
    public List<DryRunBill> dryRun() {
        return work.query(() -> CommissionCheckRows.dryRun(connection));
    }

    /**
     * Refuses to change what the day recorded before go-live (tariffs, customers, their meters, link checks, the
     * dry run) once the site went live: the gateway bills what it was given then, and the signed report must say
     * that, not a later file. After go-live customers move in and out, and meters are exchanged, through the site's
     * own moves.
     */
    private void refuseWhenLive() throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT done_ms FROM commission_step WHERE step = ?")) {
            select.setString(1, CommissionStep.GO_LIVE.name());
            try (ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                    String live = SITE_TIME.format(Instant.ofEpochMilli(rows.getLong(1)).atZone(zone()));
                    throw new CommissionRefusal(CommissionRefusal.NOT_READY, "recordClosed", List.of(live),
                            "The site went live at " + live + ", so its commissioning record is closed: move "
                            + "customers in and out and exchange meters with the site's moves instead.");
                }
            }
        }
    }

    /** The site's time zone as its plan gives it, or UTC for a store made from a gateway's pull. */
    private ZoneId zone() throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT value FROM site_property WHERE name = 'zone'")) {
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? ZoneId.of(rows.getString(1)) : ZoneOffset.UTC;
            }
        }
    }

    /**
     * Refuses up front a change to the day's record once the site went live, for a command that would otherwise
     * find nothing to change and say it succeeded.
     *
     * @throws CommissionRefusal once the site went live
     */
    public void refuseWhenClosed() {
        work.query(() -> {
            refuseWhenLive();
            return null;
        });
    }

    /** Refuses, once the site went live, to touch the record of go-live or of a step the gateway was given. */
    private void refuseBeforeLiveWhenLive(CommissionStep step) throws SQLException {
        if (step.compareTo(CommissionStep.GO_LIVE) <= 0) {
            refuseWhenLive();
        }
    }

    /**
     * Marks {@code step} done at {@code at}, with {@code detail} in words.
     *
     * @return false when it was done already: the first record stands and nothing changes
     */
    public boolean markDone(CommissionStep step, Instant at, String detail) {
        return work.inTransaction(() -> insertStep(step, at, detail));
    }

    private boolean insertStep(CommissionStep step, Instant at, String detail) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT OR IGNORE INTO commission_step (step, done_ms, detail) VALUES (?, ?, ?)")) {
            insert.setString(1, step.name());
            insert.setLong(2, at.toEpochMilli());
            insert.setString(3, detail == null ? "" : detail);
            return insert.executeUpdate() > 0;
        }
    }

    /**
     * Records {@code step}, done already, as done again at {@code at} with {@code detail}, as when another customers
     * file replaces the customers of the first: what the step did is then this. False when it was not done.
     */
    public boolean markDoneAgain(CommissionStep step, Instant at, String detail) {
        return work.inTransaction(() -> {
            refuseBeforeLiveWhenLive(step);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE commission_step SET done_ms = ?, detail = ? WHERE step = ?")) {
                update.setLong(1, at.toEpochMilli());
                update.setString(2, detail == null ? "" : detail);
                update.setString(3, step.name());
                return update.executeUpdate() > 0;
            }
        });
    }

    /**
     * Marks {@code step} not done, as when the technician goes back to it; false when it was not done.
     *
     * @throws CommissionRefusal for go-live or a step before it once the site went live
     */
    public boolean reopen(CommissionStep step) {
        return work.inTransaction(() -> {
            refuseBeforeLiveWhenLive(step);
            return deleteStep(step);
        });
    }

    private boolean deleteStep(CommissionStep step) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM commission_step WHERE step = ?")) {
            delete.setString(1, step.name());
            return delete.executeUpdate() > 0;
        }
    }

    /** The steps done, in the order of {@link CommissionStep}. */
    public List<StepRecord> progress() {
        return work.query(() -> {
            Map<CommissionStep, StepRecord> done = new EnumMap<>(CommissionStep.class);
            try (Statement select = connection.createStatement();
                    ResultSet rows = select.executeQuery("SELECT step, done_ms, detail FROM commission_step")) {
                while (rows.next()) {
                    CommissionStep step = CommissionStep.valueOf(rows.getString(1));
                    done.put(step, new StepRecord(step, Instant.ofEpochMilli(rows.getLong(2)), rows.getString(3)));
                }
            }
            return List.copyOf(done.values());
        });
    }

    /**
     * Keeps a signed report and queues it for the cloud (the sync outbox's events stream, kind
     * {@code commissionReport}) in one transaction; the same report kept twice is kept and queued once.
     *
     * @return false when it was kept already
     */
    public boolean saveReport(SignedReport report) {
        return work.inTransaction(() -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO commission_report "
                    + "(report_id, site_id, technician_id, technician_key, signed, signature, signed_ms) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, report.reportId());
                insert.setString(2, report.siteId());
                insert.setString(3, report.technicianId());
                insert.setBytes(4, report.technicianKey().toByteArray());
                insert.setBytes(5, report.signed().toByteArray());
                insert.setBytes(6, report.signature().toByteArray());
                insert.setLong(7, report.signedAt().toEpochMilli());
                return insert.executeUpdate() > 0;
            }
        });
    }

    /** The reports kept, the latest first. */
    public List<SignedReport> reports() {
        return work.query(() -> {
            List<SignedReport> reports = new ArrayList<>();
            try (Statement select = connection.createStatement();
                    ResultSet rows = select.executeQuery("SELECT " + REPORT_COLUMNS
                            + " FROM commission_report ORDER BY signed_ms DESC, report_id")) {
                while (rows.next()) {
                    reports.add(report(rows, 1));
                }
            }
            return reports;
        });
    }

    /** The ids of the reports kept, the latest first, read without their bytes so that an altered one is listed. */
    public List<String> reportIds() {
        return work.query(() -> {
            List<String> ids = new ArrayList<>();
            try (Statement select = connection.createStatement();
                    ResultSet rows = select.executeQuery("SELECT report_id FROM commission_report "
                            + "ORDER BY signed_ms DESC, report_id")) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        });
    }

    /**
     * The report kept under {@code reportId}.
     *
     * @throws IllegalArgumentException when its signed bytes no longer give its id: they were changed after signing
     */
    public Optional<SignedReport> report(String reportId) {
        return work.query(() -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + REPORT_COLUMNS
                    + " FROM commission_report WHERE report_id = ?")) {
                select.setString(1, reportId);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(report(rows, 1)) : Optional.<SignedReport>empty();
                }
            }
        });
    }

    /** The columns {@link #report} reads, in its order. */
    static final String REPORT_COLUMNS = "report_id, site_id, technician_id, technician_key, signed, signature, "
            + "signed_ms";

    /** The report whose columns ({@link #REPORT_COLUMNS}) start at {@code first}. */
    static SignedReport report(ResultSet rows, int first) throws SQLException {
        return new SignedReport(rows.getString(first), rows.getString(first + 1), rows.getString(first + 2),
                ByteString.of(rows.getBytes(first + 3)), ByteString.of(rows.getBytes(first + 4)),
                ByteString.of(rows.getBytes(first + 5)), Instant.ofEpochMilli(rows.getLong(first + 6)));
    }
}

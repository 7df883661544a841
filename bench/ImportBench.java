import io.gridside.console.imports.ReadingsImport;
import io.gridside.site.Customer;
import io.gridside.site.CustomerCategory;
import io.gridside.site.Meter;
import io.gridside.site.SiteInfo;
import io.gridside.site.store.RawReadsStored;
import io.gridside.site.store.SiteStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Imports five days of quarter-hour register reads of 200 meters from CSV into a site database. */
public final class ImportBench {

    private static final int METERS = 200;
    private static final int QUARTERS = 480;
    private static final int RUNS = 3;
    private static final ZoneId ZONE = ZoneId.of("Africa/Nairobi");
    private static final LocalDateTime FIRST = LocalDateTime.of(2026, 5, 1, 0, 0);
    /**
     * The limit: a day of reads of a 5,000-meter site (480,000 rows) imported within the five minutes a technician
     * can wait for on a site visit.
     */
    private static final double LIMIT_ROWS_PER_S = 480_000 / 300.0;

    private record Row(String meterId, Instant at, long registerWh) {
    }

    private ImportBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("gridside-import-bench");
        List<Row> rows = rows();
        byte[] csv = csv(rows);
        Path template = template(dir.resolve("template.db"));
        List<Double> dryRun = new ArrayList<>();
        List<Double> imports = new ArrayList<>();
        List<Double> bulk = new ArrayList<>();
        RawReadsStored stored = null;
        for (int run = 0; run < RUNS; run++) {
            Path db = dir.resolve("run" + run + ".db");
            Files.copy(template, db);
            try (SiteStore store = SiteStore.open(db)) {
                SiteInfo site = store.site().orElseThrow();
                long t0 = System.nanoTime();
                ReadingsImport.plan(store, site, csv, "reads.csv", Instant.now());
                long t1 = System.nanoTime();
                ReadingsImport.Plan plan = ReadingsImport.plan(store, site, csv, "reads.csv", Instant.now());
                stored = ReadingsImport.apply(store, plan);
                long t2 = System.nanoTime();
                dryRun.add((t1 - t0) / 1e9);
                imports.add((t2 - t1) / 1e9);
            }
            bulk.add(bulkInsert(dir.resolve("bulk" + run + ".db"), rows));
        }
        double importS = median(imports);
        double bulkS = median(bulk);
        System.out.printf(Locale.ROOT, "rows=%d%n", rows.size());
        System.out.printf(Locale.ROOT, "csv_bytes=%d%n", csv.length);
        System.out.printf(Locale.ROOT, "stored=%d%n", stored.stored());
        System.out.printf(Locale.ROOT, "dry_run_s=%.3f%n", median(dryRun));
        System.out.printf(Locale.ROOT, "import_s=%.3f%n", importS);
        System.out.printf(Locale.ROOT, "bulk_insert_s=%.3f%n", bulkS);
        System.out.printf(Locale.ROOT, "import_to_bulk_insert_ratio=%.2f%n", importS / bulkS);
        System.out.printf(Locale.ROOT, "rows_per_s=%.0f%n", rows.size() / importS);
        System.out.printf(Locale.ROOT, "rows_per_s_to_limit_ratio=%.2f%n", rows.size() / importS / LIMIT_ROWS_PER_S);
    }

    private static List<Row> rows() {
        SplittableRandom random = new SplittableRandom(11);
        List<Row> rows = new ArrayList<>(METERS * QUARTERS);
        long[] registers = new long[METERS];
        for (int q = 0; q < QUARTERS; q++) {
            Instant at = FIRST.plusMinutes(15L * q).atZone(ZONE).toInstant();
            for (int m = 0; m < METERS; m++) {
                registers[m] += random.nextInt(120);
                rows.add(new Row(meterId(m), at, registers[m]));
            }
        }
        return rows;
    }

    private static String meterId(int index) {
        return String.format(Locale.ROOT, "M%05d", index + 1);
    }

    /** The rows as a spreadsheet would write them: local times, kWh with three decimals, CRLF. */
    private static byte[] csv(List<Row> rows) {
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        StringBuilder text = new StringBuilder("meter,timestamp,register_kwh\r\n");
        for (Row row : rows) {
            text.append(row.meterId()).append(',').append(local.format(row.at().atZone(ZONE))).append(',')
                    .append(row.registerWh() / 1000).append('.')
                    .append(String.format(Locale.ROOT, "%03d", row.registerWh() % 1000)).append("\r\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Path template(Path db) {
        List<Customer> customers = new ArrayList<>();
        List<Meter> meters = new ArrayList<>();
        for (int m = 0; m < METERS; m++) {
            String customerId = String.format(Locale.ROOT, "C%05d", m + 1);
            customers.add(new Customer(customerId, "Customer " + (m + 1), CustomerCategory.HOUSEHOLD));
            meters.add(new Meter(meterId(m), "S" + (m + 1), customerId, "GW-1", -70));
        }
        try (SiteStore store = SiteStore.open(db)) {
            store.saveSite(new SiteInfo("bench-site", "Bench", "KES", ZONE), "GW-1");
            store.saveRoster(customers, meters);
            store.setPulledGatewayClock(Instant.parse("2026-06-01T00:00:00Z"));
        }
        return db;
    }

    /** The peer: the same rows inserted into a table of the raw reads' shape, in one transaction. */
    private static double bulkInsert(Path db, List<Row> rows) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA synchronous=FULL");
                statement.execute("CREATE TABLE raw_read (meter_id TEXT NOT NULL, at INTEGER NOT NULL, "
                        + "register_wh INTEGER NOT NULL, PRIMARY KEY (meter_id, at)) WITHOUT ROWID");
            }
            long t0 = System.nanoTime();
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO raw_read (meter_id, at, register_wh) VALUES (?, ?, ?)")) {
                for (Row row : rows) {
                    insert.setString(1, row.meterId());
                    insert.setLong(2, row.at().getEpochSecond());
                    insert.setLong(3, row.registerWh());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}

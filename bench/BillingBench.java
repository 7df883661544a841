import io.gridside.billing.Charge;
import io.gridside.billing.Rater;
import io.gridside.billing.RatingState;
import io.gridside.sim.journal.GatewayJournal;
import io.gridside.sim.month.MonthSpec;
import io.gridside.sim.month.SiteMonth;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.Reading;
import io.gridside.site.store.SiteStore;
import io.gridside.site.tariff.Block;
import io.gridside.site.tariff.ChargeLine;
import io.gridside.site.tariff.DayType;
import io.gridside.site.tariff.Period;
import io.gridside.site.tariff.StandingCharge;
import io.gridside.site.tariff.TariffSchedule;
import io.gridside.site.tariff.TariffVersion;
import io.gridside.site.tariff.TouBand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/** Stores, rates and posts a month of 5,000 meters' readings, against a plain SQLite bulk insert of the same rows. */
public final class BillingBench {

    private static final long SEED = 42;
    private static final int RUNS = 3;
    private static final long DAY_SECONDS = 86_400;
    private static final int SLOTS = 96;
    /** The goals: the month within a minute, within twice the bulk insert, in 8 bytes a reading. */
    private static final double MONTH_GOAL_S = 60;
    private static final double BYTES_GOAL = 8;
    private static final long OPENING_MINOR = 1_000_000;
    private static final int BULK_BATCH = 10_000;

    private BillingBench() {
    }

    public static void main(String[] args) throws IOException, SQLException {
        int meters = intArg(args, "--meters", 5_000);
        int days = intArg(args, "--days", MonthSpec.DEFAULT_DAYS);
        int runs = Math.max(1, intArg(args, "--runs", RUNS));
        boolean keyOrder = !List.of(args).contains("--bulk-in-arrival-order");
        Path monthFile = SiteMonth.obtain(new MonthSpec(meters, SEED, MonthSpec.NO_SCENARIO, days));
        Month month = Month.load(monthFile, days);
        Path work = Files.createTempDirectory("gridside-billing-bench-");
        try {
            List<Double> bulkSeconds = new ArrayList<>();
            List<Double> monthSeconds = new ArrayList<>();
            List<BillingResult> billedRuns = new ArrayList<>();
            long[] bulkBytes = {0};
            for (int run = 0; run < runs; run++) {
                Path bulkFile = work.resolve("bulk-" + run + ".db");
                bulkSeconds.add(timed(() -> bulkBytes[0] = bulkInsert(month, bulkFile, keyOrder)));
                deleteDatabase(bulkFile);
                Path runFolder = work.resolve("billing-" + run);
                monthSeconds.add(timed(() -> billedRuns.add(bill(month, runFolder))));
                deleteTree(runFolder);
            }
            double monthS = median(monthSeconds);
            BillingResult medianRun = billedRuns.get(monthSeconds.indexOf(monthS));
            report(month, median(bulkSeconds), bulkBytes[0], monthS, medianRun);
        } finally {
            deleteTree(work);
        }
    }

    private static void report(Month month, double bulkS, long bulkBytes, double monthS, BillingResult billed) {
        long readings = month.readings;
        double storeBytes = (double) billed.storeBytes / readings;
        double bulkPerReading = (double) bulkBytes / readings;
        print("meters", month.meterIds.size());
        print("days", month.days.size());
        print("intervals", readings);
        print("ledger_entries", billed.ledgerEntries);
        print("charges_rated", billed.charges);
        print("store_readings_s", billed.storeNanos / 1e9);
        print("store_share_of_month", billed.storeNanos / 1e9 / monthS);
        print("rate_s", billed.rateNanos / 1e9);
        print("rate_share_of_month", billed.rateNanos / 1e9 / monthS);
        print("post_ledger_s", billed.postNanos / 1e9);
        print("post_share_of_month", billed.postNanos / 1e9 / monthS);
        print("bulk_insert_s", bulkS);
        print("bulk_bytes_per_reading", bulkPerReading);
        print("ledger_bytes_per_reading", (double) billed.ledgerBytes / readings);
        print("store_to_bulk_bytes_ratio", storeBytes / bulkPerReading);
        print("store_bytes_to_goal_ratio", storeBytes / BYTES_GOAL);
        print("month_share_of_goal", monthS / MONTH_GOAL_S);
        print("intervals_per_s", readings / monthS);
        print("month_s", monthS);
        print("store_bytes_per_reading", storeBytes);
        print("ratio_to_bulk_insert", monthS / bulkS);
    }

    /**
     * The peer: the same rows into a table of the one-row-per-reading shape the site store had (text meter id,
     * interval, energy, register, four quality columns, keyed by meter and interval), through one prepared
     * statement in batches, with the store's WAL and full syncs. By default the rows come sorted by the table's
     * key (meter, then time), a bulk load's best case, in transactions of a day's worth of rows; with
     * {@code --bulk-in-arrival-order} they come in the order a gateway receives them (time, then meter) in a
     * transaction a day, as the billing run takes them.
     *
     * @return the database's size after a checkpoint
     */
    private static long bulkInsert(Month month, Path file, boolean keyOrder) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA synchronous=FULL");
                statement.execute("CREATE TABLE reading (meter_id TEXT NOT NULL, interval_start INTEGER NOT NULL, "
                        + "energy_wh INTEGER NOT NULL, register_wh INTEGER NOT NULL, min_decivolts INTEGER, "
                        + "average_decivolts INTEGER, max_decivolts INTEGER, peak_watts INTEGER, "
                        + "PRIMARY KEY (meter_id, interval_start)) WITHOUT ROWID");
            }
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO reading VALUES "
                    + "(?, ?, ?, ?, ?, ?, ?, ?)")) {
                if (keyOrder) {
                    insertInKeyOrder(connection, insert, month);
                } else {
                    for (Day day : month.days) {
                        for (int i = 0; i < day.size; i++) {
                            insertRow(insert, month, day, i, i + 1);
                        }
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            return Files.size(file);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("The bulk insert failed: " + e.getMessage(), e);
        }
    }

    private static void insertInKeyOrder(Connection connection, PreparedStatement insert, Month month)
            throws SQLException {
        long rows = 0;
        long perCommit = month.readings / Math.max(1, month.days.size());
        for (int m = 0; m < month.meterIds.size(); m++) {
            for (Day day : month.days) {
                for (int j = day.firstOfMeter[m]; j < day.firstOfMeter[m + 1]; j++) {
                    rows++;
                    insertRow(insert, month, day, day.byMeter[j], rows);
                    if (rows % perCommit == 0) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
        }
        insert.executeBatch();
        connection.commit();
    }

    /** Adds row {@code i} of {@code day} to the batch, sending the batch after every {@value #BULK_BATCH}th row. */
    private static void insertRow(PreparedStatement insert, Month month, Day day, int i, long count)
            throws SQLException {
        insert.setString(1, month.meterIds.get(day.meter[i]));
        insert.setLong(2, day.start[i]);
        insert.setLong(3, day.energy[i]);
        insert.setLong(4, day.register[i]);
        for (int column = 0; column < 4; column++) {
            int value = day.quality[i * 4 + column];
            if (value < 0) {
                insert.setNull(5 + column, Types.INTEGER);
            } else {
                insert.setInt(5 + column, value);
            }
        }
        insert.addBatch();
        if (count % BULK_BATCH == 0) {
            insert.executeBatch();
        }
    }

    /**
     * The month as a gateway bills it: each day's readings stored in the site store's compact form (one
     * transaction a day), each reading rated under the block, time-of-use, standing and tax tariff, and each
     * customer's charges of the day posted to a durable, hash-chained ledger (the gateway's journal, one
     * transaction a day), one entry per customer, day and kind of charge. A day's readings are stored on a second
     * thread while they are rated, and its charges are posted only once its readings are durable.
     */
    private static BillingResult bill(Month month, Path folder) {
        Path storeFile = folder.resolve("site.db");
        BillingResult result = new BillingResult();
        Rating rating = new Rating(month);
        Ledger ledger = new Ledger(month, GatewayJournal.create(folder.resolve("journal"), month.meterIds, true));
        ExecutorService storing = Executors.newSingleThreadExecutor();
        try (SiteStore store = SiteStore.open(storeFile)) {
            ledger.open(Instant.ofEpochSecond(month.days.get(0).epochDay * DAY_SECONDS));
            for (Day day : month.days) {
                List<Reading> readings = day.readings(month.meterIds);
                Future<Long> stored = storing.submit(() -> {
                    long started = System.nanoTime();
                    store.insertReadings(readings);
                    return System.nanoTime() - started;
                });
                long started = System.nanoTime();
                boolean lastDay = day == month.days.get(month.days.size() - 1);
                result.charges += rating.rate(day, readings, ledger, lastDay);
                long rated = System.nanoTime();
                result.rateNanos += rated - started;
                result.storeNanos += stored.get();
                long posting = System.nanoTime();
                ledger.post(Instant.ofEpochSecond((day.epochDay + 1) * DAY_SECONDS));
                result.postNanos += System.nanoTime() - posting;
            }
            store.compactReadings();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The billing run was interrupted.", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Storing the readings failed: " + e.getCause().getMessage(), e);
        } finally {
            storing.shutdown();
            ledger.close();
        }
        result.ledgerEntries = ledger.entries;
        result.storeBytes = size(storeFile);
        result.ledgerBytes = size(folder.resolve("journal").resolve(GatewayJournal.FILE_NAME));
        return result;
    }

    /** Every meter's rating state through the month, and the site day each was last charged its standing for. */
    private static final class Rating {

        private final Rater rater;
        private final ZoneId zone;
        private final RatingState[] states;
        private final LocalDate[] chargedThrough;

        Rating(Month month) {
            rater = new Rater(schedule(month.currency), month.zone, day -> false);
            zone = month.zone;
            int meters = month.meterIds.size();
            states = new RatingState[meters];
            chargedThrough = new LocalDate[meters];
            LocalDate firstDay = LocalDate.ofInstant(Instant.ofEpochSecond(month.days.get(0).epochDay * DAY_SECONDS),
                    zone);
            for (int m = 0; m < meters; m++) {
                states[m] = RatingState.openedOn(firstDay);
                chargedThrough[m] = firstDay.minusDays(1);
            }
        }

        /**
         * Rates a UTC day's readings as the engine does: each reading's charges accrue, and what accrued posts when
         * a site day ends, before the next day's standing charge, and at the end of the month ({@code lastDay});
         * returns the charges posted.
         */
        long rate(Day day, List<Reading> readings, Ledger ledger, boolean lastDay) {
            LocalDate[] siteDays = siteDaysOf(day.epochDay, zone);
            long charges = 0;
            for (Reading reading : readings) {
                int m = day.meterOf(reading);
                LocalDate siteDay = siteDays[ReadingSlots.of(reading, day.epochDay)];
                while (chargedThrough[m].isBefore(siteDay)) {
                    charges += ledger.add(m, rater.postAccrued(states[m]));
                    chargedThrough[m] = chargedThrough[m].plusDays(1);
                    charges += ledger.add(m, rater.dayBegins(states[m], chargedThrough[m]));
                }
                rater.accrueInterval(states[m], reading);
            }
            if (lastDay) {
                for (int m = 0; m < states.length; m++) {
                    charges += ledger.add(m, rater.postAccrued(states[m]));
                }
            }
            return charges;
        }
    }

    /** Where a reading falls in its UTC day. */
    private static final class ReadingSlots {

        private ReadingSlots() {
        }

        static int of(Reading reading, long epochDay) {
            return (int) ((reading.intervalStart().getEpochSecond() - epochDay * DAY_SECONDS)
                    / Reading.INTERVAL.toSeconds());
        }
    }

    /** The site day of each quarter hour of a UTC day. */
    private static LocalDate[] siteDaysOf(long epochDay, ZoneId zone) {
        LocalDate[] days = new LocalDate[SLOTS];
        for (int slot = 0; slot < SLOTS; slot++) {
            days[slot] = LocalDate.ofInstant(Instant.ofEpochSecond(epochDay * DAY_SECONDS + slot * 900L), zone);
        }
        return days;
    }

    /** A lifeline block to 30 kWh a month, an evening peak, a daily standing charge, VAT and a levy: RatingBench's. */
    private static TariffSchedule schedule(String currency) {
        List<TouBand> bands = List.of(new TouBand(DayType.WEEKDAY, "00:00", "18:00", 0),
                new TouBand(DayType.WEEKDAY, "18:00", "22:00", 50_000_000),
                new TouBand(DayType.WEEKDAY, "22:00", "24:00", 0),
                new TouBand(DayType.SATURDAY, "00:00", "24:00", 0),
                new TouBand(DayType.SUNDAY_OR_HOLIDAY, "00:00", "24:00", 0));
        TariffVersion version = new TariffVersion(LocalDateTime.of(2024, 1, 1, 0, 0), currency,
                List.of(new Block(30_000L, 10_000_000, true), new Block(null, 25_005_000, false)), Period.MONTHLY,
                bands, new StandingCharge(Period.DAILY, 1_000, null), 50_000L,
                List.of(new ChargeLine("VAT", ChargeLine.Kind.TAX, 1_600L, null),
                        new ChargeLine("REA", ChargeLine.Kind.LEVY, null, 500_000L)), 250);
        return new TariffSchedule("bench-" + currency.toLowerCase(Locale.ROOT), currency, List.of(version));
    }

    /** What one billing run left behind. */
    private static final class BillingResult {
        long charges;
        long ledgerEntries;
        long storeBytes;
        long ledgerBytes;
        long storeNanos;
        long rateNanos;
        long postNanos;
    }

    /**
     * Each customer's charges of the day under way, summed by kind, posted at the day's end as one entry per
     * customer and kind with the running balance, chained and written in one transaction.
     */
    private static final class Ledger {

        private static final EntryKind[] KINDS = EntryKind.values();

        private final Month month;
        private final GatewayJournal journal;
        private final long[][] due;
        private final long[] balance;
        private long seq;
        long entries;

        Ledger(Month month, GatewayJournal journal) {
            this.month = month;
            this.journal = journal;
            this.due = new long[month.meterIds.size()][KINDS.length];
            this.balance = new long[month.meterIds.size()];
        }

        void open(Instant at) {
            List<LedgerEntry> openings = new ArrayList<>();
            for (int m = 0; m < balance.length; m++) {
                balance[m] = OPENING_MINOR;
                openings.add(new LedgerEntry(++seq, at, month.customerIds.get(m), EntryKind.OPENING, OPENING_MINOR,
                        OPENING_MINOR, "opening"));
            }
            write(at, openings);
        }

        int add(int meter, List<Charge> charges) {
            for (Charge charge : charges) {
                due[meter][charge.kind().ordinal()] += charge.amountMinor();
            }
            return charges.size();
        }

        void post(Instant dayEnd) {
            String day = LocalDate.ofInstant(dayEnd.minusSeconds(1), ZoneId.of("UTC")).toString();
            List<LedgerEntry> posted = new ArrayList<>();
            for (int m = 0; m < balance.length; m++) {
                for (EntryKind kind : KINDS) {
                    long amount = due[m][kind.ordinal()];
                    if (amount != 0) {
                        balance[m] -= amount;
                        posted.add(new LedgerEntry(++seq, dayEnd, month.customerIds.get(m), kind, -amount,
                                balance[m], "day:" + day));
                        due[m][kind.ordinal()] = 0;
                    }
                }
            }
            write(dayEnd, posted);
        }

        private void write(Instant at, List<LedgerEntry> posted) {
            journal.write(at, List.of(), posted, List.of());
            entries += posted.size();
        }

        void close() {
            journal.close();
        }
    }

    /** The generated month's readings, held as numbers by UTC day, in the order a gateway receives them. */
    private static final class Month {
        final List<String> meterIds = new ArrayList<>();
        final List<String> customerIds = new ArrayList<>();
        final Map<String, Integer> meterIndex = new HashMap<>();
        final List<Day> days = new ArrayList<>();
        ZoneId zone;
        String currency;
        long readings;

        static Month load(Path file, int dayCount) {
            Month month = new Month();
            try (SiteStore store = SiteStore.open(file)) {
                month.zone = store.site().orElseThrow().zone();
                month.currency = store.site().orElseThrow().currency();
                for (Meter meter : store.meters()) {
                    month.meterIndex.put(meter.meterId(), month.meterIds.size());
                    month.meterIds.add(meter.meterId());
                    month.customerIds.add(meter.customerId());
                }
                long firstDay = Math.floorDiv(SiteMonth.START.getEpochSecond(), DAY_SECONDS);
                for (long d = firstDay; d < firstDay + dayCount; d++) {
                    List<Reading> readings = store.readings(Instant.ofEpochSecond(d * DAY_SECONDS),
                            Instant.ofEpochSecond((d + 1) * DAY_SECONDS));
                    month.days.add(new Day(d, readings, month.meterIndex));
                    month.readings += readings.size();
                }
            }
            return month;
        }
    }

    /** One UTC day of readings as parallel arrays; a quality column is -1 where the reading had none. */
    private static final class Day {
        final long epochDay;
        final int size;
        final int[] meter;
        final long[] start;
        final long[] energy;
        final long[] register;
        final int[] quality;
        /** The rows' positions sorted by meter then time, and where each meter's rows begin among them. */
        final int[] byMeter;
        final int[] firstOfMeter;
        private final Map<String, Integer> meterIndex;

        Day(long epochDay, List<Reading> readings, Map<String, Integer> meterIndex) {
            this.epochDay = epochDay;
            this.meterIndex = meterIndex;
            size = readings.size();
            meter = new int[size];
            start = new long[size];
            energy = new long[size];
            register = new long[size];
            quality = new int[size * 4];
            for (int i = 0; i < size; i++) {
                Reading reading = readings.get(i);
                meter[i] = meterIndex.get(reading.meterId());
                start[i] = reading.intervalStart().getEpochSecond();
                energy[i] = reading.energyWh();
                register[i] = reading.registerWh();
                Reading.Quality q = reading.quality();
                quality[i * 4] = q == null ? -1 : q.minDecivolts();
                quality[i * 4 + 1] = q == null ? -1 : q.averageDecivolts();
                quality[i * 4 + 2] = q == null ? -1 : q.maxDecivolts();
                quality[i * 4 + 3] = q == null ? -1 : q.peakWatts();
            }
            firstOfMeter = new int[meterIndex.size() + 1];
            for (int i = 0; i < size; i++) {
                firstOfMeter[meter[i] + 1]++;
            }
            for (int m = 0; m < meterIndex.size(); m++) {
                firstOfMeter[m + 1] += firstOfMeter[m];
            }
            byMeter = new int[size];
            int[] next = Arrays.copyOf(firstOfMeter, meterIndex.size());
            for (int i = 0; i < size; i++) {
                byMeter[next[meter[i]]++] = i;
            }
        }

        List<Reading> readings(List<String> meterIds) {
            List<Reading> readings = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                Reading.Quality q = quality[i * 4] < 0 ? null : new Reading.Quality(quality[i * 4],
                        quality[i * 4 + 1], quality[i * 4 + 2], quality[i * 4 + 3]);
                readings.add(new Reading(meterIds.get(meter[i]), Instant.ofEpochSecond(start[i]), energy[i],
                        register[i], q));
            }
            return readings;
        }

        int meterOf(Reading reading) {
            return meterIndex.get(reading.meterId());
        }
    }

    private static double timed(Runnable work) {
        long started = System.nanoTime();
        work.run();
        return (System.nanoTime() - started) / 1e9;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException("The size of " + file + " could not be read.", e);
        }
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private static void deleteDatabase(Path file) throws IOException {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void print(String key, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            System.out.println(key + "=" + (long) value);
        } else {
            System.out.println(key + "=" + String.format(Locale.ROOT, "%.3f", value));
        }
    }
}

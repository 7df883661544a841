package io.gridside.site.store;

import io.gridside.site.Reading;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * The site store's readings: a {@link ReadingBlock} per meter and UTC day, and the readings of days not yet whole
 * as rows waiting beside them (decision 0026).
 *
 * <p>A reading is held once, in a block or in a waiting row, never both: an insert looks in both before it keeps
 * anything, and the first copy of a reading wins. A day becomes a block as soon as it is whole, or when a reading
 * arrives late for a day that is a block already; {@link #fold} turns every waiting row into blocks. A second
 * reading of a quarter hour that splits it with the first is kept beside them (see {@link SharedReadingRows}).
 */
final class ReadingBlockRows {

    /** A quarter hour's shares (see {@link SharedReadingRows}) in the order billed: the register's, lowest first. */
    private static final Comparator<Reading> TIME_THEN_METER = Comparator.comparing(Reading::intervalStart)
            .thenComparing(Reading::meterId).thenComparingLong(Reading::registerWh)
            .thenComparing(Comparator.comparingLong(Reading::energyWh).reversed());
    private static final String PENDING_COLUMNS = "interval_start, energy_wh, register_wh, min_decivolts, "
            + "average_decivolts, max_decivolts, peak_watts";

    private ReadingBlockRows() {
    }

    /** Stores the readings not held yet; returns how many were new. */
    static int insert(Connection connection, List<Reading> readings) throws SQLException {
        Map<String, Long> meters = meterKeys(connection, readings);
        Map<GroupKey, List<Reading>> groups = new LinkedHashMap<>();
        for (Reading reading : readings) {
            GroupKey key = new GroupKey(meters.get(reading.meterId()), ReadingBlock.dayOf(reading.intervalStart()));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(reading);
        }
        boolean anyPending = anyPending(connection);
        int added = 0;
        try (Statements statements = new Statements(connection)) {
            for (Map.Entry<GroupKey, List<Reading>> group : groups.entrySet()) {
                List<Reading> shares = new ArrayList<>();
                List<Reading> firsts = firstOfEachQuarterHour(group.getValue(), shares);
                added += insertGroup(statements, group.getKey(), firsts, anyPending, shares);
                added += SharedReadingRows.insert(connection, group.getKey().meter(), shares);
            }
        }
        return added;
    }

    /**
     * The first of {@code readings} of each quarter hour, in their order; a later one of the same quarter hour that
     * splits it with the first goes to {@code shares}, any other is a copy and is dropped.
     */
    private static List<Reading> firstOfEachQuarterHour(List<Reading> readings, List<Reading> shares) {
        Map<Instant, Reading> first = new HashMap<>();
        List<Reading> firsts = new ArrayList<>(readings.size());
        for (Reading reading : readings) {
            Reading held = first.putIfAbsent(reading.intervalStart(), reading);
            if (held == null) {
                firsts.add(reading);
            } else if (SharedReadingRows.split(held, reading)) {
                shares.add(reading);
            }
        }
        return firsts;
    }

    /**
     * Merges one meter's readings of one day with what is held of that day; returns how many were new. A day held
     * as a block is rewritten with them; otherwise they wait as rows (the waiting rows' key drops copies), and the
     * day becomes a block when a reading of its last quarter hour arrives and the day is whole: so a day streamed
     * in time order is read back once, not at every batch. A reading whose quarter hour is held by another that
     * it splits the quarter hour with goes to {@code shares}.
     */
    private static int insertGroup(Statements statements, GroupKey key, List<Reading> arriving, boolean anyPending,
            List<Reading> shares) throws SQLException {
        ReadingBlock held = statements.block(key);
        if (held == null && !anyPending) {
            ReadingBlock day = new ReadingBlock(key.day());
            arriving.forEach(day::add);
            if (day.isFull()) {
                statements.saveBlock(key, day);
                return day.size();
            }
        }
        if (held == null) {
            List<Reading> ignored = new ArrayList<>();
            int added = statements.addPending(key.meter(), arriving, ignored);
            if (!ignored.isEmpty() || !shares.isEmpty()) {
                sharesOf(statements.pending(key), ignored, shares);
            }
            if (added > 0 && endsTheDay(arriving) && statements.pendingCount(key) == ReadingBlock.SLOTS) {
                statements.saveMerged(key, blockOf(key, statements.pending(key)));
                statements.deletePending(key);
            }
            return added;
        }
        ReadingBlock merged = new ReadingBlock(key.day());
        merged.addAll(held);
        List<Reading> waiting = anyPending ? statements.pending(key) : List.of();
        waiting.forEach(merged::add);
        int added = 0;
        List<Reading> ignored = new ArrayList<>();
        for (Reading reading : arriving) {
            if (merged.add(reading)) {
                added++;
            } else {
                ignored.add(reading);
            }
        }
        if (!ignored.isEmpty() || !shares.isEmpty()) {
            sharesOf(merged.readings("held", Long.MIN_VALUE, Long.MAX_VALUE), ignored, shares);
        }
        if (added > 0) {
            statements.saveBlock(key, merged);
            if (!waiting.isEmpty()) {
                statements.deletePending(key);
            }
        }
        return added;
    }

    /**
     * Leaves in {@code shares}, with those of {@code ignored} added, only the readings that split their quarter
     * hour with the one {@code held} in it: a share of the arriving readings' own may be the one held already.
     */
    private static void sharesOf(List<Reading> held, List<Reading> ignored, List<Reading> shares) {
        Map<Instant, Reading> byStart = new HashMap<>();
        held.forEach(reading -> byStart.put(reading.intervalStart(), reading));
        List<Reading> candidates = new ArrayList<>(shares);
        candidates.addAll(ignored);
        shares.clear();
        for (Reading reading : candidates) {
            Reading first = byStart.get(reading.intervalStart());
            if (first != null && SharedReadingRows.split(first, reading)) {
                shares.add(reading);
            }
        }
    }

    private static boolean endsTheDay(List<Reading> readings) {
        return readings.stream().anyMatch(r -> ReadingBlock.slotOf(r.intervalStart()) == ReadingBlock.SLOTS - 1);
    }

    private static ReadingBlock blockOf(GroupKey key, List<Reading> readings) {
        ReadingBlock block = new ReadingBlock(key.day());
        readings.forEach(block::add);
        return block;
    }

    /** Turns every waiting reading into its day's block; returns how many readings moved. */
    static int fold(Connection connection) throws SQLException {
        int moved = 0;
        try (Statements statements = new Statements(connection);
                PreparedStatement select = connection.prepareStatement("SELECT meter, " + PENDING_COLUMNS
                        + " FROM reading_pending ORDER BY meter, interval_start");
                ResultSet rows = select.executeQuery()) {
            GroupKey current = null;
            ReadingBlock block = null;
            while (rows.next()) {
                long meter = rows.getLong(1);
                Reading reading = pendingReading("pending", rows, 2);
                GroupKey key = new GroupKey(meter, ReadingBlock.dayOf(reading.intervalStart()));
                if (!key.equals(current)) {
                    statements.saveMerged(current, block);
                    current = key;
                    block = new ReadingBlock(key.day());
                }
                block.add(reading);
                moved++;
            }
            statements.saveMerged(current, block);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM reading_pending");
        }
        return moved;
    }

    /** The readings whose interval starts in [from, to), ordered by time and then meter. */
    static List<Reading> between(Connection connection, Instant from, Instant to) throws SQLException {
        return select(connection, null, from, to);
    }

    /** One meter's readings whose interval starts in [from, to), in time order. */
    static List<Reading> ofMeter(Connection connection, String meterId, Instant from, Instant to)
            throws SQLException {
        return select(connection, meterId, from, to);
    }

    private static List<Reading> select(Connection connection, String meterId, Instant from, Instant to)
            throws SQLException {
        long fromSecond = from.getEpochSecond();
        long toSecond = to.getEpochSecond();
        List<Reading> result = new ArrayList<>();
        if (toSecond <= fromSecond) {
            return result;
        }
        String meterFilter = meterId == null ? "" : " AND m.meter_id = ?";
        try (PreparedStatement blocks = connection.prepareStatement("SELECT m.meter_id, b.day, b.block "
                + "FROM reading_block b JOIN reading_meter m ON m.meter = b.meter WHERE b.day >= ? AND b.day <= ?"
                + meterFilter)) {
            blocks.setLong(1, Math.floorDiv(fromSecond, ReadingBlock.DAY_SECONDS));
            blocks.setLong(2, Math.floorDiv(toSecond - 1, ReadingBlock.DAY_SECONDS));
            if (meterId != null) {
                blocks.setString(3, meterId);
            }
            try (ResultSet rows = blocks.executeQuery()) {
                while (rows.next()) {
                    ReadingBlock block = decode(rows.getString(1), rows.getLong(2), rows.getBytes(3));
                    result.addAll(block.readings(rows.getString(1), fromSecond, toSecond));
                }
            }
        }
        try (PreparedStatement pending = connection.prepareStatement("SELECT m.meter_id, " + PENDING_COLUMNS
                + " FROM reading_pending p JOIN reading_meter m ON m.meter = p.meter "
                + "WHERE p.interval_start >= ? AND p.interval_start < ?" + meterFilter)) {
            pending.setLong(1, fromSecond);
            pending.setLong(2, toSecond);
            if (meterId != null) {
                pending.setString(3, meterId);
            }
            try (ResultSet rows = pending.executeQuery()) {
                while (rows.next()) {
                    result.add(pendingReading(rows.getString(1), rows, 2));
                }
            }
        }
        result.addAll(SharedReadingRows.select(connection, meterId, fromSecond, toSecond));
        result.sort(TIME_THEN_METER);
        return result;
    }

    /** How many readings are held, in blocks and waiting. */
    static long count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT (SELECT COALESCE(SUM(readings), 0) FROM "
                        + "reading_block) + (SELECT COUNT(*) FROM reading_pending)")) {
            return rows.getLong(1) + SharedReadingRows.count(connection);
        }
    }

    /**
     * The migration's step after V9's script: moves every row of the old one-row-per-reading table into blocks,
     * then drops that table.
     */
    static void moveRowsIntoBlocks(Connection connection) throws SQLException {
        Map<String, Long> meters = new HashMap<>();
        List<Reading> meterDay = new ArrayList<>();
        try (Statements statements = new Statements(connection);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT meter_id, " + PENDING_COLUMNS
                        + " FROM reading ORDER BY meter_id, interval_start")) {
            while (rows.next()) {
                Reading reading = pendingReading(rows.getString(1), rows, 2);
                if (!meterDay.isEmpty() && !sameMeterDay(meterDay.get(0), reading)) {
                    saveAsBlock(connection, statements, meters, meterDay);
                    meterDay.clear();
                }
                meterDay.add(reading);
            }
            if (!meterDay.isEmpty()) {
                saveAsBlock(connection, statements, meters, meterDay);
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE reading");
        }
    }

    private static boolean sameMeterDay(Reading a, Reading b) {
        return a.meterId().equals(b.meterId())
                && ReadingBlock.dayOf(a.intervalStart()) == ReadingBlock.dayOf(b.intervalStart());
    }

    /** The old table's readings of one meter and day, whole or not, become that day's block. */
    private static void saveAsBlock(Connection connection, Statements statements, Map<String, Long> meters,
            List<Reading> meterDay) throws SQLException {
        String meterId = meterDay.get(0).meterId();
        if (!meters.containsKey(meterId)) {
            meters.putAll(meterKeys(connection, meterDay.subList(0, 1)));
        }
        ReadingBlock block = new ReadingBlock(ReadingBlock.dayOf(meterDay.get(0).intervalStart()));
        meterDay.forEach(block::add);
        statements.saveBlock(new GroupKey(meters.get(meterId), block.day()), block);
    }

    private static boolean anyPending(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM reading_pending)")) {
            return rows.getInt(1) == 1;
        }
    }

    /** Each meter's small integer, given to a meter the first time one of its readings is stored. */
    private static Map<String, Long> meterKeys(Connection connection, List<Reading> readings) throws SQLException {
        Map<String, Long> keys = new HashMap<>();
        try (PreparedStatement find = connection.prepareStatement(
                "SELECT meter FROM reading_meter WHERE meter_id = ?");
                PreparedStatement add = connection.prepareStatement(
                        "INSERT INTO reading_meter (meter_id) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
            for (Reading reading : readings) {
                String meterId = reading.meterId();
                if (!keys.containsKey(meterId)) {
                    keys.put(meterId, meterKey(find, add, meterId));
                }
            }
        }
        return keys;
    }

    private static long meterKey(PreparedStatement find, PreparedStatement add, String meterId)
            throws SQLException {
        find.setString(1, meterId);
        try (ResultSet rows = find.executeQuery()) {
            if (rows.next()) {
                return rows.getLong(1);
            }
        }
        add.setString(1, meterId);
        add.executeUpdate();
        try (ResultSet generated = add.getGeneratedKeys()) {
            generated.next();
            return generated.getLong(1);
        }
    }

    /** A reading of the seven columns from {@code first}: interval, energy, register and the four of quality. */
    static Reading pendingReading(String meterId, ResultSet rows, int first) throws SQLException {
        Instant start = Instant.ofEpochSecond(rows.getLong(first));
        long energy = rows.getLong(first + 1);
        long register = rows.getLong(first + 2);
        int min = rows.getInt(first + 3);
        if (rows.wasNull()) {
            return new Reading(meterId, start, energy, register);
        }
        return new Reading(meterId, start, energy, register, new Reading.Quality(min, rows.getInt(first + 4),
                rows.getInt(first + 5), rows.getInt(first + 6)));
    }

    private static ReadingBlock decode(String meterId, long day, byte[] bytes) throws SQLException {
        try {
            return ReadingBlock.decode(day, bytes);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new SQLException("The readings of meter " + meterId + " on UTC day " + day + " are corrupt: "
                    + e.getMessage(), e);
        }
    }

    /** A meter's integer and a UTC day: the key of a block. */
    private record GroupKey(long meter, long day) {
    }

    /** The statements one insert or fold runs per block, prepared once. */
    private static final class Statements implements AutoCloseable {

        private final PreparedStatement selectBlock;
        private final PreparedStatement upsertBlock;
        private final PreparedStatement selectPending;
        private final PreparedStatement insertPending;
        private final PreparedStatement deletePending;
        private final PreparedStatement countPending;
        private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);

        Statements(Connection connection) throws SQLException {
            selectBlock = connection.prepareStatement("SELECT block FROM reading_block WHERE meter = ? AND day = ?");
            upsertBlock = connection.prepareStatement("INSERT INTO reading_block (meter, day, readings, block) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT (meter, day) DO UPDATE SET readings = excluded.readings, "
                    + "block = excluded.block");
            selectPending = connection.prepareStatement("SELECT " + PENDING_COLUMNS + " FROM reading_pending "
                    + "WHERE meter = ? AND interval_start >= ? AND interval_start < ?");
            insertPending = connection.prepareStatement("INSERT OR IGNORE INTO reading_pending (meter, "
                    + PENDING_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            deletePending = connection.prepareStatement("DELETE FROM reading_pending "
                    + "WHERE meter = ? AND interval_start >= ? AND interval_start < ?");
            countPending = connection.prepareStatement("SELECT COUNT(*) FROM reading_pending "
                    + "WHERE meter = ? AND interval_start >= ? AND interval_start < ?");
        }

        ReadingBlock block(GroupKey key) throws SQLException {
            selectBlock.setLong(1, key.meter());
            selectBlock.setLong(2, key.day());
            try (ResultSet rows = selectBlock.executeQuery()) {
                return rows.next() ? decode("#" + key.meter(), key.day(), rows.getBytes(1)) : null;
            }
        }

        List<Reading> pending(GroupKey key) throws SQLException {
            bindDay(selectPending, key);
            List<Reading> result = new ArrayList<>();
            try (ResultSet rows = selectPending.executeQuery()) {
                while (rows.next()) {
                    result.add(pendingReading("pending", rows, 1));
                }
            }
            return result;
        }

        void saveBlock(GroupKey key, ReadingBlock block) throws SQLException {
            upsertBlock.setLong(1, key.meter());
            upsertBlock.setLong(2, key.day());
            upsertBlock.setInt(3, block.size());
            upsertBlock.setBytes(4, block.encode(deflater));
            upsertBlock.executeUpdate();
        }

        /** Saves {@code waiting} merged into the block held of its day, if there is anything to save. */
        void saveMerged(GroupKey key, ReadingBlock waiting) throws SQLException {
            if (key == null) {
                return;
            }
            ReadingBlock held = block(key);
            if (held != null) {
                waiting.addAll(held);
            }
            saveBlock(key, waiting);
        }

        void deletePending(GroupKey key) throws SQLException {
            bindDay(deletePending, key);
            deletePending.executeUpdate();
        }

        /** Adds the readings not waiting already, the others to {@code ignored}; returns how many were added. */
        int addPending(long meter, List<Reading> readings, List<Reading> ignored) throws SQLException {
            for (Reading reading : readings) {
                bindReading(insertPending, meter, reading);
                insertPending.addBatch();
            }
            int added = 0;
            int[] counts = insertPending.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    ignored.add(readings.get(i));
                }
                added += Math.max(0, counts[i]);
            }
            return added;
        }

        int pendingCount(GroupKey key) throws SQLException {
            bindDay(countPending, key);
            try (ResultSet rows = countPending.executeQuery()) {
                return rows.getInt(1);
            }
        }

        private static void bindDay(PreparedStatement statement, GroupKey key) throws SQLException {
            statement.setLong(1, key.meter());
            statement.setLong(2, key.day() * ReadingBlock.DAY_SECONDS);
            statement.setLong(3, (key.day() + 1) * ReadingBlock.DAY_SECONDS);
        }

        @Override
        public void close() throws SQLException {
            deflater.end();
            selectBlock.close();
            upsertBlock.close();
            selectPending.close();
            insertPending.close();
            deletePending.close();
            countPending.close();
        }
    }

    /** Binds the meter and the reading's seven columns, interval to quality, as parameters 1 to 8. */
    static void bindReading(PreparedStatement statement, long meter, Reading reading) throws SQLException {
        statement.setLong(1, meter);
        statement.setLong(2, reading.intervalStart().getEpochSecond());
        statement.setLong(3, reading.energyWh());
        statement.setLong(4, reading.registerWh());
        Reading.Quality quality = reading.quality();
        setInt(statement, 5, quality == null ? null : quality.minDecivolts());
        setInt(statement, 6, quality == null ? null : quality.averageDecivolts());
        setInt(statement, 7, quality == null ? null : quality.maxDecivolts());
        setInt(statement, 8, quality == null ? null : quality.peakWatts());
    }

    private static void setInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }
}

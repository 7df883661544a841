package io.gridside.site.store;

import java.nio.file.Path;
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
import java.util.Objects;

/**
 * The replacements of a site's gateway as this console ran them (decision 0094): what it saw when it reconciled the
 * gap, kept so that the audit of the replaced site can bill the gap again from the same registers. A record is the
 * console's own observation, not the gateway's word. The first record kept for a new gateway and replica tip stays
 * as it was. Calls are serialised on the store that gives this out ({@link SiteStore#replacements}).
 */
public final class ReplacementRecords {

    /**
     * One meter's register as the new gateway read it for the reconciliation, and, for a meter the replica held no
     * reading of, the register its gap was billed from (decision 0103).
     *
     * @param registerWh the register, or null when the gateway could not read the meter
     * @param at the end of the quarter hour the register is of, or null when unread
     * @param fromWh the register the gap was billed from when the replica held no reading of the meter: the one the
     *     dead gateway said it had billed the meter to; null when the gap ran from the meter's last reading in the
     *     replica, or no start was known
     * @param fromAt the end of the quarter hour {@code fromWh} is of, null with it
     */
    public record MeterRegister(String meterId, Long registerWh, Instant at, Long fromWh, Instant fromAt) {

        public MeterRegister {
            Objects.requireNonNull(meterId, "meterId");
            if ((registerWh == null) != (at == null)) {
                throw new IllegalArgumentException("a register read has both its value and its time: " + meterId);
            }
            if ((fromWh == null) != (fromAt == null)) {
                throw new IllegalArgumentException("a gap's start has both its register and its time: " + meterId);
            }
        }

        /** A register read whose gap ran from the meter's last reading in the replica, or from nothing known. */
        public MeterRegister(String meterId, Long registerWh, Instant at) {
            this(meterId, registerWh, at, null, null);
        }

        /** A meter the new gateway could not reach when it read the registers. */
        public static MeterRegister unread(String meterId) {
            return new MeterRegister(meterId, null, null);
        }

        public boolean read() {
            return registerWh != null;
        }

        /** Whether the gap was billed from a start of its own, the replica holding no reading of the meter. */
        public boolean billedFromAStart() {
            return fromWh != null;
        }
    }

    /**
     * One replacement.
     *
     * @param deadGatewayId the gateway the site database followed before, or null when it named none
     * @param afterSeq the replica's last ledger entry, which the new gateway's ledger follows
     * @param readAt when the new gateway read the registers, by its clock
     * @param reconciledAt when the new gateway posted the reconciliation and began to bill, by its clock
     * @param registers each meter of the replica's accounts, read or not
     */
    public record Replacement(String newGatewayId, long afterSeq, String deadGatewayId, Instant readAt,
            Instant reconciledAt, List<MeterRegister> registers) {

        public Replacement {
            Objects.requireNonNull(newGatewayId, "newGatewayId");
            Objects.requireNonNull(readAt, "readAt");
            Objects.requireNonNull(reconciledAt, "reconciledAt");
            registers = List.copyOf(registers);
        }
    }

    private final Connection connection;
    private final StoreWork work;

    ReplacementRecords(Object lock, Connection connection, Path file) {
        this.connection = connection;
        this.work = new StoreWork(lock, connection, file);
    }

    /**
     * Keeps {@code replacement} in one transaction, unless one is kept already for its new gateway and replica tip.
     *
     * @return whether it was kept now
     */
    public boolean keep(Replacement replacement) {
        return work.inTransaction(() -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO replacement (new_gateway_id, "
                    + "after_seq, dead_gateway_id, read_ms, reconciled_ms) VALUES (?, ?, ?, ?, ?) "
                    + "ON CONFLICT (new_gateway_id, after_seq) DO NOTHING")) {
                insert.setString(1, replacement.newGatewayId());
                insert.setLong(2, replacement.afterSeq());
                insert.setString(3, replacement.deadGatewayId());
                insert.setLong(4, replacement.readAt().toEpochMilli());
                insert.setLong(5, replacement.reconciledAt().toEpochMilli());
                if (insert.executeUpdate() == 0) {
                    return false;
                }
            }
            keepRegisters(replacement);
            return true;
        });
    }

    private void keepRegisters(Replacement replacement) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO replacement_register "
                + "(new_gateway_id, after_seq, meter_id, register_wh, register_ms, from_register_wh, from_ms) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (MeterRegister register : replacement.registers()) {
                insert.setString(1, replacement.newGatewayId());
                insert.setLong(2, replacement.afterSeq());
                insert.setString(3, register.meterId());
                if (register.read()) {
                    insert.setLong(4, register.registerWh());
                    insert.setLong(5, register.at().toEpochMilli());
                } else {
                    insert.setNull(4, Types.INTEGER);
                    insert.setNull(5, Types.INTEGER);
                }
                if (register.billedFromAStart()) {
                    insert.setLong(6, register.fromWh());
                    insert.setLong(7, register.fromAt().toEpochMilli());
                } else {
                    insert.setNull(6, Types.INTEGER);
                    insert.setNull(7, Types.INTEGER);
                }
                insert.executeUpdate();
            }
        }
    }

    /** Every replacement kept, by replica tip and then by when it was reconciled. */
    public List<Replacement> all() {
        return work.query(() -> {
            Map<String, List<MeterRegister>> registers = registers();
            List<Replacement> all = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT new_gateway_id, after_seq, "
                    + "dead_gateway_id, read_ms, reconciled_ms FROM replacement ORDER BY after_seq, reconciled_ms");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String key = rows.getString(1) + "\n" + rows.getLong(2);
                    all.add(new Replacement(rows.getString(1), rows.getLong(2), rows.getString(3),
                            Instant.ofEpochMilli(rows.getLong(4)), Instant.ofEpochMilli(rows.getLong(5)),
                            registers.getOrDefault(key, List.of())));
                }
            }
            return all;
        });
    }

    /** Each replacement's registers, keyed by new gateway and tip, by meter. */
    private Map<String, List<MeterRegister>> registers() throws SQLException {
        Map<String, List<MeterRegister>> registers = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT new_gateway_id, after_seq, meter_id, "
                + "register_wh, register_ms, from_register_wh, from_ms FROM replacement_register "
                + "ORDER BY new_gateway_id, after_seq, meter_id");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                long wh = rows.getLong(4);
                MeterRegister register = rows.wasNull() ? MeterRegister.unread(rows.getString(3))
                        : new MeterRegister(rows.getString(3), wh, Instant.ofEpochMilli(rows.getLong(5)),
                                nullableLong(rows, 6), nullableInstant(rows, 7));
                registers.computeIfAbsent(rows.getString(1) + "\n" + rows.getLong(2), key -> new ArrayList<>())
                        .add(register);
            }
        }
        return registers;
    }

    private static Long nullableLong(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    private static Instant nullableInstant(ResultSet rows, int column) throws SQLException {
        long ms = rows.getLong(column);
        return rows.wasNull() ? null : Instant.ofEpochMilli(ms);
    }
}

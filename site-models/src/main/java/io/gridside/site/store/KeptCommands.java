package io.gridside.site.store;

import io.gridside.site.cbor.ByteString;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The gateways' command logs as the console read them (decision 0090), so that the audit of a site whose gateway
 * died can still check the dead gateway's part of the ledger. Rows are kept as received and vouch for nothing by
 * themselves: whoever reads them checks every signature again. A command read a second time keeps its first row.
 * Calls are serialised on the store that gives this out ({@link SiteStore#keptCommands}).
 */
public final class KeptCommands {

    /**
     * One signed command as a gateway logged it, its fields as the wire carried them.
     *
     * @param gatewayId the gateway whose log held it
     * @param seq its place in that gateway's log, from 1
     */
    public record Kept(String gatewayId, long seq, Instant takenAt, ByteString command, ByteString signature,
            ByteString credential, ByteString credentialSignature, int answerType, ByteString answer) {

        public Kept {
            Objects.requireNonNull(gatewayId, "gatewayId");
            Objects.requireNonNull(takenAt, "takenAt");
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(signature, "signature");
            Objects.requireNonNull(credential, "credential");
            Objects.requireNonNull(credentialSignature, "credentialSignature");
            Objects.requireNonNull(answer, "answer");
        }
    }

    private final Connection connection;
    private final StoreWork work;

    KeptCommands(Object lock, Connection connection, Path file) {
        this.connection = connection;
        this.work = new StoreWork(lock, connection, file);
    }

    /** Keeps {@code commands} in one transaction; a command already kept for its gateway and place stays as it was. */
    public int keep(List<Kept> commands) {
        return work.inTransaction(() -> {
            int added = 0;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO kept_command (gateway_id, seq, "
                    + "taken_ms, command, signature, credential, credential_signature, answer_type, answer) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (gateway_id, seq) DO NOTHING")) {
                for (Kept kept : commands) {
                    insert.setString(1, kept.gatewayId());
                    insert.setLong(2, kept.seq());
                    insert.setLong(3, kept.takenAt().toEpochMilli());
                    insert.setBytes(4, kept.command().toByteArray());
                    insert.setBytes(5, kept.signature().toByteArray());
                    insert.setBytes(6, kept.credential().toByteArray());
                    insert.setBytes(7, kept.credentialSignature().toByteArray());
                    insert.setInt(8, kept.answerType());
                    insert.setBytes(9, kept.answer().toByteArray());
                    added += insert.executeUpdate();
                }
            }
            return added;
        });
    }

    /**
     * The place in {@code gatewayId}'s log of the last command kept from it, or 0 when none is kept: a read that
     * asks for the commands after it brings only what was not read before.
     */
    public long lastSeq(String gatewayId) {
        return work.query(() -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT COALESCE(MAX(seq), 0) FROM kept_command WHERE gateway_id = ?")) {
                select.setString(1, gatewayId);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? rows.getLong(1) : 0L;
                }
            }
        });
    }

    /** Every command kept from gateways other than {@code gatewayId}, by gateway and then place in its log. */
    public List<Kept> otherThan(String gatewayId) {
        return work.query(() -> {
            List<Kept> kept = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT gateway_id, seq, taken_ms, command, "
                    + "signature, credential, credential_signature, answer_type, answer FROM kept_command "
                    + "WHERE gateway_id <> ? ORDER BY gateway_id, seq")) {
                select.setString(1, gatewayId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        kept.add(new Kept(rows.getString(1), rows.getLong(2), Instant.ofEpochMilli(rows.getLong(3)),
                                ByteString.of(rows.getBytes(4)), ByteString.of(rows.getBytes(5)),
                                ByteString.of(rows.getBytes(6)), ByteString.of(rows.getBytes(7)), rows.getInt(8),
                                ByteString.of(rows.getBytes(9))));
                    }
                }
            }
            return kept;
        });
    }
}

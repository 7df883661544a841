package io.gridside.sim.cloud;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.gridside.site.store.ReadingBlockBodies;
import io.gridside.site.sync.TopologyCompact;
import io.gridside.site.sync.api.BatchDocument;
import io.gridside.site.sync.api.BlockBodies;
import io.gridside.site.sync.api.CommitAnswer;
import io.gridside.site.sync.api.SyncErrors;
import io.gridside.site.sync.api.SyncJson;
import io.gridside.site.sync.api.SyncStreams;
import io.gridside.site.sync.api.UpItems;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The cloud's copy of a site's up streams other than the ledger: each item kept once per seq, and beside it the
 * state it stands for under its natural key (a payment by reference, a block per meter and day, ...); and the
 * watermark of every up stream.
 */
final class CloudItems {

    private static final Set<String> FIELDS = Set.of("name", "phone", "address");
    private static final int HLC_ORDER = 19;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private CloudItems() {
    }

    /**
     * Applies a batch of a stream other than the ledger in the caller's transaction.
     *
     * @return the items the cloud could not take; they count as held
     */
    static List<CommitAnswer.Rejected> apply(Connection connection, String site, BatchDocument batch)
            throws SQLException {
        List<CommitAnswer.Rejected> rejected = new ArrayList<>();
        for (Map<String, Object> item : expanded(connection, site, batch, rejected)) {
            Object seqValue = item.get("seq");
            if (!(seqValue instanceof Number number) || number.longValue() < batch.first()
                    || number.longValue() > batch.last()) {
                rejected.add(new CommitAnswer.Rejected(0, SyncErrors.ITEM_INVALID, "An item of the batch has no "
                        + "seq between " + batch.first() + " and " + batch.last() + " (" + seqValue + "); it was "
                        + "left out."));
                continue;
            }
            long seq = number.longValue();
            String json = new String(SyncJson.write(item), StandardCharsets.UTF_8);
            try {
                applyOne(connection, site, batch.stream(), seq, item);
                keep(connection, site, batch.stream(), seq, json, 0);
            } catch (IllegalArgumentException | NullPointerException e) {
                keep(connection, site, batch.stream(), seq, json, 1);
                rejected.add(new CommitAnswer.Rejected(seq, SyncErrors.ITEM_INVALID, "The cloud could not take item "
                        + seq + " of " + batch.stream() + " (" + e.getMessage() + "); check the row on the laptop."));
            }
        }
        return rejected;
    }

    /**
     * The batch's items with every {@code blocks} item opened into the {@code block} items it carries (each block's
     * stored encoding form 0 and its raw body); a {@code blocks} item that does not open is rejected for each seq.
     */
    private static List<Map<String, Object>> expanded(Connection connection, String site, BatchDocument batch,
            List<CommitAnswer.Rejected> rejected) throws SQLException {
        if (!SyncStreams.READINGS.equals(batch.stream())) {
            return batch.items();
        }
        List<Map<String, Object>> items = new ArrayList<>(batch.items().size());
        for (Map<String, Object> item : batch.items()) {
            if (!UpItems.BLOCKS.equals(item.get("kind"))) {
                items.add(item);
                continue;
            }
            try {
                UpItems.Blocks blocks = SyncJson.item(item, UpItems.Blocks.class);
                List<byte[]> bodies = BlockBodies.unpack(Base64.getDecoder().decode(blocks.bodies()),
                        blocks.packing());
                int n = blocks.seqs().size();
                require(blocks.meterIds().size() == n && blocks.days().size() == n && blocks.readings().size() == n
                        && bodies.size() == n, UpItems.BLOCKS);
                for (int i = 0; i < n; i++) {
                    Map<String, Object> block = new LinkedHashMap<>();
                    block.put("seq", blocks.seqs().get(i));
                    block.put("kind", UpItems.BLOCK);
                    block.put("meterId", blocks.meterIds().get(i));
                    block.put("day", blocks.days().get(i).toString());
                    block.put("readings", blocks.readings().get(i));
                    block.put("block", Base64.getEncoder().encodeToString(ReadingBlockBodies.plain(bodies.get(i))));
                    items.add(block);
                }
            } catch (IllegalArgumentException | NullPointerException e) {
                Object seqs = item.get("seqs");
                List<?> listed = seqs instanceof List<?> list ? list : List.of(item.getOrDefault("seq", 0));
                for (Object seq : listed) {
                    if (seq instanceof Number number && number.longValue() >= batch.first()
                            && number.longValue() <= batch.last()) {
                        keep(connection, site, batch.stream(), number.longValue(), json(item), 1);
                    }
                    rejected.add(new CommitAnswer.Rejected(seq instanceof Number number ? number.longValue() : 0,
                            SyncErrors.ITEM_INVALID, "The cloud could not open the blocks item that carries seq "
                            + seq + " (" + e.getMessage() + "); check the readings on the laptop."));
                }
            }
        }
        return items;
    }

    private static void keep(Connection connection, String site, String stream, long seq, String json, int rejected)
            throws SQLException {
        Sql.update(connection, "INSERT INTO up_item (site, stream, seq, item, rejected) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (site, stream, seq) DO UPDATE SET item = excluded.item, rejected = excluded.rejected",
                site, stream, seq, json, rejected);
    }

    private static void applyOne(Connection connection, String site, String stream, long seq,
            Map<String, Object> item) throws SQLException {
        switch (stream) {
            case SyncStreams.PAYMENTS -> payment(connection, site, seq, item);
            case SyncStreams.EVENTS -> {
                if (UpItems.COMMISSION_REPORT.equals(item.get("kind"))) {
                    keyed(connection, site, stream, "report:" + CloudReports.check(site, item), seq, item);
                    return;
                }
                UpItems.Event event = SyncJson.item(item, UpItems.Event.class);
                Objects.requireNonNull(event.at(), "at");
                Objects.requireNonNull(event.kind(), "kind");
                keyed(connection, site, stream, "event:" + event.id(), seq, item);
            }
            case SyncStreams.CUSTOMERS -> customerField(connection, site, SyncJson.item(item,
                    UpItems.CustomerField.class));
            case SyncStreams.READINGS -> reading(connection, site, seq, item);
            default -> throw new IllegalArgumentException("'" + stream + "' is not an up stream");
        }
    }

    private static void payment(Connection connection, String site, long seq, Map<String, Object> item)
            throws SQLException {
        String kind = String.valueOf(item.get("kind"));
        String key = switch (kind) {
            case UpItems.TOPUP -> {
                UpItems.TopUp topUp = SyncJson.item(item, UpItems.TopUp.class);
                require(topUp.ledgerSeq() > 0 && topUp.customerId() != null && topUp.reference() != null, kind);
                yield "topup:" + topUp.ledgerSeq();
            }
            case UpItems.CREDIT -> {
                UpItems.Credit credit = SyncJson.item(item, UpItems.Credit.class);
                require(credit.meterId() != null && credit.at() != null, kind);
                yield "credit:" + credit.meterId();
            }
            case UpItems.PAYMENT -> {
                UpItems.Payment payment = SyncJson.item(item, UpItems.Payment.class);
                require(payment.reference() != null && payment.state() != null, kind);
                yield "payment:" + payment.reference();
            }
            default -> throw new IllegalArgumentException("'" + kind + "' is not a kind of payments item");
        };
        keyed(connection, site, SyncStreams.PAYMENTS, key, seq, item);
    }

    private static void reading(Connection connection, String site, long seq, Map<String, Object> item)
            throws SQLException {
        String kind = String.valueOf(item.get("kind"));
        if (UpItems.TOPOLOGY.equals(kind)) {
            UpItems.Topology topology = SyncJson.item(item, UpItems.Topology.class);
            require(topology.at() != null && topology.snapshot() != null, kind);
            TopologyCompact.decode(Base64.getDecoder().decode(topology.snapshot()));
            return;
        }
        require(UpItems.BLOCK.equals(kind), kind);
        UpItems.Block block = SyncJson.item(item, UpItems.Block.class);
        require(block.meterId() != null && block.day() != null && block.readings() >= 0, kind);
        Base64.getDecoder().decode(block.block());
        Sql.update(connection, "INSERT INTO reading_block (site, meter_id, day, readings, seq, item)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (site, meter_id, day) DO UPDATE SET"
                + " readings = excluded.readings, seq = excluded.seq, item = excluded.item"
                + " WHERE excluded.readings > reading_block.readings"
                + " OR (excluded.readings = reading_block.readings AND excluded.seq >= reading_block.seq)",
                site, block.meterId(), block.day().toString(), block.readings(), seq, json(item));
    }

    private static void customerField(Connection connection, String site, UpItems.CustomerField field)
            throws SQLException {
        require(field.customerId() != null && FIELDS.contains(field.field()), "customer field");
        require(field.hlc() != null && field.hlc().length() > HLC_ORDER, "customer field");
        upsertField(connection, site, field.customerId(), field.field(), field.value(), field.hlc(), "console");
    }

    /**
     * Keeps a customer's field unless the cloud holds a later edit: a later HLC wins, and at the same time and
     * counter the cloud's own edit stays (ties go to the cloud). KNOWN SHORTCOMING: the cloud keeps no review of
     * the values it overwrote or refused; the console's sync_review is the only record of a conflict.
     */
    static void upsertField(Connection connection, String site, String customerId, String field, String value,
            String hlc, String origin) throws SQLException {
        String held = Sql.text(connection, "SELECT hlc FROM customer_field WHERE site = ? AND customer_id = ?"
                + " AND field = ?", site, customerId, field);
        if (held != null) {
            int order = hlc.substring(0, HLC_ORDER).compareTo(held.substring(0, Math.min(HLC_ORDER, held.length())));
            boolean wins = order > 0 || order == 0 && "cloud".equals(origin);
            if (!wins) {
                return;
            }
        }
        Sql.update(connection, "INSERT INTO customer_field (site, customer_id, field, value, hlc, origin)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (site, customer_id, field) DO UPDATE SET"
                + " value = excluded.value, hlc = excluded.hlc, origin = excluded.origin",
                site, customerId, field, value, hlc, origin);
    }

    private static void keyed(Connection connection, String site, String stream, String key, long seq,
            Map<String, Object> item) throws SQLException {
        Sql.update(connection, "INSERT INTO keyed_item (site, stream, key, seq, item) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (site, stream, key) DO UPDATE SET seq = excluded.seq, item = excluded.item"
                + " WHERE excluded.seq >= keyed_item.seq", site, stream, key, seq, json(item));
    }

    private static void require(boolean holds, String kind) {
        if (!holds) {
            throw new IllegalArgumentException("a field that a " + kind + " item needs is missing or wrong");
        }
    }

    private static String json(Object item) {
        return new String(SyncJson.write(item), StandardCharsets.UTF_8);
    }

    /** The end of the unbroken run that continues {@code start} in {@code ascending}. */
    static long contiguousFrom(List<Long> ascending, long start) {
        long tip = start;
        for (long seq : ascending) {
            if (seq != tip + 1) {
                break;
            }
            tip = seq;
        }
        return tip;
    }

    /** The stream's watermark: every seq up to it is held. */
    static long watermark(Connection connection, String site, String stream) throws SQLException {
        return Sql.number(connection, 0, "SELECT seq FROM watermark WHERE site = ? AND stream = ?", site, stream);
    }

    /** Recomputes the stream's watermark from {@code from} (a seq known to be held, or 0) and stores it. */
    static long raiseWatermark(Connection connection, String site, String stream, long from) throws SQLException {
        long tip = SyncStreams.LEDGER.equals(stream) ? CloudLedger.contiguousTip(connection, site, from)
                : contiguousFrom(Sql.list(connection, row -> row.getLong(1), "SELECT seq FROM up_item"
                        + " WHERE site = ? AND stream = ? AND seq > ? ORDER BY seq", site, stream, from), from);
        Sql.update(connection, "INSERT INTO watermark (site, stream, seq) VALUES (?, ?, ?)"
                + " ON CONFLICT (site, stream) DO UPDATE SET seq = excluded.seq", site, stream, tip);
        return tip;
    }

    /** Every item held of an up stream other than the ledger, in seq order, rejected ones left out. */
    static List<Map<String, Object>> items(Connection connection, String site, String stream) throws SQLException {
        return Sql.list(connection, row -> object(row.getString(1)),
                "SELECT item FROM up_item WHERE site = ? AND stream = ? AND rejected = 0 ORDER BY seq", site, stream);
    }

    /** The state kept under natural keys of a stream, by key. */
    static List<Map<String, Object>> keyed(Connection connection, String site, String stream) throws SQLException {
        return Sql.list(connection, row -> object(row.getString(1)),
                "SELECT item FROM keyed_item WHERE site = ? AND stream = ? ORDER BY key", site, stream);
    }

    /** The block kept per meter and day, by meter then day. */
    static List<UpItems.Block> readings(Connection connection, String site) throws SQLException {
        return Sql.list(connection, row -> SyncJson.read(row.getBytes(1), UpItems.Block.class),
                "SELECT item FROM reading_block WHERE site = ? ORDER BY meter_id, day", site);
    }

    /** A JSON object the store holds, read back. */
    static Map<String, Object> object(String json) {
        try {
            return SyncJson.mapper().readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The cloud's store holds an item that is not JSON.", e);
        }
    }
}

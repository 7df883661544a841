package io.gridside.console.service.sync;

import io.gridside.site.sync.UpItem;
import io.gridside.site.sync.UpStream;
import io.gridside.site.store.ReadingBlockBodies;
import io.gridside.site.sync.api.BatchDocument;
import io.gridside.site.sync.api.BatchId;
import io.gridside.site.sync.api.BlockBodies;
import io.gridside.site.sync.api.SyncJson;
import io.gridside.site.sync.api.UpItems;
import io.gridside.site.sync.api.Xz;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * One batch of an up stream as it travels: outbox rows turned into the wire's items, the batch document
 * xz-compressed, and its id. The same rows always make the same bytes, so a batch cut short in one run is the
 * same batch, with the same id, in the next, and the cloud resumes it.
 *
 * <p>KNOWN SHORTCOMING: a batch of a stream with fewer rows waiting than a batch holds takes them all, so rows
 * written between two runs make the next run's batch another one: an upload cut short is then abandoned and its
 * bytes sent again under the new id (readings batches, cut by size as they grow, are spared unless short too).
 *
 * @param items how many items it holds
 */
record UpBatch(UpStream stream, long first, long last, int items, byte[] compressed, BatchId id, String sha256) {

    /**
     * The most entries a ledger batch holds: about 80 KB compressed, 2.5 s of a 256 kbit/s link, so the round trip
     * each batch waits for its answer is a small share of its time (2,000 took 0.5 s against a 0.3 s round trip).
     */
    static final int LEDGER_ITEMS = 10_000;
    /** The most items a batch of the payments, events or customers stream holds, for the same reason. */
    static final int OTHER_ITEMS = 10_000;
    /** The most rows a readings batch reads: it is cut by size long before. */
    static final int READINGS_ITEMS = 2_000;
    /** About how many compressed bytes a readings batch holds. */
    static final int READINGS_BYTES = 256 * 1024;

    private static final HexFormat HEX = HexFormat.of();

    /**
     * The batch of {@code rows} (read after the checkpoint, in order): all of them, or for the readings the first
     * that fit the size.
     *
     * @param prevHash for the ledger, the chain hash before the first row (null when the first is 1)
     * @param replaceFrom for the ledger, the seq from which the cloud replaces its chain, or null
     */
    static UpBatch of(UpStream stream, List<UpItem> rows, byte[] prevHash, Long replaceFrom) {
        List<Map<String, Object>> items = new ArrayList<>(rows.size());
        int taken;
        if (stream == UpStream.READINGS) {
            taken = readings(rows, items);
        } else {
            for (UpItem row : rows) {
                items.add(wire(row));
            }
            taken = rows.size();
        }
        long first = rows.get(0).seq();
        long last = rows.get(taken - 1).seq();
        boolean ledger = stream == UpStream.LEDGER;
        String lastHash = null;
        if (ledger) {
            // Entries go without their hash: the cloud links each itself from prevHash and checks lastHash.
            lastHash = (String) items.get(items.size() - 1).get("hash");
            items.forEach(item -> item.remove("hash"));
        }
        BatchDocument document = new BatchDocument(stream.wireName(), first, last,
                ledger && prevHash != null && first > 1 ? HEX.formatHex(prevHash) : null, lastHash,
                ledger ? replaceFrom : null, items);
        byte[] compressed = Xz.compress(SyncJson.write(document));
        return new UpBatch(stream, first, last, taken, compressed,
                BatchId.of(stream.wireName(), first, last, compressed), BatchId.sha256Hex(compressed));
    }

    /**
     * Puts the readings rows that fit the size into {@code items}: the blocks together in one {@code blocks} item
     * (first), the other rows each as its own item; answers how many rows it took.
     */
    private static int readings(List<UpItem> rows, List<Map<String, Object>> items) {
        Deflater measure = new Deflater();
        byte[] sink = new byte[16 * 1024];
        List<Long> seqs = new ArrayList<>();
        List<String> meterIds = new ArrayList<>();
        List<String> days = new ArrayList<>();
        List<Integer> readings = new ArrayList<>();
        List<byte[]> bodies = new ArrayList<>();
        List<Map<String, Object>> others = new ArrayList<>();
        int taken = 0;
        try {
            for (UpItem row : rows) {
                taken++;
                byte[] measured;
                if (UpItems.BLOCK.equals(row.kind()) && row.fields().get("block") instanceof byte[] block) {
                    byte[] body = ReadingBlockBodies.rawBody(block);
                    seqs.add(row.seq());
                    meterIds.add(String.valueOf(row.fields().get("meterId")));
                    days.add(String.valueOf(row.fields().get("day")));
                    readings.add(((Number) row.fields().get("readings")).intValue());
                    bodies.add(body);
                    measured = body;
                } else {
                    Map<String, Object> item = wire(row);
                    others.add(item);
                    measured = SyncJson.write(item);
                }
                if (compressedSoFar(measure, measured, sink) >= READINGS_BYTES) {
                    break;
                }
            }
        } finally {
            measure.end();
        }
        if (!seqs.isEmpty()) {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("seq", seqs.get(0));
            group.put("kind", UpItems.BLOCKS);
            group.put("seqs", seqs);
            group.put("meterIds", meterIds);
            group.put("days", days);
            group.put("readings", readings);
            group.put("bodies", Base64.getEncoder().encodeToString(BlockBodies.pack(bodies)));
            group.put("packing", BlockBodies.XZ);
            items.add(group);
        }
        items.addAll(others);
        return taken;
    }

    /**
     * Feeds {@code json} to {@code measure} and answers how many compressed bytes it has put out so far. It depends
     * only on the items fed before, so a batch cut by it is cut at the same item whatever rows follow.
     */
    private static long compressedSoFar(Deflater measure, byte[] json, byte[] sink) {
        measure.setInput(json);
        while (!measure.needsInput()) {
            measure.deflate(sink);
        }
        return measure.getBytesWritten();
    }

    /** How many outbox rows a batch of {@code stream} reads at most. */
    static int readLimit(UpStream stream) {
        return stream == UpStream.LEDGER ? LEDGER_ITEMS : stream == UpStream.READINGS ? READINGS_ITEMS : OTHER_ITEMS;
    }

    /**
     * An outbox row as the wire's item: its seq, its kind where the stream tells shapes apart by it, and its
     * fields, the chain hash as hex and other bytes (a reading block, a topology snapshot) as base64.
     */
    static Map<String, Object> wire(UpItem row) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("seq", row.seq());
        boolean kinds = row.stream() == UpStream.PAYMENTS || row.stream() == UpStream.READINGS;
        if (kinds && !row.fields().containsKey("kind")) {
            item.put("kind", row.kind());
        }
        row.fields().forEach((name, value) -> item.put(name, wireValue(name, value)));
        return item;
    }

    private static Object wireValue(String name, Object value) {
        if (value instanceof byte[] bytes) {
            return "hash".equals(name) ? HEX.formatHex(bytes) : Base64.getEncoder().encodeToString(bytes);
        }
        if ("details".equals(name) && value instanceof String text) {
            // The store keeps an event's details as a JSON object's text; the wire carries the object.
            try {
                return SyncJson.mapper().readValue(text, Map.class);
            } catch (IOException e) {
                return value;
            }
        }
        return value;
    }

    /** The batch's bytes from {@code offset}, at most {@code length} of them. */
    byte[] chunk(long offset, int length) {
        int from = (int) offset;
        int to = (int) Math.min(compressed.length, offset + length);
        byte[] chunk = new byte[to - from];
        System.arraycopy(compressed, from, chunk, 0, chunk.length);
        return chunk;
    }

    long size() {
        return compressed.length;
    }
}

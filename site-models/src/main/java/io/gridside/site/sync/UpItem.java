package io.gridside.site.sync;

import java.util.Map;

/**
 * One outbox row of an up stream, read with what the cloud needs of it.
 *
 * @param stream the stream it belongs to
 * @param seq its sequence in the stream (for the ledger, the ledger's own)
 * @param kind what it is: topup, credit, payment, entry, event, block, topology or field
 * @param fields the item's fields named as on the wire, in wire order, without {@code seq}; byte arrays (a reading
 *     block, a chain hash, a topology snapshot) are left as {@code byte[]} for the client to encode, instants are
 *     {@link java.time.Instant}, days {@link java.time.LocalDate}; a field whose row is gone is absent
 */
public record UpItem(UpStream stream, long seq, String kind, Map<String, Object> fields) {
}

package io.gridside.link.message;

import io.gridside.site.LedgerEntry;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * One part of the replica's ledger that a restore carries to a gateway listing {@code restore-ledger} (section
 * 6.41): consecutive entries from sequence 1, {@link #ENTRIES_PER_PART} to a part, the last part ending at the
 * begin's tip. The new gateway links the entries of all parts, in index order, from the chain's genesis and applies
 * the restore only when the chain ends at the begin's {@code tipHash}, so that it serves the whole ledger from entry
 * 1 on. A part held already is answered as held and not kept twice.
 *
 * <pre>
 *   BeginRestore { ..., tip: entry 230, tipHash: h230, ledgerParts: 3 }
 *   RestoreLedgerPart { index: 0, entries: [1 .. 100] }
 *   RestoreLedgerPart { index: 1, entries: [101 .. 200] }
 *   RestoreLedgerPart { index: 2, entries: [201 .. 230] }
 *   link(... link(link(genesis, e1), e2) ..., e230) == h230
 * </pre>
 *
 * @param index the part's place, from 0 to the begin's {@code ledgerParts} less one
 * @param entries the part's ledger entries in sequence order, at least one
 */
public record RestoreLedgerPart(String restoreId, int index, List<LedgerEntry> entries) implements Message {

    /** How many entries one part carries, which keeps a part of long references well inside one frame. */
    public static final int ENTRIES_PER_PART = 60;

    /** The capability of a gateway that takes the replica's ledger in a restore. */
    public static final String RESTORE_LEDGER = "restore-ledger";

    public RestoreLedgerPart {
        Objects.requireNonNull(restoreId, "restoreId");
        entries = List.copyOf(entries);
        if (index < 0 || entries.isEmpty()) {
            throw new IllegalArgumentException("a ledger part has an index of 0 or more and an entry, not " + index
                    + " and " + entries.size());
        }
    }

    /** The parts that carry {@code ledger}, {@link #ENTRIES_PER_PART} to a part, in order. */
    public static List<RestoreLedgerPart> partsOf(String restoreId, List<LedgerEntry> ledger) {
        int count = (ledger.size() + ENTRIES_PER_PART - 1) / ENTRIES_PER_PART;
        return IntStream.range(0, count)
                .mapToObj(i -> new RestoreLedgerPart(restoreId, i, ledger.subList(i * ENTRIES_PER_PART,
                        Math.min(ledger.size(), (i + 1) * ENTRIES_PER_PART))))
                .toList();
    }
}

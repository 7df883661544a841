package io.gridside.link.message;

import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One part of the replica's history that a restore carries to a gateway listing {@code restore-ledger} (section
 * 6.41): either consecutive ledger entries from sequence 1, {@link #ENTRIES_PER_PART} to a part, the last such part
 * ending at the begin's tip, or, after those, the readings the replica holds, {@link #READINGS_PER_PART} to a part.
 * The new gateway links the entries of all parts, in index order, from the chain's genesis and applies the restore
 * only when the chain ends at the begin's {@code tipHash}; it then serves the whole ledger from entry 1 and the
 * readings the dead gateway billed. A part held already is answered as held and not kept twice.
 *
 * <pre>
 *   BeginRestore { ..., tip: entry 100, tipHash: h100, ledgerParts: 3 }
 *   RestoreLedgerPart { index: 0, entries: [1 .. 60],   readings: [] }
 *   RestoreLedgerPart { index: 1, entries: [61 .. 100], readings: [] }
 *   RestoreLedgerPart { index: 2, entries: [],          readings: [r1 .. r40] }
 *   link(... link(link(genesis, e1), e2) ..., e100) == h100
 * </pre>
 *
 * @param index the part's place, from 0 to the begin's {@code ledgerParts} less one
 * @param entries the part's ledger entries in sequence order; empty in a part of readings
 * @param readings the part's readings; empty in a part of entries
 */
public record RestoreLedgerPart(String restoreId, int index, List<LedgerEntry> entries, List<Reading> readings)
        implements Message {

    /** How many entries one part carries, which keeps a part of long references well inside one frame. */
    public static final int ENTRIES_PER_PART = 60;

    /** How many readings one part carries, which keeps it well inside one frame. */
    public static final int READINGS_PER_PART = 64;

    /** The capability of a gateway that takes the replica's ledger and readings in a restore. */
    public static final String RESTORE_LEDGER = "restore-ledger";

    public RestoreLedgerPart {
        Objects.requireNonNull(restoreId, "restoreId");
        entries = List.copyOf(entries);
        readings = List.copyOf(readings);
        if (index < 0 || entries.isEmpty() == readings.isEmpty()) {
            throw new IllegalArgumentException("a history part has an index of 0 or more and entries or readings, "
                    + "not " + index + " with " + entries.size() + " entries and " + readings.size() + " readings");
        }
    }

    /** A part of ledger entries only. */
    public RestoreLedgerPart(String restoreId, int index, List<LedgerEntry> entries) {
        this(restoreId, index, entries, List.of());
    }

    /** The parts that carry {@code ledger}, then {@code readings}, each cut to its size, in order. */
    public static List<RestoreLedgerPart> partsOf(String restoreId, List<LedgerEntry> ledger, List<Reading> readings) {
        List<RestoreLedgerPart> parts = new ArrayList<>();
        for (int from = 0; from < ledger.size(); from += ENTRIES_PER_PART) {
            parts.add(new RestoreLedgerPart(restoreId, parts.size(),
                    ledger.subList(from, Math.min(ledger.size(), from + ENTRIES_PER_PART)), List.of()));
        }
        for (int from = 0; from < readings.size(); from += READINGS_PER_PART) {
            parts.add(new RestoreLedgerPart(restoreId, parts.size(), List.of(),
                    readings.subList(from, Math.min(readings.size(), from + READINGS_PER_PART))));
        }
        return parts;
    }

    /** The parts that carry {@code ledger} alone. */
    public static List<RestoreLedgerPart> partsOf(String restoreId, List<LedgerEntry> ledger) {
        return partsOf(restoreId, ledger, List.of());
    }
}

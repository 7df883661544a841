package io.gridside.billing;

import io.gridside.site.LedgerEntry;
import java.util.List;
import java.util.Optional;

/**
 * Where a {@link BillingEngine} keeps the ledger it posts: in memory for an audit on the console, or on a
 * gateway's own storage for a history longer than its memory.
 *
 * <p>The engine appends every entry in sequence order, from 1 without gaps, and reads back only through
 * {@link #after} and {@link #payment}; a store must answer both with every entry appended so far, whether or not
 * it has written them out yet.
 */
public interface LedgerStore {

    /** How the reference of the entry that credits a payment begins; the payment's own reference follows. */
    String PAYMENT_PREFIX = "payment:";

    /** How the reference of the entry that takes a voided payment's credit back begins; the payment's follows. */
    String VOID_PREFIX = "void:";

    /** Keeps {@code entry}, whose sequence is one past {@link #lastSeq}. */
    void append(LedgerEntry entry);

    /** The entries after {@code afterSeq}, in sequence order. */
    List<LedgerEntry> after(long afterSeq);

    /** The entry that credited the payment {@code reference}, if one did. */
    Optional<LedgerEntry> payment(String reference);

    /** The sequence of the last entry kept, or 0 when none is. */
    long lastSeq();

    /** A store that keeps every entry in memory. */
    static LedgerStore inMemory() {
        return new MemoryLedger();
    }

    /** The payment an entry credited, or null when it credits none. */
    static String paymentOf(LedgerEntry entry) {
        String reference = entry.reference();
        return reference.startsWith(PAYMENT_PREFIX) ? reference.substring(PAYMENT_PREFIX.length()) : null;
    }
}

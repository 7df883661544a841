package io.gridside.site;

import java.time.Instant;
import java.util.Objects;

/**
 * One posting of the site's credit ledger, written only by the gateway.
 *
 * @param seq the entry's position in the site's ledger, from 1, without gaps
 * @param amountMinor the signed change to the balance: credits positive, charges negative
 * @param balanceAfterMinor the customer's balance after this entry
 * @param reference what caused it: a payment reference, a reading's interval, a day
 */
public record LedgerEntry(
        long seq, Instant at, String customerId, EntryKind kind, long amountMinor, long balanceAfterMinor,
        String reference) {

    public LedgerEntry {
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be positive, was " + seq);
        }
        Objects.requireNonNull(at, "at");
        Validate.id("customerId", customerId);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reference, "reference");
    }
}

package io.gridside.site.cash;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a gateway's cash book: a receipt for cash a technician credited on site, or the void of one.
 *
 * <p>A receipt line is dated when the cash was paid and names the technician who took it; a void line is dated
 * when it was voided, names the same technician (whose hand-over it lessens), and says who voided it and why.
 *
 * @param receipt the receipt's number, the book code of the credential that took the cash and its running number
 * @param technicianId the technician whose credential took the cash
 * @param reference the payment's own reference, as the technician wrote it
 * @param amountMinor the cash, in minor units of {@code currency}; positive on both kinds of line
 * @param at when the cash was paid (a receipt) or the receipt voided (a void)
 * @param voidedBy the supervisor who voided it, on a void line; null on a receipt line
 * @param reason why it was voided, on a void line; null on a receipt line
 */
public record CashBookLine(Kind kind, String receipt, String technicianId, String reference, String customerId,
        long amountMinor, String currency, Instant at, String voidedBy, String reason) {

    /** What a line records. */
    public enum Kind {
        /** Cash taken under a receipt number. */
        RECEIPT,
        /** A receipt cancelled by a supervisor; its cash is no longer owed. */
        VOID
    }

    public CashBookLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(technicianId, "technicianId");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(at, "at");
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("A cash book line's amount must be positive, was " + amountMinor);
        }
        if ((kind == Kind.VOID) != (voidedBy != null && reason != null)) {
            throw new IllegalArgumentException("A void line, and only a void line, says who voided it and why.");
        }
    }

    /** What the line adds to the cash the technician hands over: the amount for a receipt, less it for a void. */
    public long handOverMinor() {
        return kind == Kind.RECEIPT ? amountMinor : -amountMinor;
    }
}

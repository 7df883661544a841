package io.gridside.link.message;

import java.time.Instant;

/**
 * The gateway's answer to a {@link CashVoid}: the receipt is void, by this request or an earlier one.
 *
 * @param outcome whether this request voided the receipt or found it void before
 * @param technicianId the technician whose credential took the cash, whose cash-up the void lessens
 * @param paidAt when the cash was paid
 * @param voidedAt when the receipt was voided; its reversal posts at the first quarter hour at or after it
 * @param voidedBy the supervisor who voided it
 * @param reason why it was voided, as the supervisor who voided it wrote
 */
public record CashVoided(Outcome outcome, String receipt, String reference, String customerId, long amountMinor,
        String currency, String technicianId, Instant paidAt, Instant voidedAt, String voidedBy, String reason)
        implements Message {

    /** What the request did. */
    public enum Outcome {
        /** The receipt was valid, and this request voided it. */
        VOIDED,
        /** The receipt was void already; nothing more was posted, and the first void's record stands. */
        ALREADY_VOIDED
    }
}

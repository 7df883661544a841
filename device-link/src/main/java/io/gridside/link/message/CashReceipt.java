package io.gridside.link.message;

import java.time.Instant;

/**
 * The gateway's answer to a {@link CashTopUp} it took: what it credited, and what the session's credential
 * may still credit offline.
 *
 * @param outcome whether this request credited the payment or found it credited before
 * @param customerId the customer credited, also when the request named the meter
 * @param paidAt when the gateway dated the payment; the ledger entry posts at the first quarter hour at or
 *     after it
 * @param balanceAfterMinor the customer's balance after the payment once it is in the ledger, else null
 * @param limitMinor the credential's offline cash limit
 * @param usedMinor the cash credited under the credential so far, this request included
 * @param remainingMinor what the credential may still credit: {@code limitMinor - usedMinor}
 * @param receipt the number of the gateway's receipt for the cash, such as {@code 3FA2C9-0007}: the book code of
 *     the credential that took it and that credential's running number; null for a payment another channel took
 */
public record CashReceipt(Outcome outcome, String reference, String customerId, long amountMinor, String currency,
        Instant paidAt, Long balanceAfterMinor, long limitMinor, long usedMinor, long remainingMinor,
        String receipt) implements Message {

    /** What the request did. */
    public enum Outcome {
        /** The payment was new, and this request credited it. */
        CREDITED,
        /** A payment under the same reference, customer and amount was credited before; nothing more was. */
        ALREADY_CREDITED
    }
}

package io.gridside.site;

import java.time.Instant;
import java.util.Objects;

/**
 * A payment the console queued for the gateway, which alone posts payments to the ledger, and what the gateway
 * answered. The reference makes it idempotent: the gateway credits a reference once, however often it is sent.
 *
 * @param paidAt when the customer paid, as the imported file says; the ledger dates the posting by the gateway
 * @param source where the payment came from, such as a file's name and line
 * @param answerCode the gateway's code when it refused the payment, else null
 * @param answer the gateway's sentence when it refused the payment, else null
 */
public record QueuedPayment(String reference, String customerId, long amountMinor, String currency, Instant paidAt,
        String source, State state, String answerCode, String answer) {

    /** Where a queued payment stands. */
    public enum State {
        /** Not answered by the gateway yet: the next push sends it. */
        PENDING,
        /** The gateway credited it; its ledger posts it at its next quarter hour. */
        CREDITED,
        /** The gateway held a payment under the reference already, to the same customer and amount. */
        ALREADY_CREDITED,
        /** The gateway refused it; {@code answerCode} and {@code answer} say why. */
        REFUSED
    }

    public QueuedPayment {
        Validate.id("reference", reference);
        Validate.id("customerId", customerId);
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("amountMinor must be positive, was " + amountMinor);
        }
        Validate.currency(currency);
        Objects.requireNonNull(paidAt, "paidAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(state, "state");
    }

    /** A payment new to the queue, not sent yet. */
    public static QueuedPayment pending(String reference, String customerId, long amountMinor, String currency,
            Instant paidAt, String source) {
        return new QueuedPayment(reference, customerId, amountMinor, currency, paidAt, source, State.PENDING, null,
                null);
    }

    /** Whether {@code other} is the same payment: the same reference, customer, amount, currency and time. */
    public boolean samePaymentAs(QueuedPayment other) {
        return reference.equals(other.reference) && customerId.equals(other.customerId)
                && amountMinor == other.amountMinor && currency.equals(other.currency) && paidAt.equals(other.paidAt);
    }
}

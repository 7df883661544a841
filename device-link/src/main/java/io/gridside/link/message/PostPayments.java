package io.gridside.link.message;

import java.time.Instant;
import java.util.List;

/**
 * Asks the gateway to credit payments taken by other channels than the technician's cash (an agent's book, a
 * bank's statement) that the console imported from a file. The gateway credits each reference once, by any
 * channel: a payment sent again is answered as already credited, so a console that lost the answer sends the
 * same request again, safely. Only a supervisor's session may send it.
 *
 * @param payments one to {@link #MAX_PAYMENTS} payments, answered one by one in a {@link PaymentsPosted}
 */
public record PostPayments(List<Payment> payments) implements Message {

    /** The most payments one request carries, which keeps both it and its answer well inside a frame. */
    public static final int MAX_PAYMENTS = 64;

    /**
     * One payment to credit.
     *
     * @param customerId the customer to credit
     * @param amountMinor the amount, in minor units of {@code currency}; positive
     * @param currency the ISO 4217 code of the payment, which must be the site's
     * @param paidAt when the customer paid, as the imported file says; the gateway posts it when it takes it
     * @param source where the console found it, such as the file's name and line, for the gateway's log
     */
    public record Payment(String reference, String customerId, long amountMinor, String currency, Instant paidAt,
            String source) {
    }

    public PostPayments {
        payments = List.copyOf(payments);
    }
}

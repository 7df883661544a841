package io.gridside.link.message;

/**
 * Asks the gateway to credit cash that the technician collected on site to one customer's account. The
 * gateway takes it only within the offline cash limit of the session's credential, and takes each payment
 * reference once: the same request sent again is answered as already credited and credits nothing more.
 *
 * @param customerId the customer to credit, or null when {@code meterId} names them
 * @param meterId the customer's meter, or null when {@code customerId} names them
 * @param amountMinor the cash collected, in minor units of {@code currency}; positive
 * @param currency the ISO 4217 code of the cash, which must be the site's
 * @param reference the payment's own reference, such as the receipt number: it makes the request idempotent
 * @param note a few words for the record, or empty
 */
public record CashTopUp(String customerId, String meterId, long amountMinor, String currency, String reference,
        String note) implements Message {
}

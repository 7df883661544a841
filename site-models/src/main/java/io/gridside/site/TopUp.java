package io.gridside.site;

import java.time.Instant;
import java.util.Objects;

/**
 * A payment to credit a customer's account.
 *
 * @param reference the payment's own reference, unique per payment: the same reference credits once
 */
public record TopUp(String reference, String customerId, long amountMinor, Instant at) {

    public TopUp {
        Validate.id("reference", reference);
        Validate.id("customerId", customerId);
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("amountMinor must be positive, was " + amountMinor);
        }
        Objects.requireNonNull(at, "at");
    }
}

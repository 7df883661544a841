package io.gridside.site;

import java.time.Instant;
import java.util.Objects;

/**
 * What the gateway knows of a meter right now: its customer's balance, its last reading and its link.
 *
 * @param lastReadingAt the end of the last interval read, or null before the first reading
 */
public record MeterStatus(
        String meterId, String customerId, String customerName, long balanceMinor, String currency,
        Instant lastReadingAt, long registerWh, int rssiDbm, String parentId, RelayState relay,
        CreditState creditState) {

    public MeterStatus {
        Validate.id("meterId", meterId);
        Validate.id("customerId", customerId);
        Validate.currency(currency);
        Objects.requireNonNull(relay, "relay");
        Objects.requireNonNull(creditState, "creditState");
    }
}

package io.gridside.site;

import java.time.Instant;
import java.util.Objects;

/**
 * The billing engine's decision to open or close a customer's relay, and why.
 *
 * @param reason a short machine-readable cause, such as {@code credit-exhausted} or {@code topped-up}
 */
public record RelayDecision(String meterId, String customerId, Instant at, RelayState relay, String reason) {

    public RelayDecision {
        Validate.id("meterId", meterId);
        Validate.id("customerId", customerId);
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(relay, "relay");
        Objects.requireNonNull(reason, "reason");
    }
}

package io.gridside.site.commission;

import java.time.Instant;
import java.util.Objects;

/**
 * One meter given to one customer on the commissioning day.
 *
 * @param customerId the customer
 * @param meterId    the meter's serial, check digit included
 * @param assignedAt when the technician assigned it
 */
public record Assignment(String customerId, String meterId, Instant assignedAt) {

    public Assignment {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(meterId, "meterId");
        Objects.requireNonNull(assignedAt, "assignedAt");
    }
}

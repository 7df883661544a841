package io.gridside.link.message;

import java.time.Instant;

/**
 * The gateway's answer to a {@link CommissionMeter} it took.
 *
 * @param meterId the id the gateway bills the meter under, which its roster and readings use
 * @param commissionedAt when the gateway took the request, by its clock
 * @param repeated whether this customer was commissioned before with the same request, so nothing changed
 */
public record MeterCommissioned(String customerId, String meterSerial, String meterId, String tariffId,
        long openingBalanceMinor, String currency, Instant commissionedAt, boolean repeated) implements Message {
}

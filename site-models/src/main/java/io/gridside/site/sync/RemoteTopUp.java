package io.gridside.site.sync;

import java.time.Instant;

/**
 * A top-up paid away from the site (mobile money) that the cloud sends down, for the console to queue for the
 * gateway.
 *
 * @param reference the payment's reference, unique across every channel
 * @param customerId the customer credited
 * @param amountMinor the amount in minor units
 * @param currency ISO 4217 code
 * @param paidAt when it was paid
 * @param channel how it was paid, such as {@code "mobile-money"}
 */
public record RemoteTopUp(String reference, String customerId, long amountMinor, String currency, Instant paidAt,
        String channel) {
}

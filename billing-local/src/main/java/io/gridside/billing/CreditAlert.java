package io.gridside.billing;

import java.time.Instant;

/**
 * A customer's balance fell below the low-credit threshold: raised once per crossing, and again only after the
 * balance has climbed back above the threshold plus the policy's hysteresis.
 */
public record CreditAlert(String customerId, String meterId, Instant at, long balanceMinor, long thresholdMinor) {
}

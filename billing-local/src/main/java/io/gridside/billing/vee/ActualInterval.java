package io.gridside.billing.vee;

import java.time.Instant;

/**
 * A quarter hour whose energy two good reads measured, one at each end: what a customer's profile is built from.
 *
 * @param start the start of the interval
 * @param energyWh the register delta over it
 */
public record ActualInterval(Instant start, long energyWh) {
}

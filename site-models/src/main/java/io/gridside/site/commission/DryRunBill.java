package io.gridside.site.commission;

import java.time.Instant;
import java.util.Objects;

/**
 * One customer's first week billed in advance, on their tariff, from simulated consumption: what they would use,
 * what it would cost and how long their opening credit would last.
 *
 * @param customerId        the customer
 * @param tariffId          the tariff billed on
 * @param from              the start of the week billed
 * @param to                its end
 * @param energyWh          the energy consumed over the week
 * @param chargesMinor      everything charged over the week (energy, standing charges, taxes), in minor units
 * @param openingMinor      the opening balance the week started from
 * @param closingMinor      the balance at the week's end; negative when the credit ran out
 * @param daysOfCreditLeft  whole days the closing balance lasts at the week's average daily charge, or -1 when
 *                          nothing was charged (the credit lasts indefinitely)
 */
public record DryRunBill(String customerId, String tariffId, Instant from, Instant to, long energyWh,
        long chargesMinor, long openingMinor, long closingMinor, long daysOfCreditLeft) {

    public DryRunBill {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(tariffId, "tariffId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to) || energyWh < 0 || daysOfCreditLeft < -1) {
            throw new IllegalArgumentException("A dry run covers a period forward with energy and days left at "
                    + "least 0: " + customerId);
        }
    }
}

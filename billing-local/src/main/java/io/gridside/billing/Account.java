package io.gridside.billing;

import io.gridside.site.CreditState;
import io.gridside.site.MeterLock;
import io.gridside.site.RelayState;
import java.time.Instant;
import java.time.LocalDate;

/** One customer's running credit account inside the engine; mutable, and never leaves it. */
final class Account {

    final String customerId;
    /** The meter the account is billed by now; a meter exchange moves the account to the new meter. */
    String meterId;
    final Instant openedAt;
    /** When the customer moved out and the account was closed, or null while it is open. */
    Instant closedAt;
    long balanceMinor;
    /**
     * What rating remembers of the account: block energy, the month's charge, each line's remainder; replaced only
     * when a late tariff version re-rates the account (see {@link BillingEngine#rerated}).
     */
    RatingState rating;
    RelayState relay = RelayState.ON;
    LocalDate lastStandingDay;

    CreditState state = CreditState.ACTIVE;
    boolean neverDisconnect;
    /** Whether a fall below the low-credit threshold raises an alert; cleared by one, re-armed by hysteresis. */
    boolean lowAlertArmed = true;
    /** The emergency credit in use when the relay was last opened by billing, up to the cap. */
    long emergencyDebtMinor;
    /** The maintenance lock holding the relay, or null. */
    MeterLock lock;
    /** Energy delivered while the balance was below zero, in Wh. */
    long energyPastZeroWh;
    /** The part of {@link #energyPastZeroWh} delivered during grace. */
    long energyInGraceWh;

    /** The balance the credit state follows: the posted balance less the charges accrued since it posted. */
    long availableMinor() {
        return balanceMinor - rating.accruedMinor();
    }

    Account(String customerId, String meterId, Instant openedAt, RatingState rating) {
        this.customerId = customerId;
        this.meterId = meterId;
        this.openedAt = openedAt;
        this.rating = rating;
    }
}

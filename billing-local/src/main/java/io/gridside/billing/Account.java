package io.gridside.billing;

import io.gridside.site.RelayState;
import java.time.Instant;
import java.time.LocalDate;

/** One customer's running credit account inside the engine; mutable, and never leaves it. */
final class Account {

    final String customerId;
    final String meterId;
    final Instant openedAt;
    long balanceMinor;
    /** Energy charged but not yet posted, in thousandths of a minor unit; always in [0, 1000). */
    long unpostedMilliMinor;
    RelayState relay = RelayState.ON;
    LocalDate lastStandingDay;

    Account(String customerId, String meterId, Instant openedAt) {
        this.customerId = customerId;
        this.meterId = meterId;
        this.openedAt = openedAt;
    }
}

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
    /** What rating remembers of the account: block energy, the month's charge, each line's remainder. */
    final RatingState rating;
    RelayState relay = RelayState.ON;
    LocalDate lastStandingDay;

    Account(String customerId, String meterId, Instant openedAt, RatingState rating) {
        this.customerId = customerId;
        this.meterId = meterId;
        this.openedAt = openedAt;
        this.rating = rating;
    }
}

package io.gridside.link.message;

import io.gridside.site.CustomerCategory;

/**
 * Asks the gateway to open an account for a new customer on a meter that a move-out freed.
 *
 * @param openingBalanceMinor the credit the new account starts with, 0 or more
 */
public record MoveIn(String meterId, String customerId, String name, CustomerCategory category,
        long openingBalanceMinor) implements Message {
}

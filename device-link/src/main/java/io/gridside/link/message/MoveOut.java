package io.gridside.link.message;

/**
 * Asks the gateway to close a customer's account as they move out, and to answer with the final statement.
 *
 * @param finalRegisterWh the meter's register as read at the move-out, whose rise since the last reading is billed;
 *     null to bill nothing more
 * @param reason why the account closes, for the record
 */
public record MoveOut(String customerId, Long finalRegisterWh, String reason) implements Message {
}

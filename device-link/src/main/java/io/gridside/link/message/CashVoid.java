package io.gridside.link.message;

/**
 * Asks the gateway to void a cash receipt it issued: the cash was handed back, or the receipt was written in
 * error. Only a supervisor may, and not for a receipt of their own credential; the gateway posts a ledger entry
 * that takes the payment's credit back and keeps who voided it, when and why.
 *
 * @param receipt the receipt's number, as the gateway printed it
 * @param reason why it is voided, for the record: 1 to 200 characters, not all blank
 */
public record CashVoid(String receipt, String reason) implements Message {
}

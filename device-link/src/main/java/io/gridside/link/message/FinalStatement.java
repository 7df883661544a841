package io.gridside.link.message;

import io.gridside.site.CreditState;
import java.time.Instant;
import java.util.List;

/**
 * A closed account's final statement, the gateway's answer to a {@link MoveOut}. A positive balance is owed to
 * the customer and a negative one by them; the debts still owed are settled off the meter.
 *
 * @param closedAt when the gateway closed the account, by its clock
 * @param lastReadingAt the end of the meter's last reading billed before the move-out, or null if none was
 * @param lastRegisterWh the register the account was last billed to: the final register when one was given
 * @param finalEnergyWh the energy billed from the last reading to the final register
 * @param finalChargeMinor what that energy was charged
 * @param balanceMinor the balance the account closed with
 * @param creditState the credit state the account closed in
 * @param debts the customer's debts with what each still owes
 */
public record FinalStatement(String customerId, String customerName, String meterId, Instant closedAt,
        Instant lastReadingAt, long lastRegisterWh, long finalEnergyWh, long finalChargeMinor, long balanceMinor,
        String currency, CreditState creditState, List<DebtOwed> debts) implements Message {

    public FinalStatement {
        debts = List.copyOf(debts);
    }
}

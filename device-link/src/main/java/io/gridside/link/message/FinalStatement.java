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
 * @param finalRegisterSource where the final register came from: {@value #TYPED} (the request's), {@value #METER}
 *     (the gateway read the meter over the mesh, as none was typed) or {@value #NONE} (none typed and the meter
 *     did not answer: the energy since the last reading is billed to no one)
 * @param balanceMinor the balance the account closed with
 * @param creditState the credit state the account closed in
 * @param debts the customer's debts with what each still owes
 */
public record FinalStatement(String customerId, String customerName, String meterId, Instant closedAt,
        Instant lastReadingAt, long lastRegisterWh, long finalEnergyWh, long finalChargeMinor,
        String finalRegisterSource, long balanceMinor, String currency, CreditState creditState, List<DebtOwed> debts)
        implements Message {

    /** The final register was the one the MoveOut gave, typed by the technician. */
    public static final String TYPED = "TYPED";
    /** The MoveOut gave none, and the gateway read the meter's register over the mesh at the move-out. */
    public static final String METER = "METER";
    /** The MoveOut gave none and the meter could not be read: nothing was billed since the last reading. */
    public static final String NONE = "NONE";

    public FinalStatement {
        debts = List.copyOf(debts);
    }
}

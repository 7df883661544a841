package io.gridside.link.message;

import io.gridside.site.CreditState;
import io.gridside.site.RelayState;
import java.time.Instant;
import java.util.List;

/**
 * The gateway's answer to an {@link ExchangeMeter} it carried out.
 *
 * @param at when the gateway made the exchange, by its clock
 * @param finalEnergyWh the old meter's energy billed from its last reading to its final register
 * @param finalChargeMinor what that energy was charged, taxes and levies included
 * @param balanceAfterMinor the customer's balance after the final charge, which the new meter carries on
 * @param relay the relay the new meter is commanded to, from the customer's credit state
 * @param debts the customer's debts, carried over with what each still owes
 */
public record MeterExchanged(String customerId, String oldMeterId, String newMeterId, Instant at,
        long finalEnergyWh, long finalChargeMinor, long balanceAfterMinor, String currency, CreditState creditState,
        RelayState relay, List<DebtOwed> debts) implements Message {

    public MeterExchanged {
        debts = List.copyOf(debts);
    }
}

package io.gridside.link.message;

/**
 * Asks the gateway to replace a faulty meter: the old meter's account, with its customer, tariff, balance, debts
 * and credit state, moves to the new meter, and the old meter's energy up to its final register is billed.
 *
 * @param oldFinalRegisterWh the old meter's register as the technician read it when removing it
 * @param newOpeningRegisterWh the new meter's register when fitted, which is not billed
 * @param reason why the meter was replaced, for the record
 */
public record ExchangeMeter(String oldMeterId, String newMeterId, long oldFinalRegisterWh, long newOpeningRegisterWh,
        String reason) implements Message {
}

package io.gridside.link.message;

import io.gridside.site.CustomerCategory;
import java.util.Objects;

/**
 * Gives a meter that joined the mesh to a customer, on a tariff of the pack and with an opening balance (protocol
 * section 6.30). The gateway takes it once per customer id: the same request again is answered as the first was,
 * and a meter already given to another customer is refused with {@code COMMISSION_METER_TAKEN}. The opening
 * balance is posted to the ledger as the customer's opening entry when the site goes live.
 *
 * @param meterSerial the meter's serial, as a {@link io.gridside.site.commission.JoinedMeter} names it
 * @param tariffId the id of one of the pack's tariff schedules
 * @param openingBalanceMinor the credit the account opens with, in minor units of the site's currency, 0 or more
 */
public record CommissionMeter(String meterSerial, String customerId, String name, CustomerCategory category,
        String tariffId, long openingBalanceMinor) implements Message {

    public CommissionMeter {
        Objects.requireNonNull(meterSerial, "meterSerial");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(tariffId, "tariffId");
    }
}

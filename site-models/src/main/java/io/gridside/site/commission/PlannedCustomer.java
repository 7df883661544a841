package io.gridside.site.commission;

import io.gridside.site.CustomerCategory;
import io.gridside.site.InvalidValueException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A customer as the operator planned them before the site bills: who they are, how to reach them, what they use
 * electricity for, the tariff they are billed on and the credit they start with, and the meter they should get if
 * the operator knew it ahead.
 *
 * @param customerId          the customer's id, as the operator issued it
 * @param name                the customer's name as people say it
 * @param phone               an international phone number, {@code +} and 8 to 15 digits, or empty when none
 * @param address             where the customer lives or trades, free text, possibly empty
 * @param category            what the customer uses electricity for; a {@code MILL} needs a three-phase meter
 * @param tariffId            the id of the tariff the customer is billed on
 * @param openingBalanceMinor the credit the customer starts with, in minor units of the site's currency, never
 *                            negative
 * @param meterSerial         the serial of the meter planned for the customer (check digit validated), or null
 */
public record PlannedCustomer(String customerId, String name, String phone, String address,
        CustomerCategory category, String tariffId, long openingBalanceMinor, String meterSerial) {

    /** What a customer id may be: the same rule as the site's other ids. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    /** An international phone number: a plus and 8 to 15 digits, without spaces. */
    public static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{7,14}");

    public PlannedCustomer {
        Objects.requireNonNull(customerId, "customerId");
        if (!ID.matcher(customerId).matches()) {
            throw new InvalidValueException("customer.id", "A customer id is 1 to 64 letters, digits, '.', '_', ':' or "
                    + "'-', beginning with a letter or digit: " + customerId, customerId);
        }
        if (name == null || name.isBlank()) {
            throw new InvalidValueException("customer.name", "A customer needs a name: " + customerId, customerId);
        }
        phone = phone == null ? "" : phone;
        if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
            throw new InvalidValueException("customer.phone", "A phone number is + and 8 to 15 digits, such as "
                    + "+254712345678: " + phone, phone);
        }
        address = address == null ? "" : address;
        Objects.requireNonNull(category, "category");
        if (tariffId == null || tariffId.isBlank()) {
            throw new InvalidValueException("customer.tariff", "A customer needs a tariff id: " + customerId,
                    customerId);
        }
        if (openingBalanceMinor < 0) {
            throw new InvalidValueException("customer.opening", "An opening balance is never negative: "
                    + openingBalanceMinor, customerId);
        }
        if (meterSerial != null) {
            MeterSerial.requireValid(meterSerial);
        }
    }

    /** The same customer with {@code serial} as their planned meter. */
    public PlannedCustomer withMeterSerial(String serial) {
        return new PlannedCustomer(customerId, name, phone, address, category, tariffId, openingBalanceMinor, serial);
    }
}

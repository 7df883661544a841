package io.gridside.site;

/**
 * A flat prepaid tariff: one price per kilowatt-hour and a daily standing charge.
 *
 * @param currency the ISO 4217 code of the site's currency
 * @param energyMinorPerKwh the price of one kWh, in minor units
 * @param standingMinorPerDay the charge for each day of the site's calendar, in minor units
 * @param lowCreditMinor the balance under which a customer's credit counts as low
 */
public record Tariff(
        String tariffId, String currency, long energyMinorPerKwh, long standingMinorPerDay, long lowCreditMinor) {

    public Tariff {
        Validate.id("tariffId", tariffId);
        Validate.currency(currency);
        if (energyMinorPerKwh < 0) {
            throw new IllegalArgumentException("energyMinorPerKwh must not be negative, was " + energyMinorPerKwh);
        }
        if (standingMinorPerDay < 0) {
            throw new IllegalArgumentException(
                    "standingMinorPerDay must not be negative, was " + standingMinorPerDay);
        }
        if (lowCreditMinor < 0) {
            throw new IllegalArgumentException("lowCreditMinor must not be negative, was " + lowCreditMinor);
        }
    }
}

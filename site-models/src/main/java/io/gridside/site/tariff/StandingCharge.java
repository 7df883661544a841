package io.gridside.site.tariff;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A fixed charge per day or per month, due at the start of the site's day.
 *
 * @param period {@code DAILY} or {@code MONTHLY}
 * @param amountMinor the charge in minor units
 * @param dueDay for a monthly charge, the day of the month it falls due, from 1 to 28 so that every month has
 *     it; null for a daily charge
 */
public record StandingCharge(Period period, @JsonProperty(required = true) long amountMinor, Integer dueDay) {
}

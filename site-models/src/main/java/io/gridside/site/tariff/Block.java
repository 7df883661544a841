package io.gridside.site.tariff;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One block of a block (tiered) energy price: the energy of the block's period up to {@code upToWh} is priced at
 * {@code price}, the energy past it at the next block's price.
 *
 * @param upToWh where the block ends in the period's cumulative energy, in Wh; null for the last, open block
 * @param price ten-thousandths of a minor unit per kWh (see {@link Prices})
 * @param lifeline a lifeline block is priced at its own price at every time of day: time-of-use bands do not
 *     apply to it
 */
public record Block(Long upToWh, @JsonProperty(required = true) long price, boolean lifeline) {
}

package io.gridside.billing;

import java.time.LocalDateTime;

/**
 * One part of an interval's energy as rating priced it: the energy that fell in one block of a tariff version, at
 * the price of that block plus the time-of-use band of the interval's start.
 *
 * @param version when the version that priced it took effect, in the site's time
 * @param block the block's index in the version
 * @param band the index of the time-of-use band that added its price, or -1 for none (no bands, or a lifeline
 *     block, which bands do not reach)
 * @param price the price it was charged at, in ten-thousandths of a minor unit per kWh
 * @param units its exact charge, in charge units (see {@link io.gridside.site.tariff.Prices})
 */
public record EnergyPart(LocalDateTime version, int block, int band, long energyWh, long price, long units) {
}

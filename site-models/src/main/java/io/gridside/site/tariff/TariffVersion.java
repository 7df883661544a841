package io.gridside.site.tariff;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One immutable version of a tariff, in force from {@code effectiveFrom} (the site's local time) until the next
 * version begins.
 *
 * <p>The energy of an interval is priced by the block it falls in, counting the energy of the block period so
 * far, plus the time-of-use band of the interval's start unless the block is a lifeline block. A flat tariff is
 * one open block; a pure time-of-use tariff is one open block priced 0 with bands. The record holds what was
 * entered; {@link TariffValidator} says whether it can be used.
 *
 * @param currency the ISO 4217 code, which must be the schedule's
 * @param blocks the energy blocks in order, the last one open
 * @param blockReset when the blocks' cumulative energy starts again from zero; null with a single block
 * @param tou the time-of-use bands, covering every quarter hour of each day type once; empty for none
 * @param standing the standing charge, or null for none
 * @param minimumMonthlyMinor the least that a whole month's energy charge comes to, topped up by a minimum
 *     charge at the start of the next month; null for none
 * @param charges tax and levy lines, charged with the energy
 * @param lifelinePowerLimitWatts the power a lifeline customer may draw, enforced by the relay side; null for none
 */
public record TariffVersion(
        LocalDateTime effectiveFrom, String currency, List<Block> blocks, Period blockReset, List<TouBand> tou,
        StandingCharge standing, Long minimumMonthlyMinor, List<ChargeLine> charges, Integer lifelinePowerLimitWatts) {

    public TariffVersion {
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
        tou = tou == null ? List.of() : List.copyOf(tou);
        charges = charges == null ? List.of() : List.copyOf(charges);
    }

    /** The time-of-use price added at quarter hour {@code quarter} of a day of type {@code day}; 0 without bands. */
    public long touPrice(DayType day, int quarter) {
        for (TouBand band : tou) {
            if (band.day() == day && TouBand.quarterOf(band.from()) <= quarter
                    && quarter < TouBand.quarterOf(band.to())) {
                return band.price();
            }
        }
        return 0;
    }
}

package io.gridside.billing.rerate;

import io.gridside.billing.Rater;
import io.gridside.billing.RatingState;
import io.gridside.site.Reading;
import io.gridside.site.tariff.Block;
import io.gridside.site.tariff.ChargeLine;
import io.gridside.site.tariff.DayType;
import io.gridside.site.tariff.Period;
import io.gridside.site.tariff.StandingCharge;
import io.gridside.site.tariff.TariffSchedule;
import io.gridside.site.tariff.TariffVersion;
import io.gridside.site.tariff.TouBand;
import io.gridside.site.vee.EstimateMethod;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A Nairobi site (UTC+3 all year) priced in shillings and cents: 25 cents per kWh, 25 more from 10:30 to 11:00 on
 * weekdays, VAT of 16 % on energy, a standing charge of 10 cents a day. Prices are ten-thousandths of a cent per
 * kWh, so one Wh at 25 cents/kWh is 250,000 charge units and a cent is 10,000,000 of them.
 */
final class RerateFixtures {

    static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");
    /** A Monday. */
    static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);
    static final LocalDate MARCH_3 = MARCH_2.plusDays(1);
    static final long BASE = 250_000;
    static final long VAT_BASIS_POINTS = 1_600;
    static final long STANDING_MINOR = 10;

    private RerateFixtures() {
    }

    static TariffVersion version(LocalDateTime from, long base) {
        List<TouBand> bands = List.of(
                new TouBand(DayType.WEEKDAY, "00:00", "10:30", 0),
                new TouBand(DayType.WEEKDAY, "10:30", "11:00", BASE),
                new TouBand(DayType.WEEKDAY, "11:00", "24:00", 0),
                new TouBand(DayType.SATURDAY, "00:00", "24:00", 0),
                new TouBand(DayType.SUNDAY_OR_HOLIDAY, "00:00", "24:00", 0));
        return new TariffVersion(from, "KES", List.of(new Block(null, base, false)), Period.DAILY, bands,
                new StandingCharge(Period.DAILY, STANDING_MINOR, null), null,
                List.of(new ChargeLine("VAT", ChargeLine.Kind.TAX, VAT_BASIS_POINTS, null)), null);
    }

    static Rater rater(TariffVersion... versions) {
        return new Rater(new TariffSchedule("rerate-kes", "KES", List.of(versions)), NAIROBI, day -> false);
    }

    static Rater rater() {
        return rater(version(LocalDateTime.of(2026, 1, 1, 0, 0), BASE));
    }

    static Rerating.Window window(LocalDate from, LocalDate to) {
        return new Rerating.Window("C-7", from, to, RatingState.openedOn(from));
    }

    static RatedInterval actual(String utc, long energyWh) {
        return RatedInterval.actual(new Reading("M-7", Instant.parse(utc), energyWh, 1_000_000));
    }

    static RatedInterval estimated(String utc, long energyWh) {
        return new RatedInterval(new Reading("M-7", Instant.parse(utc), energyWh, 1_000_000), EstimateMethod.LINEAR);
    }
}

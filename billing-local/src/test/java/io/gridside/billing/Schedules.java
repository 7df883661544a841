package io.gridside.billing;

import static io.gridside.billing.Fixtures.NAIROBI;

import io.gridside.site.Tariff;
import io.gridside.site.tariff.Block;
import io.gridside.site.tariff.ChargeLine;
import io.gridside.site.tariff.DayType;
import io.gridside.site.tariff.Period;
import io.gridside.site.tariff.StandingCharge;
import io.gridside.site.tariff.TariffSchedule;
import io.gridside.site.tariff.TariffVersion;
import io.gridside.site.tariff.TouBand;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Predicate;

/** Tariff versions for the rating tests, in Kenyan shillings; prices are in ten-thousandths of a cent per kWh. */
final class Schedules {

    /** In force long before any test's readings. */
    static final LocalDateTime SINCE_JANUARY = LocalDateTime.of(2024, 1, 1, 0, 0);

    private Schedules() {
    }

    /** A price of {@code cents} per kWh in price units. */
    static long cents(long cents) {
        return cents * 10_000;
    }

    static Block open(long price) {
        return new Block(null, price, false);
    }

    static Block lifeline(long upToWh, long price) {
        return new Block(upToWh, price, true);
    }

    static TouBand band(DayType day, String from, String to, long price) {
        return new TouBand(day, from, to, price);
    }

    /** A version with blocks only, no standing charge, no lines. */
    static TariffVersion version(LocalDateTime from, Period reset, List<Block> blocks) {
        return new TariffVersion(from, "KES", blocks, reset, List.of(), null, null, List.of(), null);
    }

    static TariffVersion withTou(TariffVersion v, List<TouBand> tou) {
        return new TariffVersion(v.effectiveFrom(), v.currency(), v.blocks(), v.blockReset(), tou, v.standing(),
                v.minimumMonthlyMinor(), v.charges(), v.lifelinePowerLimitWatts());
    }

    static TariffVersion withStanding(TariffVersion v, StandingCharge standing) {
        return new TariffVersion(v.effectiveFrom(), v.currency(), v.blocks(), v.blockReset(), v.tou(), standing,
                v.minimumMonthlyMinor(), v.charges(), v.lifelinePowerLimitWatts());
    }

    static TariffVersion withMinimum(TariffVersion v, long minimumMinor) {
        return new TariffVersion(v.effectiveFrom(), v.currency(), v.blocks(), v.blockReset(), v.tou(), v.standing(),
                minimumMinor, v.charges(), v.lifelinePowerLimitWatts());
    }

    static TariffVersion withLines(TariffVersion v, ChargeLine... lines) {
        return new TariffVersion(v.effectiveFrom(), v.currency(), v.blocks(), v.blockReset(), v.tou(), v.standing(),
                v.minimumMonthlyMinor(), List.of(lines), v.lifelinePowerLimitWatts());
    }

    static TariffSchedule schedule(TariffVersion... versions) {
        return new TariffSchedule("test-kes", "KES", List.of(versions));
    }

    /** An engine in Nairobi billing at {@code schedule}, with {@code holidays} as the site's holidays. */
    static BillingEngine engine(TariffSchedule schedule, Predicate<LocalDate> holidays) {
        return new BillingEngine(new Tariff("test-kes", "KES", 0, 0, Fixtures.LOW_CREDIT),
                new Rater(schedule, NAIROBI, holidays), LedgerStore.inMemory());
    }

    static BillingEngine engine(TariffSchedule schedule) {
        return engine(schedule, day -> false);
    }
}

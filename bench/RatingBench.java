import io.gridside.billing.Charge;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Rates a month of 15-minute readings of 5,000 meters under a block and time-of-use tariff with taxes. */
public final class RatingBench {

    private static final int METERS = 5_000;
    private static final int DAYS = 30;
    private static final int QUARTERS = 96;
    private static final int RUNS = 3;
    private static final ZoneId ZONE = ZoneId.of("Africa/Nairobi");
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 3, 1);
    /** The whole billing month's goal (ingest, store, rate, post): the rating's share must leave room. */
    private static final double MONTH_GOAL_S = 60;

    private RatingBench() {
    }

    public static void main(String[] args) {
        Rater rater = new Rater(schedule(), ZONE, day -> false);
        List<Double> seconds = new ArrayList<>();
        long charges = 0;
        for (int run = 0; run < RUNS; run++) {
            long t0 = System.nanoTime();
            charges = rateMonth(rater);
            seconds.add((System.nanoTime() - t0) / 1e9);
        }
        Collections.sort(seconds);
        double monthS = seconds.get(RUNS / 2);
        long intervals = (long) METERS * DAYS * QUARTERS;
        System.out.printf(Locale.ROOT, "intervals=%d%n", intervals);
        System.out.printf(Locale.ROOT, "charges=%d%n", charges);
        System.out.printf(Locale.ROOT, "month_s=%.2f%n", monthS);
        System.out.printf(Locale.ROOT, "intervals_per_s=%.0f%n", intervals / monthS);
        System.out.printf(Locale.ROOT, "rating_share_of_goal=%.3f%n", monthS / MONTH_GOAL_S);
    }

    /** Rates every meter's every interval of the month, and each site day's start; returns the charges made. */
    private static long rateMonth(Rater rater) {
        RatingState[] states = new RatingState[METERS];
        String[] meterIds = new String[METERS];
        for (int m = 0; m < METERS; m++) {
            states[m] = RatingState.openedOn(FIRST_DAY);
            meterIds[m] = String.format(Locale.ROOT, "M-%05d", m);
        }
        SplittableRandom random = new SplittableRandom(7);
        Instant start = FIRST_DAY.atStartOfDay(ZONE).toInstant();
        long charges = 0;
        for (int day = 0; day < DAYS; day++) {
            for (int m = 0; m < METERS; m++) {
                charges += rater.dayBegins(states[m], FIRST_DAY.plusDays(day)).size();
            }
            for (int q = 0; q < QUARTERS; q++) {
                Instant intervalStart = start.plusSeconds(Reading.INTERVAL.toSeconds() * (day * QUARTERS + q));
                for (int m = 0; m < METERS; m++) {
                    long wh = random.nextInt(120);
                    rater.accrueInterval(states[m], new Reading(meterIds[m], intervalStart, wh, wh));
                }
            }
            // What the gateway does at local midnight: each account posts what its day accrued.
            for (int m = 0; m < METERS; m++) {
                charges += rater.postAccrued(states[m]).size();
            }
        }
        return charges;
    }

    /** A lifeline block to 30 kWh a month, an evening peak, a daily standing charge, VAT and a levy. */
    private static TariffSchedule schedule() {
        List<TouBand> bands = List.of(new TouBand(DayType.WEEKDAY, "00:00", "18:00", 0),
                new TouBand(DayType.WEEKDAY, "18:00", "22:00", 50_000_000),
                new TouBand(DayType.WEEKDAY, "22:00", "24:00", 0),
                new TouBand(DayType.SATURDAY, "00:00", "24:00", 0),
                new TouBand(DayType.SUNDAY_OR_HOLIDAY, "00:00", "24:00", 0));
        TariffVersion version = new TariffVersion(LocalDateTime.of(2024, 1, 1, 0, 0), "KES",
                List.of(new Block(30_000L, 10_000_000, true), new Block(null, 25_005_000, false)), Period.MONTHLY,
                bands, new StandingCharge(Period.DAILY, 1_000, null), 50_000L,
                List.of(new ChargeLine("VAT", ChargeLine.Kind.TAX, 1_600L, null),
                        new ChargeLine("REA", ChargeLine.Kind.LEVY, null, 500_000L)), 250);
        return new TariffSchedule("bench-kes", "KES", List.of(version));
    }
}

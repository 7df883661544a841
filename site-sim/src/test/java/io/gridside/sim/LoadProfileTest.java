package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.CustomerCategory;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demand of a generated village looks like a rural African mini-grid's: small households peaking in the
 * evening, a weekly rhythm, and businesses and mills far larger than homes. Measured on a 200-meter site over four
 * weeks, with every relay closed.
 */
class LoadProfileTest {

    private static final long SEED = 11;
    private static final int METERS = 200;
    private static final int WEEKS = 4;
    private static final ZoneId ZONE = SiteGenerator.ZONE;
    /** A Monday, so that the weeks are whole. */
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 6, 1);
    private static final int SLOTS = 96;

    private static List<LoadProfile> loads;
    /** Each meter's energy, by day, in kWh. */
    private static double[][] dailyKwh;
    /** The mean power of all households together, by quarter hour of the day, in watts. */
    private static double[] householdWattsBySlot;

    @BeforeAll
    static void simulateFourWeeks() {
        loads = SiteGenerator.generate(new SiteSpec(METERS, SEED, 0, Instant.parse("2026-06-01T00:00:00Z"))).loads();
        int days = WEEKS * 7;
        dailyKwh = new double[METERS][days];
        householdWattsBySlot = new double[SLOTS];
        LoadProfile.Sample sample = new LoadProfile.Sample();
        for (int day = 0; day < days; day++) {
            Instant midnight = FIRST_DAY.plusDays(day).atStartOfDay(ZONE).toInstant();
            for (int slot = 0; slot < SLOTS; slot++) {
                LocalInterval at = LocalInterval.of(midnight.plusSeconds(900L * slot), ZONE);
                for (int meter = 0; meter < METERS; meter++) {
                    loads.get(meter).sample(SEED, meter, at, sample);
                    dailyKwh[meter][day] += sample.meanWatts / 4 / 1000;
                    if (loads.get(meter).category() == CustomerCategory.HOUSEHOLD) {
                        householdWattsBySlot[slot] += sample.meanWatts / days;
                    }
                }
            }
        }
    }

    @Test
    void theMedianHouseholdUsesATenthToHalfAKilowattHourADay() {
        assertThat(median(CustomerCategory.HOUSEHOLD)).isBetween(0.1, 0.5);
    }

    @Test
    void householdsPeakBetweenSixAndTenInTheEveningAtThreeTimesTheirDailyMean() {
        double mean = Arrays.stream(householdWattsBySlot).average().orElseThrow();
        int peakSlot = 0;
        for (int slot = 1; slot < SLOTS; slot++) {
            peakSlot = householdWattsBySlot[slot] > householdWattsBySlot[peakSlot] ? slot : peakSlot;
        }

        assertThat(peakSlot).as("quarter hour of the peak").isBetween(18 * 4, 22 * 4 - 1);
        assertThat(householdWattsBySlot[peakSlot]).isGreaterThanOrEqualTo(3 * mean);
    }

    @Test
    void householdsUseMoreAtTheWeekendWhenTheyAreHome() {
        assertThat(weekendToWeekday(CustomerCategory.HOUSEHOLD)).isGreaterThan(1.1);
    }

    @Test
    void businessesUseLessAtTheWeekendAsMillsAndWorkshopsCloseOnSunday() {
        assertThat(weekendToWeekday(CustomerCategory.MILL)).isLessThan(0.6);
        assertThat(weekendToWeekday(CustomerCategory.SHOP, CustomerCategory.MILL)).isLessThan(0.85);
    }

    @Test
    void shopsUseSeveralTimesAndMillsTensOfTimesWhatAHouseholdUses() {
        double household = median(CustomerCategory.HOUSEHOLD);

        assertThat(median(CustomerCategory.SHOP)).isGreaterThan(3 * household);
        assertThat(median(CustomerCategory.MILL)).isGreaterThan(20 * household);
    }

    @Test
    void aMillsPeakIsSeveralTimesItsMeanWhileItsMotorStarts() {
        int mill = indexOf(Premises.POSHO_MILL);
        LocalInterval morning = LocalInterval.of(FIRST_DAY.atTime(9, 0).atZone(ZONE).toInstant(), ZONE);
        double mean = 0;
        double peak = 0;
        for (int day = 0; day < 5; day++) {
            LocalInterval at = new LocalInterval(morning.interval() + 96L * day, morning.epochDay() + day,
                    morning.minuteOfDay(), Appliance.WEEKDAY);
            LoadProfile.Sample sample = loads.get(mill).sample(SEED, mill, at);
            mean += sample.meanWatts;
            peak += sample.peakWatts;
        }

        assertThat(peak).isGreaterThan(3 * mean);
    }

    @Test
    void theSameSeedAndIntervalAlwaysGiveTheSamePower() {
        LocalInterval at = LocalInterval.of(FIRST_DAY.atTime(20, 15).atZone(ZONE).toInstant(), ZONE);
        LoadProfile again = SiteGenerator.generate(new SiteSpec(METERS, SEED, 0, Instant.EPOCH)).loads().get(3);

        LoadProfile.Sample first = loads.get(3).sample(SEED, 3, at);
        LoadProfile.Sample second = again.sample(SEED, 3, at);

        assertThat(second.meanWatts).isEqualTo(first.meanWatts);
        assertThat(second.peakWatts).isEqualTo(first.peakWatts);
    }

    /** The median over customers of {@code category} of their mean daily energy, in kWh. */
    private static double median(CustomerCategory category) {
        double[] means = new double[METERS];
        int count = 0;
        for (int meter = 0; meter < METERS; meter++) {
            if (loads.get(meter).category() == category) {
                means[count++] = Arrays.stream(dailyKwh[meter]).average().orElseThrow();
            }
        }
        double[] sorted = Arrays.copyOf(means, count);
        Arrays.sort(sorted);
        return count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
    }

    /** What customers of these categories use together on a weekend day, over what they use on a weekday. */
    private static double weekendToWeekday(CustomerCategory... categories) {
        double weekend = 0;
        double weekday = 0;
        for (int meter = 0; meter < METERS; meter++) {
            if (!List.of(categories).contains(loads.get(meter).category())) {
                continue;
            }
            for (int day = 0; day < dailyKwh[meter].length; day++) {
                DayOfWeek dayOfWeek = FIRST_DAY.plusDays(day).getDayOfWeek();
                if (dayOfWeek == DayOfWeek.SATURDAY || dayOfWeek == DayOfWeek.SUNDAY) {
                    weekend += dailyKwh[meter][day] / 2;
                } else {
                    weekday += dailyKwh[meter][day] / 5;
                }
            }
        }
        return weekend / weekday;
    }

    private static int indexOf(Premises premises) {
        for (int meter = 0; meter < METERS; meter++) {
            if (loads.get(meter).premises() == premises) {
                return meter;
            }
        }
        throw new AssertionError("The site has no " + premises);
    }
}

package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.CustomerCategory;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class LoadProfileTest {

    private static final long SEED = 11;
    /** A Wednesday. */
    private static final LocalDate DAY = LocalDate.of(2026, 6, 3);

    @Test
    void householdsUseTensOfWattsAndUnderThreeKilowattHoursADay() {
        for (int index = 0; index < 50; index++) {
            LoadProfile load = LoadProfile.draw(CustomerCategory.HOUSEHOLD, SEED, index);

            double kwh = dailyKwh(load, index);

            assertThat(kwh).as("household %d daily energy", index).isBetween(0.05, 3.0);
        }
    }

    @Test
    void householdsPeakInTheEvening() {
        double evening = 0;
        double midday = 0;
        for (int index = 0; index < 50; index++) {
            LoadProfile load = LoadProfile.draw(CustomerCategory.HOUSEHOLD, SEED, index);
            evening += meanWatts(load, index, LocalTime.of(19, 0), LocalTime.of(22, 0));
            midday += meanWatts(load, index, LocalTime.of(11, 0), LocalTime.of(14, 0));
        }

        assertThat(evening).isGreaterThan(2 * midday);
    }

    @Test
    void aMillUsesMoreThanAHouseholdOnAWorkingDay() {
        LoadProfile mill = LoadProfile.draw(CustomerCategory.MILL, SEED, 7);
        LoadProfile household = LoadProfile.draw(CustomerCategory.HOUSEHOLD, SEED, 8);

        assertThat(dailyKwh(mill, 7)).isGreaterThan(5 * dailyKwh(household, 8));
    }

    @Test
    void theSameIntervalAlwaysGivesTheSamePower() {
        LoadProfile load = LoadProfile.draw(CustomerCategory.SHOP, SEED, 3);
        LocalDateTime at = DAY.atTime(20, 15);

        assertThat(load.watts(SEED, 3, at, 12345)).isEqualTo(load.watts(SEED, 3, at, 12345));
    }

    private static double dailyKwh(LoadProfile load, int index) {
        return meanWatts(load, index, LocalTime.MIN, LocalTime.MAX) * 24 / 1000;
    }

    private static double meanWatts(LoadProfile load, int index, LocalTime from, LocalTime to) {
        double sum = 0;
        int count = 0;
        for (LocalDateTime at = DAY.atTime(from); at.toLocalTime().isBefore(to) && at.toLocalDate().equals(DAY);
                at = at.plusMinutes(15)) {
            sum += load.watts(SEED, index, at, at.toLocalTime().toSecondOfDay() / 900 + 4000L);
            count++;
        }
        return sum / count;
    }
}

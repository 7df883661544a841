package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.sim.mesh.GatewayIntake;
import io.gridside.site.Reading;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulated site's readings show the voltage its network gives each meter: brown-outs at the evening peak. */
class SupplyVoltageTest {

    private static final Instant NOW = Instant.parse("2026-06-08T00:00:00Z");
    private static final int BROWN_OUT_DECIVOLTS = 2_070;

    private static SimulatedGateway gateway;
    private static List<Reading> readings;

    @BeforeAll
    static void runAWeek() {
        gateway = new SimulatedGateway(new SiteSpec(120, 21, 7, NOW), SimClock.manual(NOW));
        readings = gateway.readings(Instant.EPOCH, NOW);
    }

    @Test
    void everyReadingOfAQuietSiteCarriesItsVoltageAndPeak() {
        assertThat(readings).isNotEmpty().allSatisfy(reading -> assertThat(reading.quality()).isNotNull());
    }

    @Test
    void theVoltageFallsAtTheEveningPeak() {
        double evening = averageVolts(at(19, 21));
        double night = averageVolts(at(2, 4));

        assertThat(evening).isLessThan(night * 0.97);
        assertThat(night).isBetween(225.0, 232.0);
    }

    @Test
    void theLoadedFeederBrownsOutInTheEveningAndNoFeederDoesAtNight() {
        assertThat(readings.stream().filter(at(19, 21)).filter(SupplyVoltageTest::brownOut)).isNotEmpty();
        assertThat(readings.stream().filter(at(2, 4)).filter(SupplyVoltageTest::brownOut)).isEmpty();
    }

    private static boolean brownOut(Reading reading) {
        return reading.quality().averageDecivolts() < BROWN_OUT_DECIVOLTS;
    }

    @Test
    void aMillsPeakPowerIsFarAboveItsMeanWhileItGrinds() {
        String mill = gateway.layout().meters().get(7).meterId();
        List<Reading> grinding = readings.stream().filter(reading -> reading.meterId().equals(mill))
                .filter(reading -> reading.energyWh() > 200).toList();

        assertThat(grinding).isNotEmpty().allSatisfy(reading ->
                assertThat(reading.quality().peakWatts()).isGreaterThan(2 * 4 * (int) reading.energyWh()));
    }

    @Test
    void aReadingThatBillsIntervalsTheGatewayMissedCarriesNoQuality() {
        Instant now = Instant.parse("2026-06-03T09:07:00Z");
        SimClock.Manual clock = SimClock.manual(now);
        SimulatedGateway flooded = new SimulatedGateway(new SiteSpec(20, 17, 0, now), clock);
        flooded.flood("M00005", 4 * GatewayIntake.SLOTS_PER_INTERVAL);
        clock.advance(Duration.ofHours(3));
        flooded.flood("M00005", 0);
        clock.advance(Duration.ofHours(1));

        List<Reading> flooder = flooded.readings(Instant.EPOCH, Instant.MAX).stream()
                .filter(reading -> reading.meterId().equals("M00005")).toList();

        Instant billedUpTo = flooded.historyStart();
        int gaps = 0;
        for (Reading reading : flooder) {
            boolean afterGap = !reading.intervalStart().equals(billedUpTo);
            assertThat(reading.quality() == null).as("reading of %s", reading.intervalStart()).isEqualTo(afterGap);
            gaps += afterGap ? 1 : 0;
            billedUpTo = reading.intervalEnd();
        }
        assertThat(gaps).isPositive();
    }

    private static double averageVolts(Predicate<Reading> which) {
        return readings.stream().filter(which).mapToDouble(reading -> reading.quality().averageVolts())
                .average().orElseThrow();
    }

    /** Readings whose interval starts from hour {@code from} to before hour {@code to}, site time. */
    private static Predicate<Reading> at(int from, int to) {
        return reading -> {
            int hour = ZonedDateTime.ofInstant(reading.intervalStart(), SiteGenerator.ZONE).getHour();
            return hour >= from && hour < to;
        };
    }
}

package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.billing.CreditTerms;
import io.gridside.billing.config.BillingConfig;
import io.gridside.site.Customer;
import io.gridside.site.CustomerCategory;
import io.gridside.site.EventKind;
import io.gridside.site.SiteEvent;
import io.gridside.site.Reading;
import io.gridside.site.tariff.Block;
import io.gridside.site.tariff.TariffSchedule;
import io.gridside.site.tariff.TariffVersion;
import io.gridside.sim.scenario.EventLog;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A lifeline customer's meter trips on a running demand above its limit that lasts the trip delay, rides through a
 * motor's inrush, recloses by itself and locks out; others never trip.
 */
class PowerLimiterTest {

    private static final Instant TEN = Instant.parse("2026-06-03T10:00:00Z");
    private static final Customer AMINA = new Customer("C-1", "Amina", CustomerCategory.HOUSEHOLD);
    private static final double KETTLE_MEAN = 1_200;
    /** A kettle of 1.8 kW, and what else the household runs, as the quarter hour's peak. */
    private static final double KETTLE_PEAK = 2_000;

    private static BillingConfig billing(Integer limitWatts, Set<String> neverDisconnect) {
        TariffVersion version = new TariffVersion(LocalDateTime.of(2024, 1, 1, 0, 0), "KES",
                List.of(new Block(null, 2_500_000L, false)), null, List.of(), null, null, List.of(), limitWatts);
        return new BillingConfig(new TariffSchedule("t", "KES", List.of(version)),
                new CreditTerms(CreditTerms.PLAIN.policy(), CreditTerms.PLAIN.calendar(), neverDisconnect, List.of()));
    }

    private static PowerLimiter limiter(BillingConfig billing, Customer... customers) {
        return new PowerLimiter(customers.length, 7, billing, ZoneOffset.UTC, index -> customers[index],
                index -> "M-" + (index + 1));
    }

    /** Runs {@code intervals} quarter hours from {@code start} with the same demand; the energy delivered, Wh. */
    private static double[] run(PowerLimiter limiter, Instant start, int intervals, double mean, double running,
            double peak, EventLog log) {
        int meters = limiter.meters();
        double[] energyWh = new double[meters];
        for (int k = 0; k < intervals; k++) {
            MeterDemand demand = new MeterDemand(meters);
            Arrays.fill(demand.meanWatts, mean);
            Arrays.fill(demand.runningWatts, running);
            Arrays.fill(demand.peakWatts, peak);
            limiter.limit(start.plus(Duration.ofMinutes(15L * k)), demand, log);
            for (int i = 0; i < meters; i++) {
                energyWh[i] += demand.meanWatts[i] / 4;
            }
        }
        return energyWh;
    }

    private static List<SiteEvent> of(EventLog log, EventKind kind) {
        return log.all().stream().filter(e -> e.kind() == kind).toList();
    }

    @Test
    void aLifelineKettleTripsReclosesAndLocksOutUntilTheNextHour() {
        PowerLimiter limiter = limiter(billing(500, Set.of()), AMINA);
        EventLog log = new EventLog();

        double[] energy = run(limiter, TEN, 4, KETTLE_MEAN, KETTLE_PEAK, KETTLE_PEAK, log);

        List<SiteEvent> trips = of(log, EventKind.POWER_LIMIT_TRIPPED);
        assertThat(trips).hasSize(PowerLimiter.TRIPS_TO_LOCKOUT);
        assertThat(trips).allSatisfy(trip -> {
            assertThat(trip.source()).isEqualTo("M-1");
            assertThat(trip.detail("demandW")).isEqualTo("2000");
            assertThat(trip.detail("limitW")).isEqualTo("500");
        });
        assertThat(trips).extracting(t -> t.detail("lockout")).containsExactly("false", "false", "true");
        assertThat(trips.get(2).detail("reclosesAt")).isEqualTo("2026-06-03T11:00:00Z");
        List<SiteEvent> reclosings = of(log, EventKind.POWER_LIMIT_RECLOSED);
        assertThat(reclosings).hasSize(2).allSatisfy(r -> assertThat(r.detail("after")).isEqualTo("delay"));
        assertThat(reclosings.get(0).at()).isEqualTo(trips.get(0).at().plus(PowerLimiter.RECLOSE_DELAY));
        assertThat(limiter.open(0)).isTrue();
        assertThat(energy[0]).isGreaterThan(0).isLessThan(KETTLE_MEAN * 0.75);
    }

    @Test
    void aLockedOutMeterDeliversNothingUntilTheHourThenReclosesAndCountsAgain() {
        PowerLimiter limiter = limiter(billing(500, Set.of()), AMINA);
        EventLog log = new EventLog();
        run(limiter, TEN, 3, KETTLE_MEAN, KETTLE_PEAK, KETTLE_PEAK, log);

        double[] lockedOut = run(limiter, TEN.plus(Duration.ofMinutes(45)), 1, KETTLE_MEAN, KETTLE_PEAK, KETTLE_PEAK,
                log);
        int before = log.size();
        run(limiter, TEN.plus(Duration.ofHours(1)), 1, KETTLE_MEAN, KETTLE_PEAK, KETTLE_PEAK, log);

        assertThat(lockedOut[0]).isZero();
        List<SiteEvent> next = log.all().subList(before, log.size());
        assertThat(next.get(0).kind()).isEqualTo(EventKind.POWER_LIMIT_RECLOSED);
        assertThat(next.get(0).at()).isEqualTo(TEN.plus(Duration.ofHours(1)));
        assertThat(next.get(0).detail("after")).isEqualTo("lockout");
        assertThat(next.get(1).kind()).isEqualTo(EventKind.POWER_LIMIT_TRIPPED);
        assertThat(next.get(1).detail("trip")).isEqualTo("1");
    }

    @Test
    void eventsOfManyMetersAreLoggedInTheOrderTheyHappened() {
        Customer[] households = new Customer[6];
        for (int i = 0; i < households.length; i++) {
            households[i] = new Customer("C-" + (i + 1), "Household " + (i + 1), CustomerCategory.HOUSEHOLD);
        }
        EventLog log = new EventLog();

        run(limiter(billing(500, Set.of()), households), TEN, 4, KETTLE_MEAN, KETTLE_PEAK, KETTLE_PEAK, log);

        assertThat(log.all()).extracting(SiteEvent::source).hasSizeGreaterThan(households.length)
                .contains("M-1", "M-6");
        assertThat(log.all()).extracting(SiteEvent::at).isSorted();
    }

    @Test
    void theSameSeedTripsAtTheSameMoments() {
        Customer household = AMINA;
        EventLog first = new EventLog();
        EventLog second = new EventLog();

        run(limiter(billing(500, Set.of()), household), TEN, 8, KETTLE_MEAN, KETTLE_PEAK, KETTLE_PEAK, first);
        run(limiter(billing(500, Set.of()), household), TEN, 8, KETTLE_MEAN, KETTLE_PEAK, KETTLE_PEAK, second);

        assertThat(first.all()).isNotEmpty().isEqualTo(second.all());
    }

    @Test
    void customersWithoutALimitNeverTripAndGetAllTheyDraw() {
        EventLog log = new EventLog();
        Customer shop = new Customer("C-1", "Duka", CustomerCategory.SHOP);
        Customer clinic = new Customer("C-2", "Clinic", CustomerCategory.HOUSEHOLD);
        Customer household = new Customer("C-3", "Amina", CustomerCategory.HOUSEHOLD);
        PowerLimiter limited = limiter(billing(500, Set.of("C-2")), shop, clinic);
        PowerLimiter unlimited = limiter(billing(null, Set.of()), household);

        double[] limitedEnergy = run(limited, TEN, 8, KETTLE_MEAN, KETTLE_PEAK, KETTLE_PEAK, log);
        double[] unlimitedEnergy = run(unlimited, TEN, 8, KETTLE_MEAN, KETTLE_PEAK, KETTLE_PEAK, log);

        assertThat(log.all()).isEmpty();
        assertThat(limited.limitWatts(0)).isZero();
        assertThat(limited.limitWatts(1)).isZero();
        assertThat(unlimited.limitWatts(0)).isZero();
        assertThat(limitedEnergy).containsExactly(KETTLE_MEAN * 2, KETTLE_MEAN * 2);
        assertThat(unlimitedEnergy).containsExactly(KETTLE_MEAN * 2);
    }

    @Test
    void aMeterThatDrawsNothingBehindAnOpenRelayNeverTrips() {
        PowerLimiter limiter = limiter(billing(500, Set.of()), AMINA);
        EventLog log = new EventLog();

        run(limiter, TEN, 8, 0, 0, 0, log);

        assertThat(limiter.limitWatts(0)).isEqualTo(500);
        assertThat(log.all()).isEmpty();
    }

    @Test
    void aDemandWithinTheLimitNeverTrips() {
        PowerLimiter limiter = limiter(billing(500, Set.of()), AMINA);
        EventLog log = new EventLog();

        double[] energy = run(limiter, TEN, 8, 300, 500, 500, log);

        assertThat(log.all()).isEmpty();
        assertThat(energy).containsExactly(600.0);
    }

    @Test
    void aFridgeHouseholdUnderALimitAboveItsRunningPowerNeverTripsOnTheCompressorsInrush() {
        PowerLimiter limiter = limiter(billing(250, Set.of()), AMINA);
        EventLog log = new EventLog();
        // A 120 W fridge and an 80 W television: 200 W running, and the compressor's start adds twice its rating.
        double running = 200;

        double[] energy = run(limiter, TEN, 96, 110, running, running + 2 * 120, log);

        assertThat(log.all()).isEmpty();
        assertThat(energy).containsExactly(110.0 * 96 / 4);
    }

    @Test
    void aKettleTripsTheDelayAfterItPassesTheLimitAtTheSeedsMoment() {
        PowerLimiter limiter = limiter(billing(500, Set.of()), AMINA);
        EventLog log = new EventLog();

        run(limiter, TEN, 1, KETTLE_MEAN, KETTLE_PEAK, KETTLE_PEAK, log);

        // Worked example: of the 890 s of the quarter hour in which a demand can still last the 10 s delay, the
        // seed's draw for its first trip picks the 770th: the kettle passes the limit at 10:12:50, the relay opens
        // at 10:13:00 and recloses 5 minutes later, at 10:18:00.
        long interval = TEN.getEpochSecond() / Reading.INTERVAL.toSeconds();
        assertThat((long) Math.floor(Noise.unit(7, 0, interval, 370) * 890)).isEqualTo(770);
        SiteEvent trip = of(log, EventKind.POWER_LIMIT_TRIPPED).get(0);
        assertThat(trip.at()).isEqualTo(Instant.parse("2026-06-03T10:13:00Z"));
        assertThat(trip.detail("reclosesAt")).isEqualTo("2026-06-03T10:18:00Z");
    }

    @Test
    void aDemandThatPassesTheLimitOnlyByItsInrushNeverTrips() {
        PowerLimiter limiter = limiter(billing(500, Set.of()), AMINA);
        EventLog log = new EventLog();

        // A 400 W grinder whose start draws 2.5 times its rating, far above the limit for a moment.
        run(limiter, TEN, 8, 150, 400, 400 * 2.5, log);

        assertThat(log.all()).isEmpty();
    }

    @Test
    void theSimulatedHouseholdsWithAFridgeWhoseAppliancesStayUnderTheLimitNeverTrip() {
        int limit = 250;
        ZoneId zone = ZoneOffset.UTC;
        List<LoadProfile> fridges = new ArrayList<>();
        for (int index = 0; fridges.size() < 8; index++) {
            LoadProfile load = LoadProfile.draw(CustomerCategory.HOUSEHOLD, 11, index);
            double rated = load.appliances().stream().mapToDouble(LoadProfile.Fitted::watts).sum();
            if (rated <= limit && load.appliances().stream().anyMatch(f -> f.appliance() == Appliance.FRIDGE)) {
                fridges.add(load);
            }
        }
        Customer[] households = new Customer[fridges.size()];
        Arrays.fill(households, AMINA);
        PowerLimiter limiter = limiter(billing(limit, Set.of()), households);
        EventLog log = new EventLog();
        double highestPeak = 0;

        for (int k = 0; k < 7 * 96; k++) {
            Instant start = TEN.plus(Duration.ofMinutes(15L * k));
            MeterDemand demand = new MeterDemand(fridges.size());
            for (int i = 0; i < fridges.size(); i++) {
                demand.draw(i, fridges.get(i), 11, LocalInterval.of(start, zone), 1);
            }
            highestPeak = Math.max(highestPeak, Arrays.stream(demand.peakWatts).max().orElse(0));
            limiter.limit(start, demand, log);
        }

        assertThat(highestPeak).as("a compressor's start passes the limit").isGreaterThan(limit);
        assertThat(log.all()).isEmpty();
    }
}

package io.gridside.sim;

import io.gridside.billing.config.BillingConfig;
import io.gridside.site.Customer;
import io.gridside.site.EventKind;
import io.gridside.site.Reading;
import io.gridside.sim.scenario.EventLog;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The load limiters of the site's meters. A lifeline customer's meter holds the power limit the gateway gives it
 * and opens its relay when the customer draws more for {@link #TRIP_DELAY}; it closes the relay again by itself
 * after {@link #RECLOSE_DELAY}, and the {@value #TRIPS_TO_LOCKOUT}rd trip within one clock hour (UTC) locks it out
 * until the next hour begins, as prepaid meters' limiters do. While open the meter delivers nothing, so the interval's
 * energy, and the register, are what the customer drew while it was closed.
 *
 * <p>A trip is the meter's own: billing neither decides it nor sees it, and billing's relay is a separate switch. A
 * meter whose relay billing or a maintenance lock holds open, or whose supply is cut, draws nothing and so never
 * trips; a lockout does not change billing's relay.
 *
 * <p>The demand the limiter compares with its limit is the quarter hour's running power: what the appliances in use
 * draw together once started, which lasts a minute or more, far longer than the trip delay. A starting motor's or
 * compressor's inrush lasts under a second, shorter than the delay, so the limiter rides through it as a real one
 * does, however far above the limit it goes. The simulated load is known only by its quarter hour's mean, running
 * and peak power, so when in the quarter hour the demand passes the limit is drawn from the site's seed; the trip
 * follows {@link #TRIP_DELAY} later, and the same seed gives the same trips.
 */
// The trip delay is the limiter's own, not a setting: at the load's resolution any delay between the inrush (under
// a second) and the shortest run (a minute) trips the same, so a setting would change nothing the simulator shows.
// A real limiter's instantaneous trip on a short circuit is not modelled.
final class PowerLimiter {

    /** How long the demand must stay above the limit before the limiter opens the relay. */
    static final Duration TRIP_DELAY = Duration.ofSeconds(10);
    /** How long a tripped limiter waits before it closes the relay again. */
    static final Duration RECLOSE_DELAY = Duration.ofMinutes(5);
    /** The trip of an hour that locks the limiter out until the next hour. */
    static final int TRIPS_TO_LOCKOUT = 3;
    private static final long TRIP_SALT = 370;
    private static final long INTERVAL_SECONDS = Reading.INTERVAL.toSeconds();
    private static final long HOUR_SECONDS = 3_600;

    private final long seed;
    private final BillingConfig billing;
    private final ZoneId zone;
    private final IntFunction<Customer> occupants;
    private final IntFunction<String> meterIds;
    /** Each meter's limit in watts, 0 for none, as the gateway last set it. */
    private final int[] limitWatts;
    /** When each open limiter closes again, or null while it is closed. */
    private final Instant[] openUntil;
    private final boolean[] lockedOut;
    /** The UTC hour (seconds since the epoch over 3,600) whose trips {@link #tripsInHour} counts. */
    private final long[] tripHour;
    private final int[] tripsInHour;

    /**
     * @param billing the configuration whose tariff versions carry the limit, and whose terms protect customers
     * @param places each place's meter and the customer it bills now
     */
    PowerLimiter(long seed, BillingConfig billing, ZoneId zone, Places places) {
        this(places.meterIds.length, seed, billing, zone, index -> places.occupants[index],
                index -> places.meterIds[index]);
    }

    /**
     * @param occupants the customer each place's meter bills now, or null for a free place
     * @param meterIds the meter at each place now
     */
    PowerLimiter(int meters, long seed, BillingConfig billing, ZoneId zone, IntFunction<Customer> occupants,
            IntFunction<String> meterIds) {
        this.seed = seed;
        this.billing = billing;
        this.zone = zone;
        this.occupants = occupants;
        this.meterIds = meterIds;
        this.limitWatts = new int[meters];
        this.openUntil = new Instant[meters];
        this.lockedOut = new boolean[meters];
        this.tripHour = new long[meters];
        this.tripsInHour = new int[meters];
    }

    /** How many meters it limits. */
    int meters() {
        return limitWatts.length;
    }

    /** The limit meter {@code index} holds, in watts, or 0 for none. */
    int limitWatts(int index) {
        return limitWatts[index];
    }

    /** Whether meter {@code index}'s limiter holds its relay open now. */
    boolean open(int index) {
        return openUntil[index] != null;
    }

    /**
     * Runs every limiter through the interval from {@code start}: sets each meter's limit by the tariff version in
     * force, trips and recloses by the interval's running power, logs each trip and reclosing in the order they
     * happened, and cuts each meter's mean power to the share of the interval its relay was closed (its running and
     * peak power to 0 when it was open throughout). A meter that draws nothing (its relay open by billing, its
     * supply cut) has no demand.
     */
    void limit(Instant start, MeterDemand demand, EventLog log) {
        double[] meanWatts = demand.meanWatts;
        LocalDateTime local = LocalDateTime.ofInstant(start, zone);
        long interval = start.getEpochSecond() / INTERVAL_SECONDS;
        List<Pending> pending = new ArrayList<>();
        for (int i = 0; i < limitWatts.length; i++) {
            Customer occupant = occupants.apply(i);
            Integer limit = occupant == null ? null : billing.powerLimitWatts(occupant, local);
            // The setting reaches the meter as its version comes into force: the simulated mesh does not carry it.
            limitWatts[i] = limit == null ? 0 : limit;
            if (limitWatts[i] == 0 && openUntil[i] == null) {
                continue;
            }
            long closedSeconds = run(i, start, interval, meanWatts[i] > 0 ? demand.runningWatts[i] : 0, pending);
            meanWatts[i] = meanWatts[i] * closedSeconds / INTERVAL_SECONDS;
            if (closedSeconds == 0) {
                demand.runningWatts[i] = 0;
                demand.peakWatts[i] = 0;
            }
        }
        pending.sort(Comparator.comparing(Pending::at));
        pending.forEach(p -> log.add(p.at, p.meterId, p.kind, p.details, null));
    }

    /** An event of the interval, logged once every limiter has run through it. */
    private record Pending(Instant at, String meterId, EventKind kind, Map<String, String> details) {
    }

    /** Runs meter {@code index}'s limiter through the interval; the seconds its relay was closed. */
    private long run(int index, Instant start, long interval, double demandWatts, List<Pending> log) {
        Instant end = start.plus(Reading.INTERVAL);
        Instant cursor = start;
        long closedSeconds = 0;
        int trips = 0;
        while (cursor.isBefore(end)) {
            if (openUntil[index] != null) {
                if (!openUntil[index].isBefore(end)) {
                    break;
                }
                cursor = reclose(index, cursor, log);
            } else if (limitWatts[index] > 0 && demandWatts > limitWatts[index]
                    && cursor.plus(TRIP_DELAY).isBefore(end)) {
                Instant tripAt = tripMoment(index, interval, trips++, cursor, end).plus(TRIP_DELAY);
                closedSeconds += Duration.between(cursor, tripAt).toSeconds();
                trip(index, tripAt, demandWatts, log);
                cursor = tripAt;
            } else {
                closedSeconds += Duration.between(cursor, end).toSeconds();
                cursor = end;
            }
        }
        return closedSeconds;
    }

    /**
     * A moment in [from, end - trip delay), drawn from the seed, when the demand passes the limit. A demand that
     * would pass it later trips in the next interval if it is still there: the load holds no finer time than the
     * quarter hour.
     */
    private Instant tripMoment(int index, long interval, int trip, Instant from, Instant end) {
        long span = Duration.between(from, end).minus(TRIP_DELAY).toSeconds();
        return from.plusSeconds((long) Math.floor(Noise.unit(seed, index, interval, TRIP_SALT + trip) * span));
    }

    private void trip(int index, Instant at, double demandWatts, List<Pending> log) {
        long hour = at.getEpochSecond() / HOUR_SECONDS;
        if (tripHour[index] != hour) {
            tripHour[index] = hour;
            tripsInHour[index] = 0;
        }
        tripsInHour[index]++;
        Instant reclose = at.plus(RECLOSE_DELAY);
        lockedOut[index] = tripsInHour[index] >= TRIPS_TO_LOCKOUT;
        if (lockedOut[index]) {
            Instant nextHour = Instant.ofEpochSecond((hour + 1) * HOUR_SECONDS);
            reclose = nextHour.isAfter(reclose) ? nextHour : reclose;
        }
        openUntil[index] = reclose;
        log.add(new Pending(at, meterIds.apply(index), EventKind.POWER_LIMIT_TRIPPED, Map.of(
                "demandW", Long.toString(Math.round(demandWatts)), "limitW", Integer.toString(limitWatts[index]),
                "trip", Integer.toString(tripsInHour[index]), "lockout", Boolean.toString(lockedOut[index]),
                "reclosesAt", reclose.toString())));
    }

    /** Closes meter {@code index}'s limiter at its time (not before {@code cursor}); the moment it closed. */
    private Instant reclose(int index, Instant cursor, List<Pending> log) {
        Instant at = openUntil[index].isBefore(cursor) ? cursor : openUntil[index];
        log.add(new Pending(at, meterIds.apply(index), EventKind.POWER_LIMIT_RECLOSED, Map.of(
                "limitW", Integer.toString(limitWatts[index]), "after", lockedOut[index] ? "lockout" : "delay")));
        openUntil[index] = null;
        lockedOut[index] = false;
        return at;
    }
}

package io.gridside.sim;

import io.gridside.link.message.GatewayHealth;
import io.gridside.sim.mesh.QuarterHourTraffic;
import io.gridside.sim.scenario.ScenarioRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The simulated gateway's own health, worked out from its seed and the simulated time alone, so that the same
 * site reports the same health at the same moment however often, or seldom, a console asks.
 *
 * <p>It started some weeks before its history begins, and starts again when a scenario reboots it. Its one slow
 * core is busiest just after each quarter hour, when the meters' readings arrive in a burst; its memory grows
 * slowly while it runs. Its cellular backhaul fades slowly and is down while a scenario holds it down. Its clock
 * drifts at a rate of its own, and it checks it against its time source when it starts and every day at 02:00
 * UTC, whenever the backhaul is up then.
 */
final class GatewayVitals {

    static final long MEMORY_TOTAL_KIB = 262_144;
    private static final long MEMORY_BASE_KIB = 73_728;
    private static final long MEMORY_GROWTH_CAP_KIB = 40_960;
    private static final long SECONDS_A_DAY = 86_400;
    private static final long SYNC_SECOND_OF_DAY = 2 * 3_600;
    /** How many days back it looks for its last check against its time source. */
    private static final int SYNC_SEARCH_DAYS = 120;
    /** Salts that keep these draws apart from the loads' and payments' draws of the same seed. */
    private static final long NOISE = 0x6A7E_3A17L;

    private final long seed;
    private final Instant firstStart;
    private final double driftPpm;
    private final double signalPhase;

    GatewayVitals(long seed, Instant historyStart) {
        this.seed = seed;
        long upBefore = (long) Noise.between(3 * SECONDS_A_DAY, 40 * SECONDS_A_DAY, seed, NOISE, 1);
        this.firstStart = historyStart.minusSeconds(upBefore);
        this.driftPpm = Noise.between(-25, 25, seed, NOISE, 2);
        this.signalPhase = Noise.between(0, 2 * Math.PI, seed, NOISE, 3);
    }

    /**
     * What waits where at the moment of measuring, and the quarter hours of traffic that have ended.
     *
     * @param intakeDepth messages waiting at the intake
     * @param meshDepth readings the mesh's radios hold
     * @param ended the last quarter hours' traffic, oldest first
     */
    record Queues(int intakeDepth, int meshDepth, List<QuarterHourTraffic> ended) {
    }

    /**
     * The health as measured at simulated time {@code now}.
     *
     * @param clock the gateway's clock at {@code now}
     * @param setOffset how far a technician set the gateway's clock from the simulated time
     */
    GatewayHealth measure(Instant now, Instant clock, Duration setOffset, ScenarioRunner scenario, Queues queues,
            int meters) {
        int intakeDepth = queues.intakeDepth();
        Instant started = startedBy(now, scenario);
        long uptime = Math.max(0, Duration.between(started, now).toSeconds());
        GatewayHealth.Backhaul backhaul = backhaulAt(now, scenario);
        Integer signal = backhaul == GatewayHealth.Backhaul.UP ? signalDbm(now) : null;
        Instant synced = lastSync(now, started, scenario);
        Long offset = synced == null ? null : clockOffsetMillis(now, synced, setOffset);
        return new GatewayHealth(uptime, loadPerMille(now, intakeDepth, meters), memoryUsedKib(now, uptime, meters,
                intakeDepth), MEMORY_TOTAL_KIB, intakeDepth, queues.meshDepth(), backhaul, signal, offset, clock,
                queues.ended().stream().map(GatewayVitals::onTheWire).toList());
    }

    /**
     * The health of the box that took a dead gateway's place, as it measures it at simulated time {@code now}: the
     * site's backhaul and load as these vitals give them, with its own uptime since {@code started} and its own
     * {@code clock}, and no queues or traffic counted yet, as a box that started afresh has none.
     */
    GatewayHealth ofReplacement(Instant now, Instant started, Instant clock, ScenarioRunner scenario, int meters) {
        GatewayHealth site = measure(now, clock, Duration.ZERO, scenario, new Queues(0, 0, List.of()), meters);
        long uptime = Math.max(0, Duration.between(started, now).toSeconds());
        return new GatewayHealth(uptime, site.loadPerMille(), site.memoryUsedKib(), site.memoryTotalKib(), 0, 0,
                site.backhaul(), site.signalDbm(), Duration.between(now, clock).toMillis(), clock, List.of());
    }

    private static GatewayHealth.Traffic onTheWire(QuarterHourTraffic quarter) {
        return new GatewayHealth.Traffic(quarter.opening(), quarter.sent(), quarter.arrived(), quarter.burstPer10s(),
                quarter.peakIntakeDepth(), quarter.deepestMeshQueue(), quarter.deepestMeshNode(),
                quarter.meshDropped(), quarter.intakeDropped(), quarter.retries(), quarter.holds(),
                quarter.medianLatencyMillis(), quarter.worstLatencyMillis());
    }

    private Instant startedBy(Instant now, ScenarioRunner scenario) {
        if (scenario.rebootingAt(now)) {
            return now;
        }
        Instant rebooted = scenario.lastRebootEndedBy(now);
        return rebooted == null ? firstStart : rebooted;
    }

    private static GatewayHealth.Backhaul backhaulAt(Instant at, ScenarioRunner scenario) {
        if (scenario.rebootingAt(at)) {
            return GatewayHealth.Backhaul.UNKNOWN;
        }
        return scenario.backhaulDownAt(at) ? GatewayHealth.Backhaul.DOWN : GatewayHealth.Backhaul.UP;
    }

    /** The one-minute load: a base, the quarter hour's burst dying away over a few minutes, and the queue. */
    private int loadPerMille(Instant now, int intakeDepth, int meters) {
        long secondsIntoQuarter = Math.floorMod(now.getEpochSecond(), 900L);
        double burst = Math.min(900, 250 + 3.0 * meters) * Math.exp(-secondsIntoQuarter / 150.0);
        double base = Noise.between(90, 160, seed, NOISE, 4, minuteOf(now));
        return (int) Math.round(base + burst + Math.min(300, 2.0 * intakeDepth));
    }

    private long memoryUsedKib(Instant now, long uptime, int meters, int intakeDepth) {
        long growth = Math.min(MEMORY_GROWTH_CAP_KIB, uptime / 3_600 * 6);
        long jitter = (long) Noise.between(0, 2_048, seed, NOISE, 5, minuteOf(now));
        long used = MEMORY_BASE_KIB + 24L * meters + growth + 2L * intakeDepth + jitter;
        return Math.min(MEMORY_TOTAL_KIB, used);
    }

    /** A cellular signal that fades over hours and flutters over half an hour, around -78 dBm. */
    private int signalDbm(Instant now) {
        double hours = now.getEpochSecond() / 3_600.0;
        double slow = 5 * Math.sin(2 * Math.PI * hours / 5.0 + signalPhase);
        double flutter = 2.5 * Math.sin(2 * Math.PI * hours / 0.6 + 2 * signalPhase);
        double noise = Noise.gaussian(seed, NOISE, 6, minuteOf(now));
        return (int) Math.max(-113, Math.min(-51, Math.round(-78 + slow + flutter + noise)));
    }

    /**
     * Its last check against its time source: the latest of its start and the daily checks since, at which the
     * backhaul was up; null when none was.
     */
    private Instant lastSync(Instant now, Instant started, ScenarioRunner scenario) {
        long day = Math.floorDiv(now.getEpochSecond() - SYNC_SECOND_OF_DAY, SECONDS_A_DAY);
        for (int back = 0; back < SYNC_SEARCH_DAYS; back++) {
            Instant check = Instant.ofEpochSecond((day - back) * SECONDS_A_DAY + SYNC_SECOND_OF_DAY);
            if (!check.isAfter(started)) {
                break;
            }
            if (backhaulAt(check, scenario) == GatewayHealth.Backhaul.UP) {
                return check;
            }
        }
        return backhaulAt(started, scenario) == GatewayHealth.Backhaul.UP && !started.isAfter(now) ? started : null;
    }

    /**
     * The drift since the last check, what that check left over, and any setting by hand. Known gap: a check
     * measures a clock a technician set but does not correct it, since the simulated gateway bills by that clock
     * and correcting it would change its bills; so a clock set by hand stays that far off in the report.
     */
    private long clockOffsetMillis(Instant now, Instant synced, Duration setOffset) {
        double drift = driftPpm * Duration.between(synced, now).toSeconds() / 1_000.0;
        double leftOver = Noise.between(-30, 30, seed, NOISE, 7, synced.getEpochSecond());
        return Math.round(drift + leftOver) + setOffset.toMillis();
    }

    private static long minuteOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 60L);
    }
}

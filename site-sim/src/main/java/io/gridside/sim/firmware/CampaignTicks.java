package io.gridside.sim.firmware;

import io.gridside.sim.firmware.CampaignRun.MeterRun;
import io.gridside.sim.firmware.CampaignRun.WaveRun;
import io.gridside.site.firmware.CampaignPolicy;
import io.gridside.site.firmware.CampaignStatus;
import io.gridside.site.firmware.FleetMeter;
import io.gridside.site.firmware.MeterUpdateStatus;
import io.gridside.site.firmware.WaveStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Moves a meter campaign on by one quarter hour of the gateway's, by its policy (decision 0054):
 *
 * <ol>
 *   <li>a meter rebooted into the image confirms when its next reading reaches the gateway, and fails when none has
 *       in {@link #REJOIN_INTERVALS} quarter hours;</li>
 *   <li>a transfer under way goes on, or fails when the meter lost its route or supply; one that ends reboots the
 *       meter, unless the meter refuses the image; a failed attempt costs one of the policy's attempts;</li>
 *   <li>the campaign halts as soon as the failed meters of the wave reach the policy's share;</li>
 *   <li>free transfer slots (the policy's concurrency) go to the wave's next meters in its order; a meter without
 *       supply then is deferred, one without a route unreachable, and both are tried again at the next tick;</li>
 *   <li>a wave whose meters all settled or wait soaks once enough confirmed and none failed to rejoin; it passes at
 *       the soak's end when every confirmed meter was heard in it, none abnormal; the next wave starts at once.</li>
 * </ol>
 *
 * A transfer takes a quarter hour to a meter up to {@link #SHALLOW_HOPS} hops deep, two beyond: each hop carries
 * the image in turn over the same shared airtime.
 *
 * <p>KNOWN SHORTCOMING: the transfer's time is fixed by depth; it does not follow the image's size or the mesh's
 * real throughput and loss, so a bigger image or a worse mesh takes no longer.
 */
final class CampaignTicks {

    /** The deepest a meter may sit and still take its image in one quarter hour. */
    static final int SHALLOW_HOPS = 3;
    /** Quarter hours a rebooted meter has to send a reading before it counts as not rejoined: an hour. */
    static final int REJOIN_INTERVALS = 4;
    /** Quarter hours a wave waits on meters without route or supply before the campaign halts: a day. */
    static final int WAIT_INTERVALS = 96;
    private static final Duration INTERVAL = Duration.ofMinutes(15);

    private final CampaignRun run;
    private final FirmwareSite site;
    private final Map<String, MeterFault> faults;
    private final CampaignPolicy policy;
    private final Instant end;
    private Map<String, FleetMeter> fleet;
    private boolean changed;

    private CampaignTicks(CampaignRun run, FirmwareSite site, Map<String, MeterFault> faults, Instant end) {
        this.run = run;
        this.site = site;
        this.faults = faults;
        this.policy = run.policy();
        this.end = end;
    }

    /**
     * Moves {@code run} on by the quarter hour that ended at {@code end}.
     *
     * @return whether anything of it changed
     */
    static boolean tick(CampaignRun run, FirmwareSite site, Map<String, MeterFault> faults, Instant end) {
        return new CampaignTicks(run, site, faults, end).tick();
    }

    private boolean tick() {
        fleet = site.fleet().stream().collect(Collectors.toMap(FleetMeter::meterId, Function.identity()));
        watchReboots();
        moveTransfers();
        if (run.status == CampaignStatus.RUNNING) {
            runWave();
        }
        if (changed) {
            run.updatedSecond = end.getEpochSecond();
        }
        return changed;
    }

    private void watchReboots() {
        for (MeterRun meter : run.meters) {
            if (!meter.is(MeterUpdateStatus.INSTALLING) || meter.rebootedSecond >= end.getEpochSecond()) {
                continue;
            }
            if (faults.get(meter.meterId) != MeterFault.NEVER_REJOINS && site.deliveredLastInterval(meter.meterId)) {
                confirm(meter);
            } else if (end.getEpochSecond() - meter.rebootedSecond >= REJOIN_INTERVALS * INTERVAL.toSeconds()) {
                meter.lostAfterReboot = true;
                settle(meter, MeterUpdateStatus.FAILED, "did not rejoin the mesh within "
                        + REJOIN_INTERVALS * INTERVAL.toMinutes() + " minutes of rebooting into " + run.version);
            }
        }
    }

    private void confirm(MeterRun meter) {
        site.meterRuns(meter.meterId, run.version, run.securityCounter);
        meter.version = run.version;
        settle(meter, MeterUpdateStatus.CONFIRMED, "");
    }

    private void moveTransfers() {
        for (MeterRun meter : run.meters) {
            if (!meter.is(MeterUpdateStatus.TRANSFERRING)) {
                continue;
            }
            FleetMeter now = fleet.get(meter.meterId);
            if (!site.supplied(meter.meterId)) {
                attemptFailed(meter, "lost its supply during the transfer");
            } else if (now == null || !now.reachable()) {
                attemptFailed(meter, "lost its route to the gateway during the transfer");
            } else if (--meter.transferLeft > 0) {
                changed = true;
            } else if (faults.get(meter.meterId) == MeterFault.REJECTS_IMAGE) {
                attemptFailed(meter, "refused the image when its transfer ended");
            } else {
                meter.rebootedSecond = end.getEpochSecond();
                settle(meter, MeterUpdateStatus.INSTALLING, "");
            }
        }
    }

    private void attemptFailed(MeterRun meter, String why) {
        if (meter.attempts >= policy.attemptsPerMeter()) {
            settle(meter, MeterUpdateStatus.FAILED, why + " at its last of " + meter.attempts + " attempts");
        } else {
            settle(meter, MeterUpdateStatus.PENDING, why + " at attempt " + meter.attempts + "; tried again");
        }
    }

    private void settle(MeterRun meter, MeterUpdateStatus status, String reason) {
        meter.status = status;
        meter.reason = reason;
        changed = true;
    }

    private void runWave() {
        WaveRun wave = run.currentWave();
        if (wave == null) {
            complete();
            return;
        }
        if (wave.status == WaveStatus.PENDING) {
            wave.status = WaveStatus.UPDATING;
            changed = true;
        }
        List<MeterRun> meters = run.metersOf(wave.number);
        if (halted(wave, meters)) {
            return;
        }
        if (wave.status == WaveStatus.UPDATING) {
            startTransfers(meters);
            settleWave(wave, meters);
        } else if (wave.status == WaveStatus.SOAKING) {
            soak(wave, meters);
        }
    }

    /** Halts the campaign when the wave's failed meters, other than those a supervisor accepted, reach the rule. */
    private boolean halted(WaveRun wave, List<MeterRun> meters) {
        List<MeterRun> failed = meters.stream().filter(meter -> meter.is(MeterUpdateStatus.FAILED) && !meter.accepted)
                .toList();
        if (!policy.pauses(failed.size(), wave.size)) {
            return false;
        }
        halt(wave, failed.size() + " of its " + wave.size + " meters failed, and the policy halts at "
                + perCent(policy.pausePerMille()) + " (" + describe(failed) + ")");
        return true;
    }

    private void startTransfers(List<MeterRun> meters) {
        long free = policy.concurrency() - run.count(meter -> meter.is(MeterUpdateStatus.TRANSFERRING));
        for (MeterRun meter : meters) {
            if (free <= 0) {
                return;
            }
            if (!(meter.is(MeterUpdateStatus.PENDING) || meter.is(MeterUpdateStatus.UNREACHABLE)
                    || meter.is(MeterUpdateStatus.DEFERRED))) {
                continue;
            }
            FleetMeter now = fleet.get(meter.meterId);
            if (!site.supplied(meter.meterId)) {
                wait(meter, MeterUpdateStatus.DEFERRED, "had no supply when its turn came");
            } else if (now == null || !now.reachable()) {
                wait(meter, MeterUpdateStatus.UNREACHABLE, "had no route to the gateway when its turn came");
            } else {
                meter.attempts++;
                meter.transferLeft = now.hops() <= SHALLOW_HOPS ? 1 : 2;
                settle(meter, MeterUpdateStatus.TRANSFERRING, "");
                free--;
            }
        }
    }

    private void wait(MeterRun meter, MeterUpdateStatus status, String reason) {
        if (meter.status != status || !meter.reason.equals(reason)) {
            settle(meter, status, reason);
        }
    }

    /** Starts the wave's soak once its meters settled or wait and its rule allows, or halts it when it cannot. */
    private void settleWave(WaveRun wave, List<MeterRun> meters) {
        if (meters.stream().anyMatch(meter -> meter.is(MeterUpdateStatus.PENDING)
                || meter.is(MeterUpdateStatus.TRANSFERRING) || meter.is(MeterUpdateStatus.INSTALLING))) {
            return;
        }
        List<MeterRun> lost = meters.stream().filter(meter -> meter.lostAfterReboot && !meter.accepted).toList();
        List<MeterRun> waiting = meters.stream().filter(meter -> meter.is(MeterUpdateStatus.UNREACHABLE)
                || meter.is(MeterUpdateStatus.DEFERRED)).toList();
        long confirmed = meters.stream().filter(meter -> meter.is(MeterUpdateStatus.CONFIRMED)).count();
        if (!lost.isEmpty()) {
            halt(wave, "meters did not rejoin the mesh after their reboot (" + describe(lost) + ")");
        } else if (policy.confirms((int) confirmed, wave.size)) {
            startSoak(wave, meters);
        } else if (waiting.isEmpty()) {
            halt(wave, "only " + confirmed + " of its " + wave.size + " meters confirmed, and the policy needs "
                    + perCent(policy.confirmPerMille()));
        } else if (++wave.waitedIntervals >= WAIT_INTERVALS) {
            halt(wave, "it waited " + WAIT_INTERVALS * INTERVAL.toMinutes() / 60 + " hours on meters without route"
                    + " or supply (" + describe(waiting) + ")");
        }
    }

    private void startSoak(WaveRun wave, List<MeterRun> meters) {
        meters.forEach(meter -> meter.heardInSoak = false);
        wave.status = WaveStatus.SOAKING;
        wave.soakUntilSecond = end.plus(INTERVAL.multipliedBy(policy.soakIntervals())).getEpochSecond();
        changed = true;
        if (policy.soakIntervals() == 0) {
            pass(wave);
        }
    }

    /** Takes the quarter hour's readings of the wave's confirmed meters, and passes it at the soak's end. */
    private void soak(WaveRun wave, List<MeterRun> meters) {
        List<MeterRun> confirmed = meters.stream().filter(meter -> meter.is(MeterUpdateStatus.CONFIRMED)).toList();
        List<MeterRun> abnormal = confirmed.stream().filter(meter -> !meter.accepted
                && faults.get(meter.meterId) == MeterFault.BAD_READINGS
                && site.deliveredLastInterval(meter.meterId)).toList();
        if (!abnormal.isEmpty()) {
            abnormal.forEach(meter -> meter.reason = "read abnormally in its wave's soak");
            halt(wave, "meters read abnormally in its soak (" + describe(abnormal) + ")");
            return;
        }
        confirmed.forEach(meter -> meter.heardInSoak |= site.deliveredLastInterval(meter.meterId));
        changed = true;
        if (end.getEpochSecond() < wave.soakUntilSecond) {
            return;
        }
        List<MeterRun> silent = confirmed.stream().filter(meter -> !meter.heardInSoak && !meter.accepted).toList();
        if (!silent.isEmpty()) {
            silent.forEach(meter -> meter.reason = "sent no reading in its wave's soak");
            halt(wave, "meters sent no reading in its soak (" + describe(silent) + ")");
            return;
        }
        pass(wave);
    }

    private void pass(WaveRun wave) {
        wave.status = WaveStatus.PASSED;
        wave.soakUntilSecond = 0;
        for (MeterRun meter : run.metersOf(wave.number)) {
            if (meter.is(MeterUpdateStatus.UNREACHABLE) || meter.is(MeterUpdateStatus.DEFERRED)) {
                meter.reason += "; its wave passed without it";
            }
        }
        changed = true;
        runWave();
    }

    private void complete() {
        run.status = CampaignStatus.COMPLETED;
        var counts = run.state().counts();
        run.reason = "Every wave passed: " + counts.get(MeterUpdateStatus.CONFIRMED) + " meters run " + run.version
                + ", " + counts.get(MeterUpdateStatus.FAILED) + " failed, "
                + counts.get(MeterUpdateStatus.UNREACHABLE) + " unreachable, "
                + counts.get(MeterUpdateStatus.DEFERRED) + " deferred.";
        changed = true;
    }

    private void halt(WaveRun wave, String why) {
        wave.status = WaveStatus.FAILED;
        run.status = CampaignStatus.HALTED;
        run.reason = "The campaign halted itself on wave " + wave.number + ": " + why + ". Check those meters, then"
                + " resume the campaign to go on past them, or abort it.";
        changed = true;
    }

    private static String perCent(int perMille) {
        return perMille % 10 == 0 ? perMille / 10 + "%" : perMille / 10.0 + "%";
    }

    private static String describe(List<MeterRun> meters) {
        return meters.stream().map(meter -> meter.meterId + ": " + meter.reason).collect(Collectors.joining("; "));
    }
}

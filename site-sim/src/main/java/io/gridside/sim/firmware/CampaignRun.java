package io.gridside.sim.firmware;

import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.CampaignPlan;
import io.gridside.site.firmware.CampaignPolicy;
import io.gridside.site.firmware.CampaignState;
import io.gridside.site.firmware.CampaignStatus;
import io.gridside.site.firmware.FirmwareManifest;
import io.gridside.site.firmware.FleetMeter;
import io.gridside.site.firmware.MeterUpdateStatus;
import io.gridside.site.firmware.WaveStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One meter campaign as the simulated gateway runs it: where it, each wave and each meter stand, with what the
 * gateway needs to go on from there (transfers under way, reboots awaited, failures a supervisor accepted). It is
 * plain fields so that {@link CampaignStore} keeps it as it stands, and a restarted gateway goes on with it.
 * {@link CampaignTicks} moves it on.
 */
final class CampaignRun {

    String campaignId;
    String imageSha256;
    String version;
    long securityCounter;
    /** The policy's eight numbers in the order of {@link CampaignPolicy}'s components. */
    int[] policy;
    CampaignStatus status;
    String reason;
    long startedSecond;
    long updatedSecond;
    List<WaveRun> waves = new ArrayList<>();
    List<MeterRun> meters = new ArrayList<>();

    /** One wave. */
    static final class WaveRun {
        int number;
        WaveStatus status;
        int size;
        /** When its soak ends, in epoch seconds, or 0 when it is not soaking. */
        long soakUntilSecond;
        /** Quarter hours it has waited on nothing but meters without route or supply. */
        int waitedIntervals;
    }

    /** One meter's part. */
    static final class MeterRun {
        String meterId;
        int wave;
        MeterUpdateStatus status;
        int attempts;
        String reason;
        String version;
        /** Quarter hours its transfer still takes, while it is transferring. */
        int transferLeft;
        /** When it rebooted into the image, in epoch seconds, while it is installing. */
        long rebootedSecond;
        /** Whether it failed by not rejoining the mesh after its reboot. */
        boolean lostAfterReboot;
        /** Whether a reading of it reached the gateway in its wave's soak. */
        boolean heardInSoak;
        /** Whether a supervisor resumed the campaign past its failure or abnormal readings. */
        boolean accepted;

        boolean is(MeterUpdateStatus wanted) {
            return status == wanted;
        }
    }

    /** A campaign of {@code image} by {@code plan}, running from {@code now}, its meters where {@code fleet} says. */
    static CampaignRun planned(String campaignId, FirmwareManifest image, CampaignPolicy policy, CampaignPlan plan,
            List<FleetMeter> fleet, Instant now) {
        CampaignRun run = new CampaignRun();
        run.campaignId = campaignId;
        run.imageSha256 = image.imageSha256().hex();
        run.version = image.version();
        run.securityCounter = image.securityCounter();
        run.policy = new int[] {policy.canaryPerGroup(), policy.firstWaveSize(), policy.waveGrowth(),
            policy.confirmPerMille(), policy.pausePerMille(), policy.soakIntervals(), policy.attemptsPerMeter(),
            policy.concurrency()};
        run.status = CampaignStatus.RUNNING;
        run.reason = "";
        run.startedSecond = now.getEpochSecond();
        run.updatedSecond = run.startedSecond;
        Map<String, String> running = fleet.stream().collect(Collectors.toMap(FleetMeter::meterId,
                FleetMeter::version));
        for (int number = 0; number < plan.waves().size(); number++) {
            WaveRun wave = new WaveRun();
            wave.number = number;
            wave.status = WaveStatus.PENDING;
            wave.size = plan.waves().get(number).size();
            run.waves.add(wave);
            for (String meterId : plan.waves().get(number)) {
                MeterRun meter = new MeterRun();
                meter.meterId = meterId;
                meter.wave = number;
                meter.status = MeterUpdateStatus.PENDING;
                meter.reason = "";
                meter.version = running.get(meterId);
                run.meters.add(meter);
            }
        }
        return run;
    }

    CampaignPolicy policy() {
        return new CampaignPolicy(policy[0], policy[1], policy[2], policy[3], policy[4], policy[5], policy[6],
                policy[7]);
    }

    /** The meters of wave {@code number} in the order the gateway updates them. */
    List<MeterRun> metersOf(int number) {
        return meters.stream().filter(meter -> meter.wave == number).toList();
    }

    /** The first wave that has not passed, or null when all have. */
    WaveRun currentWave() {
        return waves.stream().filter(wave -> wave.status != WaveStatus.PASSED).findFirst().orElse(null);
    }

    long count(Predicate<MeterRun> which) {
        return meters.stream().filter(which).count();
    }

    /** Whether the gateway still has work with its meters: transfers under way or reboots awaited. */
    boolean busy() {
        return meters.stream().anyMatch(meter -> meter.is(MeterUpdateStatus.TRANSFERRING)
                || meter.is(MeterUpdateStatus.INSTALLING));
    }

    /** Whether the gateway moves it on at its ticks: it is not finished, or meters of it are still rebooting. */
    boolean active() {
        return !status.finished() || busy();
    }

    /** The campaign as the link carries it. */
    CampaignState state() {
        List<CampaignState.Wave> waveStates = waves.stream().map(wave -> new CampaignState.Wave(wave.number,
                wave.status, wave.size, wave.soakUntilSecond == 0 ? null : Instant.ofEpochSecond(wave.soakUntilSecond)))
                .toList();
        List<CampaignState.MeterUpdate> meterStates = meters.stream().map(meter -> new CampaignState.MeterUpdate(
                meter.meterId, meter.wave, meter.status, meter.attempts, meter.reason, meter.version)).toList();
        return new CampaignState(campaignId, ByteString.fromHex(imageSha256), version, policy(), status, reason,
                Instant.ofEpochSecond(startedSecond), Instant.ofEpochSecond(updatedSecond), waveStates, meterStates);
    }
}

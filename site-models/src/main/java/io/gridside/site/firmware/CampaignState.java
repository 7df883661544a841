package io.gridside.site.firmware;

import io.gridside.site.cbor.ByteString;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a meter campaign stands, as the gateway that runs it tells it; the console keeps the last it heard.
 *
 * @param campaignId the id the console gave it when it started it
 * @param imageSha256 the SHA-256 of the meter image it rolls out
 * @param version the image's version
 * @param policy the rules it runs by
 * @param status where it stands as a whole
 * @param reason why it halted, was aborted or completed, in a sentence for the technician; empty while running
 * @param started when the gateway started it, by its clock
 * @param updated when the gateway last changed it, by its clock
 * @param waves each wave, the canary first
 * @param meters each meter of the campaign, in plan order
 */
public record CampaignState(String campaignId, ByteString imageSha256, String version, CampaignPolicy policy,
        CampaignStatus status, String reason, Instant started, Instant updated, List<Wave> waves,
        List<MeterUpdate> meters) {

    public CampaignState {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(imageSha256, "imageSha256");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(updated, "updated");
        waves = List.copyOf(waves);
        meters = List.copyOf(meters);
    }

    /**
     * One wave.
     *
     * @param number 0 for the canary, then 1, 2 and so on
     * @param size how many meters it holds
     * @param soakUntil when its soak ends, by the gateway's clock, or null when it is not soaking
     */
    public record Wave(int number, WaveStatus status, int size, Instant soakUntil) {

        public Wave {
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * One meter's part.
     *
     * @param wave the number of its wave
     * @param attempts how many times the gateway has tried to update it
     * @param reason what happened at its last attempt, for the technician; empty when nothing went wrong
     * @param version what the meter runs now
     */
    public record MeterUpdate(String meterId, int wave, MeterUpdateStatus status, int attempts, String reason,
            String version) {

        public MeterUpdate {
            Objects.requireNonNull(meterId, "meterId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(version, "version");
        }
    }

    /** How many meters stand at each status, every status named. */
    public Map<MeterUpdateStatus, Integer> counts() {
        Map<MeterUpdateStatus, Integer> counts = new EnumMap<>(MeterUpdateStatus.class);
        for (MeterUpdateStatus status : MeterUpdateStatus.values()) {
            counts.put(status, 0);
        }
        meters.forEach(meter -> counts.merge(meter.status(), 1, Integer::sum));
        return counts;
    }

    /** How many meters of wave {@code number} stand at each status, every status named. */
    public Map<MeterUpdateStatus, Integer> countsOf(int number) {
        Map<MeterUpdateStatus, Integer> counts = new EnumMap<>(MeterUpdateStatus.class);
        for (MeterUpdateStatus status : MeterUpdateStatus.values()) {
            counts.put(status, 0);
        }
        meters.stream().filter(meter -> meter.wave() == number).forEach(meter -> counts.merge(meter.status(), 1,
                Integer::sum));
        return counts;
    }
}

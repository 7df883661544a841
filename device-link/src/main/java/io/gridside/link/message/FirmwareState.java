package io.gridside.link.message;

import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.FirmwareProduct;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What firmware the gateway runs and holds (protocol section 6.27).
 *
 * @param hardwareId the gateway's own hardware revision, which a gateway image must name
 * @param running the slot it booted from and what that slot holds
 * @param other the other slot, or null when it holds nothing
 * @param lastUpdate how its last install ended, or null when it never installed one
 * @param staged the images it holds or is receiving, gateway and meter, with how many chunks each has
 * @param campaignId the meter campaign it runs or last ran, or null when none
 */
public record FirmwareState(String hardwareId, Slot running, Slot other, Outcome lastUpdate, List<Staged> staged,
        String campaignId) implements Message {

    public FirmwareState {
        Objects.requireNonNull(hardwareId, "hardwareId");
        Objects.requireNonNull(running, "running");
        staged = List.copyOf(staged);
    }

    /**
     * One of the gateway's two firmware slots.
     *
     * @param name {@code A} or {@code B}
     * @param confirmed whether the image passed its health checks there; an image on trial is not yet
     */
    public record Slot(String name, String version, long securityCounter, boolean confirmed) {

        public Slot {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
        }
    }

    /**
     * How an install ended.
     *
     * @param confirmed true when the new image passed its health checks and runs; false when the gateway reverted
     * @param reason for a revert, what failed, in a sentence; for a confirm, empty
     * @param checks every health check of the trial boot, in the order run
     */
    public record Outcome(String version, boolean confirmed, String reason, Instant at, List<HealthCheck> checks) {

        public Outcome {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
            checks = List.copyOf(checks);
        }
    }

    /** One health check of a trial boot, such as {@code mesh-radio} or {@code meter-read}. */
    public record HealthCheck(String name, boolean passed, String detail) {

        public HealthCheck {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** An image the gateway holds or is receiving: {@code held} of its {@code chunkCount} chunks are in. */
    public record Staged(FirmwareProduct product, String version, ByteString imageSha256, int chunkCount,
            int held) {

        public Staged {
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(imageSha256, "imageSha256");
        }

        public boolean complete() {
            return held == chunkCount;
        }
    }
}

package io.gridside.link.testing;

import io.gridside.link.message.CampaignReply;
import io.gridside.link.message.ChunkHeld;
import io.gridside.link.message.ControlCampaign;
import io.gridside.link.message.FirmwareChunk;
import io.gridside.link.message.FirmwareInstalled;
import io.gridside.link.message.FirmwareOffered;
import io.gridside.link.message.FirmwareState;
import io.gridside.link.message.FleetBatch;
import io.gridside.link.message.GetCampaign;
import io.gridside.link.message.GetFirmware;
import io.gridside.link.message.GetFleet;
import io.gridside.link.message.InstallFirmware;
import io.gridside.link.message.Message;
import io.gridside.link.message.OfferFirmware;
import io.gridside.link.message.StartCampaign;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.CampaignPolicy;
import io.gridside.site.firmware.CampaignState;
import io.gridside.site.firmware.CampaignStatus;
import io.gridside.site.firmware.FirmwareManifest;
import io.gridside.site.firmware.FirmwareProduct;
import io.gridside.site.firmware.FleetMeter;
import io.gridside.site.firmware.MeterUpdateStatus;
import io.gridside.site.firmware.WaveStatus;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sample firmware messages and small images for link tests. An image here is made of bytes that follow from its
 * size alone, and its manifest is unsigned: the link carries a signed manifest as opaque bytes, so these tests
 * offer the manifest's own bytes, which {@link FakeFirmwareService} reads without a signature.
 */
public final class FirmwareSamples {

    public static final Instant BUILT = Instant.parse("2024-04-20T10:00:00Z");

    private FirmwareSamples() {
    }

    /** An image and its manifest. */
    public record Image(FirmwareManifest manifest, byte[] bytes) {

        /** Chunk {@code index} of the image, as the manifest cuts it. */
        public byte[] chunk(int index) {
            int from = index * manifest.chunkSize();
            return Arrays.copyOfRange(bytes, from, from + manifest.chunkLength(index));
        }

        /** The bytes the tests offer for the signed manifest: the manifest's own, unsigned. */
        public ByteString offered() {
            return ByteString.of(manifest.encode());
        }

        public ByteString sha256() {
            return manifest.imageSha256();
        }
    }

    /** A meter image of {@code size} bytes in chunks of {@code chunkSize}, version {@code mtr-3.3.0}. */
    public static Image meterImage(int size, int chunkSize) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + (i >>> 8) * 7);
        }
        List<ByteString> chunks = new ArrayList<>();
        for (int from = 0; from < size; from += chunkSize) {
            chunks.add(sha256(Arrays.copyOfRange(bytes, from, Math.min(size, from + chunkSize))));
        }
        FirmwareManifest manifest = new FirmwareManifest(FirmwareProduct.METER, List.of("mtr-r2", "mtr-r3"),
                "mtr-3.3.0", 7, size, sha256(bytes), chunkSize, chunks, "Reads the register twice as often.", BUILT);
        return new Image(manifest, bytes);
    }

    /** Three chunks: two of 512 bytes and one of 276. */
    public static Image smallImage() {
        return meterImage(1300, 512);
    }

    /** The image of the protocol's firmware vectors (section 11.22): 600 bytes in chunks of 512, so two chunks. */
    public static Image vectorImage() {
        return meterImage(600, 512);
    }

    /** Section 11.22: the second and last chunk of {@link #vectorImage}, 88 bytes. */
    public static FirmwareChunk vectorChunk() {
        Image image = vectorImage();
        return new FirmwareChunk(image.sha256(), 1, ByteString.of(image.chunk(1)));
    }

    /** Section 11.23: the offer of {@link #vectorImage} answered by a gateway that holds its first chunk. */
    public static FirmwareOffered vectorOffered() {
        return new FirmwareOffered(vectorImage().sha256(), 2, ByteString.of(new byte[] {0x01}), 1);
    }

    /** Section 11.23: the gateway took the last chunk and holds the image whole. */
    public static ChunkHeld vectorChunkHeld() {
        return new ChunkHeld(vectorImage().sha256(), 1, 2, true);
    }

    /** Section 11.24: a supervisor resumes a campaign that paused itself. */
    public static ControlCampaign vectorResume() {
        return new ControlCampaign("campaign-2024-05-01", ControlCampaign.Action.RESUME);
    }

    public static ByteString sha256(byte[] bytes) {
        try {
            return ByteString.of(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    public static List<FleetMeter> fleet() {
        return List.of(new FleetMeter("m-001", "mtr-r2", "mtr-3.1.4", 5, 1),
                new FleetMeter("m-002", "mtr-r3", "mtr-3.2.0", 6, 2),
                new FleetMeter("m-003", "mtr-r1", "mtr-2.9.7", 3, -1));
    }

    public static FirmwareState firmwareState() {
        Image image = smallImage();
        FirmwareState.Outcome outcome = new FirmwareState.Outcome("gw-sim-2.4.1", true, "",
                SampleMessages.CLOCK.minusSeconds(86_400), List.of(
                        new FirmwareState.HealthCheck("mesh-radio", true, "radio up, 2 neighbours heard"),
                        new FirmwareState.HealthCheck("meter-read", true, "m-001 read in 4 s")));
        return new FirmwareState("gw-sim-r1", new FirmwareState.Slot("A", "gw-sim-2.4.1", 7, true),
                new FirmwareState.Slot("B", "gw-sim-2.4.0", 6, true), outcome,
                List.of(new FirmwareState.Staged(FirmwareProduct.METER, "mtr-3.3.0", image.sha256(), 3, 1)), null);
    }

    public static FirmwareOffered firmwareOffered() {
        Image image = smallImage();
        return new FirmwareOffered(image.sha256(), 3, ByteString.of(new byte[] {0b101}), 2);
    }

    public static FirmwareChunk firmwareChunk() {
        Image image = meterImage(1300, 512);
        return new FirmwareChunk(image.sha256(), 2, ByteString.of(image.chunk(2)));
    }

    public static FirmwareInstalled firmwareInstalled() {
        FirmwareState.Outcome reverted = new FirmwareState.Outcome("gw-sim-2.5.0", false,
                "The mesh radio did not come up on the trial boot.", SampleMessages.CLOCK, List.of(
                        new FirmwareState.HealthCheck("mesh-radio", false, "no beacon heard in 120 s")));
        return new FirmwareInstalled(reverted, new FirmwareState.Slot("A", "gw-sim-2.4.1", 7, true));
    }

    public static StartCampaign startCampaign() {
        return new StartCampaign("campaign-2024-05-01", smallImage().sha256(), CampaignPolicy.defaults());
    }

    public static CampaignState campaignState() {
        Image image = smallImage();
        return new CampaignState("campaign-2024-05-01", image.sha256(), "mtr-3.3.0", CampaignPolicy.defaults(),
                CampaignStatus.RUNNING, "", SampleMessages.CLOCK, SampleMessages.CLOCK.plusSeconds(900),
                List.of(new CampaignState.Wave(0, WaveStatus.SOAKING, 2, SampleMessages.CLOCK.plusSeconds(3600)),
                        new CampaignState.Wave(1, WaveStatus.PENDING, 0, null)),
                List.of(new CampaignState.MeterUpdate("m-002", 0, MeterUpdateStatus.CONFIRMED, 1, "", "mtr-3.3.0"),
                        new CampaignState.MeterUpdate("m-001", 0, MeterUpdateStatus.DEFERRED, 2,
                                "no supply at the meter", "mtr-3.1.4")));
    }

    /** One sample of each firmware message, 0x80 to 0x8D. */
    public static List<Message> all() {
        Image image = smallImage();
        return List.of(
                new GetFirmware(),
                firmwareState(),
                new OfferFirmware(image.offered()),
                firmwareOffered(),
                firmwareChunk(),
                new ChunkHeld(image.sha256(), 2, 3, true),
                new InstallFirmware(image.sha256()),
                firmwareInstalled(),
                new GetFleet(),
                new FleetBatch(fleet(), 3),
                startCampaign(),
                new CampaignReply(campaignState()),
                new ControlCampaign("campaign-2024-05-01", ControlCampaign.Action.PAUSE),
                new GetCampaign(null));
    }
}

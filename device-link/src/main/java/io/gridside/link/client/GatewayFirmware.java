package io.gridside.link.client;

import io.gridside.link.message.CampaignReply;
import io.gridside.link.message.ControlCampaign;
import io.gridside.link.message.FirmwareInstalled;
import io.gridside.link.message.FirmwareOffered;
import io.gridside.link.message.FirmwareState;
import io.gridside.link.message.FleetBatch;
import io.gridside.link.message.GetCampaign;
import io.gridside.link.message.GetFirmware;
import io.gridside.link.message.GetFleet;
import io.gridside.link.message.InstallFirmware;
import io.gridside.link.message.OfferFirmware;
import io.gridside.link.message.StartCampaign;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.CampaignState;
import io.gridside.site.firmware.FirmwareManifest;
import io.gridside.site.firmware.FleetMeter;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * A session's firmware requests (protocol section 6.27): what the gateway runs and holds, images carried to it
 * chunk by chunk and resumed from what it holds, its own install, and the meter campaigns it runs. The gateway
 * checks every image itself; a refusal arrives as a {@link LinkException} whose {@link LinkException#gatewayCode}
 * is the refusal's code, such as {@code FIRMWARE_DOWNGRADE}
 * ({@link io.gridside.site.firmware.FirmwareRefusal#ofCode} reads it back).
 */
public final class GatewayFirmware {

    /**
     * Hears, on the uploading thread, what the gateway holds: once as the offer's answer says, before any chunk is
     * sent, then after each chunk it took.
     */
    @FunctionalInterface
    public interface UploadListener {

        UploadListener NONE = (held, chunkCount, bytesSent) -> { };

        /**
         * @param held how many of the image's chunks the gateway holds now
         * @param bytesSent chunk bytes sent by this upload so far, resends included
         */
        void onChunk(int held, int chunkCount, long bytesSent);
    }

    /**
     * How an upload went; the gateway holds the whole image at its end.
     *
     * @param alreadyHeld chunks the gateway held before this upload, which it did not send
     * @param sent chunks this upload sent, each counted once
     * @param resent chunks sent again after the gateway refused them as damaged
     */
    public record UploadResult(ByteString imageSha256, int chunkCount, int alreadyHeld, int sent, int resent) {

        public UploadResult {
            Objects.requireNonNull(imageSha256, "imageSha256");
        }
    }

    private final GatewayClient client;

    GatewayFirmware(GatewayClient client) {
        this.client = client;
    }

    /** What firmware the gateway runs and holds, and how its last install ended. */
    public FirmwareState state() throws LinkException {
        return GatewayClient.expect(client.call(new GetFirmware()), FirmwareState.class);
    }

    /**
     * Offers an image by its signed manifest, before any of its bytes; the answer names the chunks the gateway
     * holds already.
     *
     * @throws LinkException with {@link LinkException.Code#GATEWAY_ERROR} and a {@code FIRMWARE_*} gateway code
     *     when the gateway refuses the image
     */
    public FirmwareOffered offer(ByteString signedManifest) throws LinkException {
        return GatewayClient.expect(client.call(new OfferFirmware(signedManifest)), FirmwareOffered.class);
    }

    /**
     * Offers the image, then sends the chunks the gateway lacks, several in flight at once, until it holds them
     * all. A chunk the gateway refuses as damaged is read again from {@code chunk} and resent, up to three times.
     * Calling it again after a failure sends only what the gateway still lacks.
     *
     * @param manifest the manifest that {@code signedManifest} signs, which says how the image is cut
     * @param chunk the bytes of chunk {@code i} of the image, such as a view of an image held in memory
     *     ({@link io.gridside.link.firmware.FirmwareImage#chunkBytes}); they are sent without a copy
     * @throws LinkException with {@link LinkException.Code#CLOSED} when the link dropped (open a session again
     *     and upload again), {@link LinkException.Code#GATEWAY_ERROR} with gateway code {@code FIRMWARE_DAMAGED}
     *     when a chunk was refused four times, or with another {@code FIRMWARE_*} code when the offer was refused
     * @throws java.util.concurrent.CancellationException when {@code cancel} stopped it between chunks; the
     *     gateway keeps what it took
     */
    public UploadResult upload(ByteString signedManifest, FirmwareManifest manifest, IntFunction<ByteString> chunk,
            UploadListener listener, CancelSignal cancel) throws LinkException {
        FirmwareOffered offered = offer(signedManifest);
        return new ChunkUpload(client, manifest, chunk, listener, cancel).run(offered);
    }

    /**
     * Installs a gateway image the gateway holds whole, which only a supervisor's session may ask: the gateway
     * writes it to its inactive slot, boots it on trial, and confirms it or reverts. The answer comes once it has
     * done either, which takes longer than other requests: call it with a session whose answer time allows it.
     *
     * @throws LinkException with {@link LinkException.Code#FORBIDDEN} in a technician's session, and with
     *     {@link LinkException.Code#GATEWAY_ERROR} and a {@code FIRMWARE_*} code when the gateway refuses
     */
    public FirmwareInstalled install(ByteString imageSha256) throws LinkException {
        // KNOWN SHORTCOMING: the install waits with the session's one answer time. A gateway whose trial boot
        // outlasts it is reported as TIMEOUT while the install goes on; state() then tells how it ended.
        return GatewayClient.expect(client.call(new InstallFirmware(imageSha256)), FirmwareInstalled.class);
    }

    /** Pulls every meter as a campaign sees it, in meter order; see {@link GatewayClient#readings}. */
    public long fleet(BatchListener<FleetMeter> listener, CancelSignal cancel) throws LinkException {
        return client.stream(new GetFleet(), FleetBatch.class,
                batch -> new GatewayClient.Batch<>(batch.meters(), batch.total()), listener, cancel);
    }

    /**
     * Starts a meter campaign of a meter image the gateway holds whole; only a supervisor's session may. Starting
     * again with the same id answers the campaign as it stands.
     *
     * @throws LinkException with {@link LinkException.Code#FORBIDDEN} in a technician's session, and with
     *     {@link LinkException.Code#GATEWAY_ERROR} and gateway code {@code CAMPAIGN_CONFLICT} while another
     *     campaign runs, or a {@code FIRMWARE_*} code when the image is not a meter image held whole
     */
    public CampaignState start(StartCampaign request) throws LinkException {
        return GatewayClient.expect(client.call(request), CampaignReply.class).campaign();
    }

    /**
     * Pauses, resumes or aborts a campaign; a technician may pause or abort, only a supervisor resume.
     *
     * @throws LinkException with {@link LinkException.Code#GATEWAY_ERROR} and gateway code
     *     {@code CAMPAIGN_UNKNOWN} for a campaign the gateway does not know, or {@code CAMPAIGN_CONFLICT} for an
     *     action its status does not allow
     */
    public CampaignState control(String campaignId, ControlCampaign.Action action) throws LinkException {
        return GatewayClient.expect(client.call(new ControlCampaign(campaignId, action)), CampaignReply.class)
                .campaign();
    }

    /**
     * A campaign as it stands, or the one the gateway runs or last ran for a null id.
     *
     * @throws LinkException with gateway code {@code CAMPAIGN_UNKNOWN} when it knows no such campaign
     */
    public CampaignState campaign(String campaignIdOrNull) throws LinkException {
        return GatewayClient.expect(client.call(new GetCampaign(campaignIdOrNull)), CampaignReply.class).campaign();
    }
}

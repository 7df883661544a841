package io.gridside.link.server;

import io.gridside.link.message.CampaignReply;
import io.gridside.link.message.ChunkHeld;
import io.gridside.link.message.ControlCampaign;
import io.gridside.link.message.FirmwareChunk;
import io.gridside.link.message.FirmwareInstalled;
import io.gridside.link.message.FirmwareOffered;
import io.gridside.link.message.FirmwareState;
import io.gridside.link.message.StartCampaign;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.FirmwareRefusedException;
import io.gridside.site.firmware.FleetMeter;
import java.util.List;

/**
 * What a gateway does with firmware (protocol section 6.27): it takes images chunk by chunk and keeps what it
 * holds on its flash, installs its own into the inactive slot with a trial boot that it confirms or reverts, and
 * runs meter campaigns on its own. It checks every image itself; the console is only a carrier. The session
 * checks roles before it calls.
 */
public interface FirmwareService {

    FirmwareState state();

    /**
     * Checks an offered image's signed manifest and opens (or finds again) its transfer.
     *
     * @throws FirmwareRefusedException when the image is unsigned, signed by a key the gateway does not trust, for
     *     other hardware, older than what runs, or its manifest is damaged
     */
    FirmwareOffered offer(ByteString signedManifest) throws FirmwareRefusedException;

    /**
     * Checks one chunk against its manifest and keeps it.
     *
     * @throws FirmwareRefusedException with {@code DAMAGED} for a chunk whose hash or length does not match, and
     *     for a chunk of an image not offered
     */
    ChunkHeld take(FirmwareChunk chunk) throws FirmwareRefusedException;

    /**
     * Checks one chunk and keeps it as {@link #take} does, except that it need not be on the flash before
     * {@link #flushTaken()}: the caller answers it only after that, so that several chunks that arrived together
     * cost the flash one forced write. A gateway that forces each chunk anyway keeps the default.
     *
     * @throws FirmwareRefusedException as {@link #take} does
     */
    default ChunkHeld takeBeforeFlush(FirmwareChunk chunk) throws FirmwareRefusedException {
        return take(chunk);
    }

    /**
     * Takes one chunk as {@link #takeBeforeFlush(FirmwareChunk)} does, given the SHA-256 of its data: the session
     * computed it on a thread of its own ({@link io.gridside.link.firmware.FirmwareCheck#sha256}), while this one kept
     * the chunk before, and a gateway compares it with the manifest's instead of hashing the data again. A gateway
     * that hashes anyway keeps the default.
     *
     * @throws FirmwareRefusedException as {@link #take} does
     */
    default ChunkHeld takeBeforeFlush(FirmwareChunk chunk, ByteString dataSha256) throws FirmwareRefusedException {
        return takeBeforeFlush(chunk);
    }

    /** Puts every chunk {@link #takeBeforeFlush} took on the flash, forced; then they may be acknowledged. */
    default void flushTaken() {
    }

    /**
     * Installs a gateway image held whole: inactive slot, trial boot, health checks, confirm or revert.
     *
     * @param by the supervisor who asked, for the record
     * @throws FirmwareRefusedException when the image is not held whole or is not a gateway image
     */
    FirmwareInstalled install(ByteString imageSha256, String by) throws FirmwareRefusedException;

    /** Every meter as a campaign sees it, in meter order. */
    List<FleetMeter> fleet();

    /**
     * Starts a meter campaign, or answers one already started with the same id.
     *
     * @throws FirmwareRefusedException when the image is not a meter image held whole
     * @throws IllegalStateException when another campaign is running, with a sentence that names it
     */
    CampaignReply start(StartCampaign request, String by) throws FirmwareRefusedException;

    /**
     * Pauses, resumes or aborts a campaign.
     *
     * @throws IllegalArgumentException for a campaign the gateway does not know
     * @throws IllegalStateException for an action the campaign's status does not allow, such as resuming an
     *     aborted campaign
     */
    CampaignReply control(ControlCampaign request, String by);

    /**
     * A campaign as it stands, or the running or last one for a null id.
     *
     * @throws IllegalArgumentException for a campaign the gateway does not know, or when it never ran one
     */
    CampaignReply campaign(String campaignId);
}

package io.gridside.sim.firmware;

import io.gridside.link.message.CampaignReply;
import io.gridside.link.message.ChunkHeld;
import io.gridside.link.message.ControlCampaign;
import io.gridside.link.message.FirmwareChunk;
import io.gridside.link.message.FirmwareInstalled;
import io.gridside.link.message.FirmwareOffered;
import io.gridside.link.message.FirmwareState;
import io.gridside.link.message.StartCampaign;
import io.gridside.link.server.FirmwareService;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.CampaignState;
import io.gridside.site.firmware.FirmwareProduct;
import io.gridside.site.firmware.FirmwareRefusal;
import io.gridside.site.firmware.FirmwareRefusedException;
import io.gridside.site.firmware.FleetMeter;
import java.time.Instant;
import java.util.List;

/**
 * The simulated gateway's firmware service: its own updates ({@link GatewayUpdate}) and its meter campaigns
 * ({@link MeterCampaigns}). Every call holds the gateway's lock, as the gateway's own calls do.
 */
public final class SimFirmware implements FirmwareService {

    private final FirmwareSite site;
    private final Object lock;
    private final GatewayUpdate update;
    private final MeterCampaigns campaigns;

    public SimFirmware(FirmwareSite site, Object lock) {
        this.site = site;
        this.lock = lock;
        this.update = new GatewayUpdate(site);
        this.campaigns = new MeterCampaigns(site);
        update.protect(this::rollsOut);
    }

    public GatewayUpdate update() {
        return update;
    }

    public MeterCampaigns campaigns() {
        return campaigns;
    }

    /** Whether a campaign not yet finished rolls out image {@code imageSha256}, which the flash must then keep. */
    private boolean rollsOut(ByteString imageSha256) {
        String id = campaigns.currentId();
        if (id == null) {
            return false;
        }
        CampaignState campaign = campaigns.campaign(id).campaign();
        return !campaign.status().finished() && campaign.imageSha256().equals(imageSha256);
    }

    /** Moves the running campaign on by the quarter hour that ended at {@code end}; the gateway's tick calls it. */
    public void ticked(Instant end) {
        campaigns.ticked(end);
    }

    @Override
    public FirmwareState state() {
        synchronized (lock) {
            return update.state(campaigns.currentId());
        }
    }

    @Override
    public FirmwareOffered offer(ByteString signedManifest) throws FirmwareRefusedException {
        synchronized (lock) {
            return update.offer(signedManifest);
        }
    }

    @Override
    public ChunkHeld take(FirmwareChunk chunk) throws FirmwareRefusedException {
        synchronized (lock) {
            return update.take(chunk);
        }
    }

    @Override
    public ChunkHeld takeBeforeFlush(FirmwareChunk chunk) throws FirmwareRefusedException {
        synchronized (lock) {
            return update.takeBeforeFlush(chunk);
        }
    }

    /** Takes the SHA-256 the session computed outside the lock, so that only keeping the chunk holds it. */
    @Override
    public ChunkHeld takeBeforeFlush(FirmwareChunk chunk, ByteString dataSha256) throws FirmwareRefusedException {
        synchronized (lock) {
            return update.takeBeforeFlush(chunk, dataSha256);
        }
    }

    /** Forces outside the lock, so that the next chunks are checked and written while the flash works. */
    @Override
    public void flushTaken() {
        Runnable force;
        synchronized (lock) {
            force = update.unforced();
        }
        force.run();
    }

    @Override
    public FirmwareInstalled install(ByteString imageSha256, String by) throws FirmwareRefusedException {
        synchronized (lock) {
            return update.install(imageSha256, by);
        }
    }

    @Override
    public List<FleetMeter> fleet() {
        synchronized (lock) {
            return site.fleet();
        }
    }

    @Override
    public CampaignReply start(StartCampaign request, String by) throws FirmwareRefusedException {
        synchronized (lock) {
            var image = update.heldWhole(request.imageSha256());
            if (image.product() != FirmwareProduct.METER) {
                throw new FirmwareRefusedException(FirmwareRefusal.OTHER_HARDWARE, "The image " + image.version()
                        + " is a gateway image; a campaign rolls out meter images. Install it on the gateway.");
            }
            return campaigns.start(request, image, by);
        }
    }

    @Override
    public CampaignReply control(ControlCampaign request, String by) {
        synchronized (lock) {
            return campaigns.control(request, by);
        }
    }

    @Override
    public CampaignReply campaign(String campaignId) {
        synchronized (lock) {
            return campaigns.campaign(campaignId);
        }
    }
}

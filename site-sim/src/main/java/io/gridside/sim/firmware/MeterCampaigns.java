package io.gridside.sim.firmware;

import io.gridside.link.message.CampaignReply;
import io.gridside.link.message.ControlCampaign;
import io.gridside.link.message.StartCampaign;
import io.gridside.site.firmware.FirmwareManifest;
import java.time.Instant;

/** The meter campaigns the simulated gateway runs on its own, a quarter hour at a time. */
public final class MeterCampaigns {

    private final FirmwareSite site;

    public MeterCampaigns(FirmwareSite site) {
        this.site = site;
    }

    /** Starts a campaign of {@code image}, which the gateway holds whole, or answers the one of the same id. */
    public CampaignReply start(StartCampaign request, FirmwareManifest image, String by) {
        throw new UnsupportedOperationException("meter campaigns are not built yet on " + site.directory());
    }

    public CampaignReply control(ControlCampaign request, String by) {
        throw new UnsupportedOperationException("meter campaigns are not built yet");
    }

    public CampaignReply campaign(String campaignId) {
        throw new UnsupportedOperationException("meter campaigns are not built yet");
    }

    /** The campaign running or last run, or null when none ever ran. */
    public String currentId() {
        return null;
    }

    /** Moves the running campaign on by the quarter hour that ended at {@code end}. */
    public void ticked(Instant end) {
        // Nothing runs yet.
    }
}

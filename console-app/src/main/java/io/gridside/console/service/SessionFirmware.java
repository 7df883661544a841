package io.gridside.console.service;

import io.gridside.console.service.firmware.FirmwareCampaigns;
import io.gridside.console.service.firmware.FirmwarePush;
import io.gridside.console.service.firmware.FirmwareTrust;
import io.gridside.console.service.firmware.ImageReview;
import io.gridside.console.service.firmware.PushProgress;
import io.gridside.console.service.firmware.PushResult;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.link.firmware.FirmwareCheck;
import io.gridside.link.firmware.FirmwareImage;
import io.gridside.link.message.ControlCampaign;
import io.gridside.link.message.FirmwareState;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.CampaignPolicy;
import io.gridside.site.firmware.CampaignState;
import io.gridside.site.firmware.FirmwareProduct;
import io.gridside.site.firmware.FirmwareRefusedException;
import io.gridside.site.firmware.FleetMeter;
import io.gridside.site.firmware.GatewayInstall;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The firmware services bound to an open session: its gateway's client, which a resumed link replaces, its site
 * database and the keys the console trusts. What the Firmware screen asks goes through here, off the JavaFX thread.
 */
public final class SessionFirmware {

    private final Supplier<GatewayClient> client;
    private final FirmwarePush push;
    private final FirmwareCampaigns campaigns;
    private final FirmwareTrust trust;

    SessionFirmware(Supplier<GatewayClient> client, SiteStore store, FirmwareTrust trust) {
        this.client = client;
        this.trust = trust;
        this.push = new FirmwarePush(trust, store);
        this.campaigns = new FirmwareCampaigns(store);
    }

    public List<FleetMeter> storedFleet() {
        return campaigns.storedFleet();
    }

    public List<FleetMeter> pullFleet(CancelSignal cancel) throws LinkException {
        return campaigns.pullFleet(client.get(), cancel);
    }

    /**
     * Reads and checks {@code file}: against what the gateway runs for a gateway image, against the site's meters
     * (as stored, or pulled when none are) for a meter image.
     */
    public ImageReview review(Path file, CancelSignal cancel) throws LinkException {
        FirmwareCheck.Installed target;
        try {
            target = targetOf(FirmwareImage.read(file).manifest().product(), cancel);
        } catch (IOException | FirmwareRefusedException unreadable) {
            target = null;
        }
        return ImageReview.of(file, trust.keys(), target);
    }

    private FirmwareCheck.Installed targetOf(FirmwareProduct product, CancelSignal cancel) throws LinkException {
        if (product == FirmwareProduct.GATEWAY) {
            return FirmwarePush.gatewayTarget(client.get().firmware().state());
        }
        List<FleetMeter> fleet = campaigns.storedFleet();
        try {
            return FirmwarePush.meterTarget(fleet.isEmpty() ? pullFleet(cancel) : fleet);
        } catch (FirmwareRefusedException noMeters) {
            return null;
        }
    }

    /** What firmware the gateway itself runs and holds. */
    public FirmwareState gatewayState() throws LinkException {
        return client.get().firmware().state();
    }

    public PushResult pushGateway(Path image, PushProgress progress, CancelSignal cancel)
            throws FirmwareRefusedException, LinkException {
        return push.pushGateway(client.get(), image, progress, cancel);
    }

    public PushResult stageMeterImage(Path image, PushProgress progress, CancelSignal cancel)
            throws FirmwareRefusedException, LinkException {
        return push.stageMeterImage(client.get(), image, progress, cancel);
    }

    /**
     * Starts the campaign, or joins one of the same image and policy already unfinished; another image's or
     * policy's campaign in the way is a CAMPAIGN_CONFLICT that names it.
     */
    public CampaignState start(ByteString imageSha256, CampaignPolicy policy) throws LinkException {
        try {
            return campaigns.startOrJoin(client.get(), imageSha256, policy).campaign();
        } catch (FirmwareCampaigns.CampaignInTheWay e) {
            CampaignState standing = e.standing();
            throw LinkException.fromGateway(LinkException.Code.GATEWAY_ERROR, "The gateway has campaign "
                    + standing.campaignId() + " of " + standing.version() + ", " + standing.status().name()
                    .toLowerCase(java.util.Locale.ROOT) + "; abort it before starting another (CAMPAIGN_CONFLICT)",
                    "CAMPAIGN_CONFLICT");
        }
    }

    public CampaignState control(String campaignId, ControlCampaign.Action action) throws LinkException {
        return switch (action) {
            case PAUSE -> campaigns.pause(client.get(), campaignId);
            case RESUME -> campaigns.resume(client.get(), campaignId);
            case ABORT -> campaigns.abort(client.get(), campaignId);
        };
    }

    /** Where the campaign stands; null when none was named and the gateway never ran one. */
    public CampaignState refresh(String campaignIdOrNull) throws LinkException {
        try {
            return campaigns.refresh(client.get(), campaignIdOrNull);
        } catch (LinkException unknown) {
            if (campaignIdOrNull == null && "CAMPAIGN_UNKNOWN".equals(unknown.gatewayCode())) {
                return null;
            }
            throw unknown;
        }
    }

    public List<CampaignState> history() {
        return campaigns.history();
    }

    public List<GatewayInstall> installs() {
        return campaigns.installs();
    }
}

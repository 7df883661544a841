package io.gridside.console.service.firmware;

import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.ControlCampaign;
import io.gridside.link.message.StartCampaign;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.CampaignPlan;
import io.gridside.site.firmware.CampaignPolicy;
import io.gridside.site.firmware.CampaignState;
import io.gridside.site.firmware.FirmwareManifest;
import io.gridside.site.firmware.FleetMeter;
import io.gridside.site.firmware.GatewayInstall;
import io.gridside.site.store.SiteStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The console's side of meter campaigns, which the gateway runs on its own: it pulls the fleet, previews the plan
 * the gateway will make ({@link CampaignPlan#of}, the same code), starts, pauses, resumes and aborts a campaign,
 * and keeps every state it hears of in the site's database, so that the history is there without the gateway.
 */
public final class FirmwareCampaigns {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The gateway's code for a campaign it does not know, or when it never ran one. */
    private static final String UNKNOWN = "CAMPAIGN_UNKNOWN";

    private final SiteStore store;

    public FirmwareCampaigns(SiteStore store) {
        this.store = store;
    }

    /**
     * Pulls every meter as a campaign sees it and keeps the list in the site's database.
     *
     * @throws java.util.concurrent.CancellationException when {@code cancel} stopped the pull; nothing is kept
     */
    public List<FleetMeter> pullFleet(GatewayClient client, CancelSignal cancel) throws LinkException {
        List<FleetMeter> fleet = new ArrayList<>();
        client.firmware().fleet((batch, received, total) -> fleet.addAll(batch), cancel);
        store.firmware().saveFleet(fleet, heardAt(client));
        return List.copyOf(fleet);
    }

    /** The fleet as pulled last; empty before the first pull. */
    public List<FleetMeter> storedFleet() {
        return store.firmware().fleet();
    }

    /** The waves the gateway will run for {@code image} over {@code fleet} by {@code policy}, and who is left out. */
    public static CampaignPlan preview(List<FleetMeter> fleet, FirmwareManifest image, CampaignPolicy policy) {
        return CampaignPlan.of(fleet, image, policy);
    }

    /**
     * Starts a campaign of the meter image the gateway holds whole under {@code imageSha}, with a new id; only a
     * supervisor's session may.
     */
    public CampaignState start(GatewayClient client, ByteString imageSha, CampaignPolicy policy)
            throws LinkException {
        return start(client, newId(client), imageSha, policy);
    }

    /**
     * Starts campaign {@code campaignId}; starting it again, after a link that dropped before the answer came,
     * answers it as it stands and starts nothing more.
     */
    public CampaignState start(GatewayClient client, String campaignId, ByteString imageSha, CampaignPolicy policy)
            throws LinkException {
        return kept(client, client.firmware().start(new StartCampaign(campaignId, imageSha, policy)));
    }

    /** A campaign a push started, or one of the same image and policy it found unfinished and joined. */
    public record Started(CampaignState campaign, boolean joined) {
    }

    /** An unfinished campaign of another image or policy stands in the way of a new one. */
    public static final class CampaignInTheWay extends Exception {

        private static final long serialVersionUID = 1L;

        private final transient CampaignState standing;

        CampaignInTheWay(CampaignState standing) {
            super("Campaign " + standing.campaignId() + " is not finished.");
            this.standing = standing;
        }

        /** The campaign in the way. */
        public CampaignState standing() {
            return standing;
        }
    }

    /**
     * Starts a campaign of {@code imageSha} by {@code policy}, unless one of the same image and policy is unfinished
     * (a push run again after its answer was lost, or another console's start a moment before): then that one.
     * Asked again when the gateway refuses the start because another console started one meanwhile.
     *
     * @throws CampaignInTheWay when an unfinished campaign of another image or policy stands in the way
     */
    public Started startOrJoin(GatewayClient client, ByteString imageSha, CampaignPolicy policy)
            throws LinkException, CampaignInTheWay {
        for (int attempt = 0; ; attempt++) {
            Optional<CampaignState> current = current(client);
            if (current.isPresent()) {
                CampaignState campaign = current.get();
                if (campaign.imageSha256().equals(imageSha) && campaign.policy().equals(policy)) {
                    return new Started(campaign, true);
                }
                throw new CampaignInTheWay(campaign);
            }
            try {
                return new Started(start(client, imageSha, policy), false);
            } catch (LinkException e) {
                if (attempt > 0 || !"CAMPAIGN_CONFLICT".equals(e.gatewayCode())) {
                    throw e;
                }
            }
        }
    }

    /**
     * The campaign the gateway runs or last ran, of any image, when it is not finished (running, paused or
     * halted): a new campaign cannot start beside it.
     */
    public Optional<CampaignState> current(GatewayClient client) throws LinkException {
        try {
            CampaignState current = refresh(client, null);
            return current.status().finished() ? Optional.empty() : Optional.of(current);
        } catch (LinkException e) {
            if (UNKNOWN.equals(e.gatewayCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public CampaignState pause(GatewayClient client, String campaignId) throws LinkException {
        return control(client, campaignId, ControlCampaign.Action.PAUSE);
    }

    /** Resumes a paused or halted campaign; only a supervisor's session may. */
    public CampaignState resume(GatewayClient client, String campaignId) throws LinkException {
        return control(client, campaignId, ControlCampaign.Action.RESUME);
    }

    /** Aborts a campaign: meters that confirmed keep the new image, the others keep what they ran. */
    public CampaignState abort(GatewayClient client, String campaignId) throws LinkException {
        return control(client, campaignId, ControlCampaign.Action.ABORT);
    }

    /** Where campaign {@code campaignIdOrNull} stands (the running or last one for null), kept in the database. */
    public CampaignState refresh(GatewayClient client, String campaignIdOrNull) throws LinkException {
        return kept(client, client.firmware().campaign(campaignIdOrNull));
    }

    /** Every campaign heard of, as last heard, the latest started first. */
    public List<CampaignState> history() {
        return store.firmware().campaigns();
    }

    /** The gateway's installs kept, the latest first. */
    public List<GatewayInstall> installs() {
        return store.firmware().installs();
    }

    private CampaignState control(GatewayClient client, String campaignId, ControlCampaign.Action action)
            throws LinkException {
        return kept(client, client.firmware().control(campaignId, action));
    }

    private CampaignState kept(GatewayClient client, CampaignState state) {
        store.firmware().saveCampaign(state, heardAt(client));
        return state;
    }

    /**
     * When the console heard it, by the gateway's clock as the session last heard it, so that both agree.
     * KNOWN SHORTCOMING: a session that never pinged knows only its hello's clock, so a long session dates what
     * it hears a little early.
     */
    private static Instant heardAt(GatewayClient client) {
        return client.lastGatewayClock();
    }

    /** A new campaign id: the gateway's time and a random suffix, unique per site in practice. */
    private static String newId(GatewayClient client) {
        byte[] suffix = new byte[3];
        RANDOM.nextBytes(suffix);
        return "fw-" + ID_TIME.format(heardAt(client)) + "-" + HexFormat.of().formatHex(suffix);
    }
}

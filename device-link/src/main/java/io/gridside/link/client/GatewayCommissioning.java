package io.gridside.link.client;

import io.gridside.link.auth.Ed25519;
import io.gridside.link.auth.SignedCommissioningPack;
import io.gridside.link.message.CommissionMeter;
import io.gridside.link.message.CommissioningState;
import io.gridside.link.message.GetCommissioning;
import io.gridside.link.message.GetJoinedMeters;
import io.gridside.link.message.GoLive;
import io.gridside.link.message.JoinedMetersBatch;
import io.gridside.link.message.MeterCommissioned;
import io.gridside.link.message.RelayTested;
import io.gridside.link.message.SetUpSite;
import io.gridside.link.message.SiteSetUp;
import io.gridside.link.message.TestRelay;
import io.gridside.link.message.WentLive;
import io.gridside.site.commission.JoinedMeter;
import io.gridside.site.commission.SitePlan;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's commissioning requests (protocol sections 6.30 and 6.31): setting up a factory-fresh gateway with
 * the operator's pack, listing the meters that joined its mesh, giving each to a customer, testing relays, and
 * going live. Every request is safe to send again after a dropped link: the gateway answers a repeat as it
 * answered the first and applies nothing twice. A gateway that takes these names the capability
 * {@link SetUpSite#CAPABILITY} in its hello, and {@link SetUpSite#FACTORY_FRESH} while it has no site.
 */
public final class GatewayCommissioning {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayCommissioning.class);

    private final GatewayClient client;

    GatewayCommissioning(GatewayClient client) {
        this.client = client;
    }

    /** Whether the session's gateway takes commissioning requests, as its hello says. */
    public boolean supported() {
        return client.hello().capabilities().contains(SetUpSite.CAPABILITY);
    }

    /** Whether the session's gateway was factory-fresh when the session opened, as its hello says. */
    public boolean factoryFresh() {
        return client.hello().capabilities().contains(SetUpSite.FACTORY_FRESH);
    }

    /** How far the gateway's commissioning has come; what to ask first when resuming a commissioning day. */
    public CommissioningState state() throws LinkException {
        return GatewayClient.expect(client.call(new GetCommissioning()), CommissioningState.class);
    }

    /**
     * Sets up the gateway: its site, its clock and the operator's pack, whose key it trusts from then on. The key
     * the gateway proved in the hello is pinned for the plan's site on this laptop first, in anyone's session: on
     * first contact with a factory-fresh gateway there is no earlier key to protect, and a setup cut off at any point
     * is then resumed by the same technician. A gateway that refuses the setup has its pin made now taken back.
     *
     * @param clock the time to set the gateway's clock to, normally the laptop's clock
     * @throws LinkException with {@link LinkException.Code#GATEWAY_ERROR} and the gateway's reason when it refuses,
     *     such as {@code COMMISSION_PACK_WRONG_SITE}; with {@link LinkException.Code#GATEWAY_KEY_CHANGED} when this
     *     laptop pinned another key for the site already, which only a supervisor's re-pin replaces
     */
    public SiteSetUp setUpSite(SitePlan plan, Instant clock, SignedCommissioningPack pack) throws LinkException {
        checkPinFree(plan.siteId());
        // Pinned before the gateway takes the site: once it has, it is factory-fresh no more, and a setup cut off
        // before its answer could not be resumed by a technician, who may not pin the key of a gateway with a site.
        Optional<GatewayPin> pinned = pin(plan.siteId());
        try {
            return GatewayClient.expect(client.call(new SetUpSite(plan, clock, pack.signed(), pack.signature())),
                    SiteSetUp.class);
        } catch (LinkException e) {
            if (e.code() == LinkException.Code.GATEWAY_ERROR && pinned.isPresent()) {
                // The gateway answered that it did not take the site, so its key is no key of this site.
                unpin(pinned.get());
            }
            throw e;
        }
    }

    /**
     * Pulls the meters that joined the mesh and wait to be commissioned, in the order they joined; ask again to
     * see the ones that joined since.
     *
     * @param joinedSince only meters that joined at or after this time, or null for all
     * @return how many meters the gateway sent
     */
    public long joinedMeters(Instant joinedSince, BatchListener<JoinedMeter> listener, CancelSignal cancel)
            throws LinkException {
        return client.stream(new GetJoinedMeters(joinedSince), JoinedMetersBatch.class,
                batch -> new GatewayClient.Batch<>(batch.meters(), batch.total()), listener, cancel);
    }

    /**
     * Gives a meter to a customer with a tariff and an opening balance. Sending the same request again is safe:
     * the gateway answers it as it did the first time.
     *
     * @throws LinkException with {@link LinkException.Code#GATEWAY_ERROR} and the gateway's reason when it refuses,
     *     such as {@code COMMISSION_METER_TAKEN} for a meter already given to another customer
     */
    public MeterCommissioned commission(CommissionMeter request) throws LinkException {
        return GatewayClient.expect(client.call(request), MeterCommissioned.class);
    }

    /**
     * Tests one meter's relay: disconnect, read back, reconnect, read back. A relay that fails is an answer, not
     * an error: see {@link RelayTested#passed()}.
     */
    public RelayTested testRelay(String meterSerial) throws LinkException {
        return GatewayClient.expect(client.call(new TestRelay(meterSerial)), RelayTested.class);
    }

    /**
     * Switches the gateway's billing on. Sending it again is safe: a live gateway answers as it did the first time.
     *
     * @throws LinkException with {@link LinkException.Code#GATEWAY_ERROR} and the gateway's reason when it refuses,
     *     such as {@code COMMISSION_NOT_SET_UP} or {@code COMMISSION_NO_CUSTOMER}
     */
    public WentLive goLive() throws LinkException {
        return GatewayClient.expect(client.call(new GoLive()), WentLive.class);
    }

    private void checkPinFree(String siteId) throws LinkException {
        Optional<GatewayPin> pinned = findPin(siteId);
        if (pinned.isPresent() && !pinned.get().publicKey().equals(client.hello().gatewayKey())) {
            throw new LinkException(LinkException.Code.GATEWAY_KEY_CHANGED, "This laptop pinned key "
                    + pinned.get().fingerprint() + " for site " + siteId + " already, and this gateway proves key "
                    + Ed25519.fingerprint(client.hello().gatewayKey()) + ": a site's gateway is replaced only "
                    + "under a supervisor's credential, not set up anew.");
        }
    }

    private Optional<GatewayPin> findPin(String siteId) throws LinkException {
        try {
            return client.pins().find(siteId);
        } catch (IOException e) {
            throw new LinkException(LinkException.Code.GATEWAY_UNVERIFIED, "The gateway keys pinned on this laptop "
                    + "could not be read (" + e.getMessage() + "); the gateway was not set up.", e);
        }
    }

    /** Pins the gateway's key for {@code siteId} unless a pin is there; answers the pin made now, if any. */
    private Optional<GatewayPin> pin(String siteId) throws LinkException {
        if (findPin(siteId).isPresent()) {
            return Optional.empty();
        }
        GatewayPin pin = new GatewayPin(siteId, client.hello().gatewayId(), client.hello().gatewayKey(),
                Instant.now(), client.credential().technicianId(), null);
        try {
            client.pins().save(pin);
        } catch (IOException e) {
            throw new LinkException(LinkException.Code.GATEWAY_UNVERIFIED, "The gateway's key could not be pinned "
                    + "on this laptop (" + e.getMessage() + "), so it was not set up; connect again.", e);
        }
        LOG.info("Pinned the key {} of factory-fresh gateway {} for site {}.",
                Ed25519.fingerprint(client.hello().gatewayKey()), client.hello().gatewayId(), siteId);
        return Optional.of(pin);
    }

    private void unpin(GatewayPin pin) {
        try {
            client.pins().forget(pin);
            LOG.info("Unpinned the key {} for site {}: the gateway {} refused its setup.", pin.fingerprint(),
                    pin.siteId(), pin.gatewayId());
        } catch (IOException e) {
            LOG.warn("The key {} pinned for site {} could not be unpinned after the gateway refused its setup.",
                    pin.fingerprint(), pin.siteId(), e);
        }
    }
}

package io.gridside.link.client;

import io.gridside.link.auth.Ed25519;
import io.gridside.link.auth.KeyReplacementCheck;
import io.gridside.link.auth.KeyReplacementRefusedException;
import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedKeyReplacement;
import io.gridside.link.message.HelloReply;
import io.gridside.link.message.SetUpSite;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's check of a gateway's identity key against the key pinned for its site, after the gateway has
 * proved it holds the key. The first key of a site is pinned only in a supervisor's session; a key that differs
 * from the pin ends the session, unless an operator-signed record of the new key checks out (in anyone's session;
 * see {@link KeyReplacementCheck}) or a supervisor asked to re-pin.
 */
final class PinCheck {

    private static final Logger LOG = LoggerFactory.getLogger(PinCheck.class);

    private PinCheck() {
    }

    static void check(HelloReply reply, Authentication auth, String address) throws LinkException {
        try {
            checkOrPin(reply, auth, address);
        } catch (LinkException e) {
            throw e;
        } catch (IOException e) {
            throw new LinkException(LinkException.Code.GATEWAY_UNVERIFIED, "The gateway keys pinned on this "
                    + "laptop could not be used (" + e.getMessage() + "), so the gateway at " + address
                    + " could not be checked; the session was not opened.", e);
        }
    }

    private static void checkOrPin(HelloReply reply, Authentication auth, String address)
            throws IOException, LinkException {
        if (reply.capabilities().contains(SetUpSite.FACTORY_FRESH)) {
            // A factory-fresh gateway has no site to pin its key for yet; setting it up pins it (section 6.30).
            return;
        }
        String siteId = reply.siteId();
        String presented = Ed25519.fingerprint(reply.gatewayKey());
        Optional<GatewayPin> pinned = auth.pins().find(siteId);
        boolean supervisor = auth.credential().role() == Role.SUPERVISOR
                && Role.SUPERVISOR.wireName().equals(reply.role());
        if (pinned.isEmpty()) {
            if (!supervisor) {
                throw new LinkException(LinkException.Code.GATEWAY_NOT_PINNED, "This laptop has no key pinned "
                        + "for site " + siteId + " yet, and only a supervisor's credential may pin the first: a "
                        + "supervisor must connect to this gateway (key " + presented + ") first.");
            }
            pin(reply, auth, null);
            LOG.info("Pinned the key {} of gateway {} for site {}, the first for the site.", presented,
                    reply.gatewayId(), siteId);
            return;
        }
        GatewayPin pin = pinned.get();
        if (pin.publicKey().equals(reply.gatewayKey())) {
            return;
        }
        if (auth.replacement() != null) {
            repinByRecord(reply, auth, pin, address);
            return;
        }
        if (!auth.repin() || !supervisor) {
            throw keyChanged(reply, pin, address, auth.repin() ? "Only a supervisor's credential can re-pin it."
                    : "It may be an impostor or a replaced gateway: stop, and have a supervisor check it; only a "
                            + "supervisor can re-pin it, on purpose, or an operator-signed key replacement record.");
        }
        pin(reply, auth, null);
        LOG.warn("Re-pinned site {} from key {} (gateway {}) to key {} (gateway {}), at the request of supervisor "
                + "{}.", siteId, pin.fingerprint(), pin.gatewayId(), presented, reply.gatewayId(),
                auth.credential().technicianId());
    }

    private static void repinByRecord(HelloReply reply, Authentication auth, GatewayPin pin, String address)
            throws IOException, LinkException {
        SignedKeyReplacement record = auth.replacement();
        try {
            new KeyReplacementCheck(auth.credential(), Instant.now()).check(record, reply, pin.publicKey());
        } catch (KeyReplacementRefusedException e) {
            throw keyChanged(reply, pin, address, e.getMessage() + " The pin was kept.");
        }
        pin(reply, auth, record);
        LOG.warn("Re-pinned site {} from key {} (gateway {}) to key {} (gateway {}) by the record of operator key "
                + "{} issued at {} ({}), in the session of {}.", reply.siteId(), pin.fingerprint(), pin.gatewayId(),
                Ed25519.fingerprint(reply.gatewayKey()), reply.gatewayId(), record.replacement().operatorKeyId(),
                record.replacement().issuedAt(), record.replacement().reason(), auth.credential().technicianId());
    }

    private static void pin(HelloReply reply, Authentication auth, SignedKeyReplacement record) throws IOException {
        auth.pins().save(new GatewayPin(reply.siteId(), reply.gatewayId(), reply.gatewayKey(), Instant.now(),
                auth.credential().technicianId(), record));
    }

    private static LinkException keyChanged(HelloReply reply, GatewayPin pin, String address, String advice) {
        return new LinkException(LinkException.Code.GATEWAY_KEY_CHANGED, "The gateway at " + address
                + " presents another key for site " + reply.siteId() + " than the one pinned on this laptop: "
                + "pinned " + pin.fingerprint() + " (gateway " + pin.gatewayId() + ", pinned by " + pin.pinnedBy()
                + "), presented " + Ed25519.fingerprint(reply.gatewayKey()) + " (gateway " + reply.gatewayId()
                + "). " + advice);
    }
}

package io.gridside.console.service;

import io.gridside.link.auth.SignedRevocationList;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayRevocations;
import io.gridside.link.client.LinkException;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.store.SiteStore;
import io.gridside.site.sync.SignedRevocations;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries the operator's newest revocation list, which sync keeps in the site database, to the gateway right after
 * each hello (protocol section 6.29): the gateway learns of a lost laptop or a technician who left from whichever
 * console comes by first, even when it never reaches the cloud itself.
 */
public final class RevocationCarrier {

    private static final Logger LOG = LoggerFactory.getLogger(RevocationCarrier.class);

    /**
     * What a session did with the list.
     *
     * @param serial the serial of the list this laptop holds
     * @param gatewaySerial the serial the gateway holds now
     * @param pushed whether this session gave the gateway its list
     */
    public record Carried(long serial, long gatewaySerial, boolean pushed) {

        /** One line for the technician, such as "revocations pushed (serial 4)". */
        public String notice() {
            return pushed ? "revocations pushed (serial " + serial + ")"
                    : "revocations up to date on the gateway (serial " + gatewaySerial + ")";
        }
    }

    private RevocationCarrier() {
    }

    /**
     * Gives the gateway of {@code client} the list {@code store} holds, when the gateway holds an older one.
     *
     * @return what was done; empty when the store holds no list, the gateway keeps none, or it refused the list,
     *     which is logged and does not stop the session
     * @throws LinkException with {@link LinkException.Code#REFUSED} when the list revokes the session's own
     *     credential, so that the gateway ended the session; and when the link fails
     */
    public static Optional<Carried> carry(GatewayClient client, SiteStore store) throws LinkException {
        Optional<SignedRevocationList> held = listIn(store);
        if (held.isEmpty() || !client.revocations().supported()) {
            return Optional.empty();
        }
        SignedRevocationList list = held.get();
        GatewayRevocations.Outcome outcome;
        try {
            outcome = client.revocations().pushIfNewer(list);
        } catch (LinkException e) {
            if (e.code() != LinkException.Code.GATEWAY_ERROR) {
                throw e;
            }
            LOG.warn("Gateway {} did not take revocation list {}: {}", client.hello().gatewayId(), list.serial(),
                    e.getMessage());
            return Optional.empty();
        }
        if (outcome.sessionEnded()) {
            // The gateway closes its end once the answer is acknowledged; the console closes its own at once, so
            // that nothing more is asked of a session that is over.
            client.close();
            throw new LinkException(LinkException.Code.REFUSED, "The operator's revocation list " + list.serial()
                    + " revokes this laptop's credential (" + list.list().reason(client.credential().credential())
                    + "); the gateway now holds the list and ended the session. Ask your supervisor for a new "
                    + "credential.");
        }
        Carried carried = new Carried(list.serial(), outcome.held().serial(), outcome.pushed());
        LOG.info("Gateway {}: {}.", client.hello().gatewayId(), carried.notice());
        return Optional.of(carried);
    }

    /**
     * The list {@code store} holds, if it holds one that reads as a revocation list. KNOWN SHORTCOMING: the site
     * database keeps one list, of one operator key; a console serving the sites of two operators carries only the
     * newest list it got, which the other operator's gateways refuse as signed by a key they do not trust.
     */
    public static Optional<SignedRevocationList> listIn(SiteStore store) {
        Optional<SignedRevocations> stored = store.sync().revocationList();
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SignedRevocationList.of(ByteString.of(stored.get().signed()),
                    ByteString.of(stored.get().signature())));
        } catch (IllegalArgumentException e) {
            LOG.warn("The site database {} holds a revocation list that does not read: {}", store.file(),
                    e.getMessage());
            return Optional.empty();
        }
    }
}

package io.gridside.link.server;

import io.gridside.link.auth.RevocationList;
import io.gridside.link.auth.RevocationListRefusedException;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SignedRevocationList;
import io.gridside.link.auth.TrustedOperators;
import io.gridside.link.message.ErrorReply;
import io.gridside.link.message.GetRevocations;
import io.gridside.link.message.Message;
import io.gridside.link.message.PushRevocations;
import io.gridside.link.message.RevocationsHeld;
import io.gridside.link.session.LinkConnection;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's side of the operator's revocation lists (protocol section 6.29): it checks a pushed list against the
 * operator keys the gateway trusts, has the gateway's store keep it when it is newer than the one held, and says
 * which list is held. The credential check looks the lists up here, at every hello and every request.
 */
final class RevocationDesk {

    /** The code of the refusal of a revocation request by a gateway that keeps no revocation list. */
    static final String UNSUPPORTED = "UNSUPPORTED";
    private static final long CLOSE_WAIT_NANOS = 5_000_000_000L;
    private static final long CLOSE_POLL_MILLIS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(RevocationDesk.class);

    private final TrustedOperators trusted;
    /** The gateway's store, or null when it keeps no revocation list. */
    private final RevocationStore store;

    RevocationDesk(GatewayService service) {
        this.trusted = service.trustedOperators();
        this.store = storeOf(service);
    }

    private static RevocationStore storeOf(GatewayService service) {
        try {
            return service.revocations();
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    static boolean handles(Message message) {
        return message instanceof PushRevocations || message instanceof GetRevocations;
    }

    /** The list of {@code operatorKeyId} the gateway holds, if it holds one. */
    Optional<RevocationList> listOf(String operatorKeyId) {
        return store == null ? Optional.empty() : store.held(operatorKeyId).map(SignedRevocationList::list);
    }

    /** The answer to a push or a get of technician {@code by}: a {@link RevocationsHeld} or an error reply. */
    Message answer(Message request, String by) {
        if (store == null) {
            return new ErrorReply(UNSUPPORTED, "This gateway keeps no revocation list; update its firmware, and "
                    + "until then take lost laptops' credentials off it by replacing the operator key it trusts.");
        }
        if (request instanceof GetRevocations get) {
            return held(get.operatorKeyId(), store.held(get.operatorKeyId()).orElse(null), false);
        }
        PushRevocations push = (PushRevocations) request;
        SignedRevocationList pushed;
        try {
            pushed = SignedRevocationList.verify(push.signed(), push.signature(), trusted);
        } catch (RevocationListRefusedException e) {
            LOG.info("Refused a revocation list pushed by technician {}: {} {}", by, e.code(), e.getMessage());
            return new ErrorReply(e.code(), e.getMessage());
        }
        SignedRevocationList kept = store.keepIfNewer(pushed);
        boolean taken = kept == pushed;
        if (taken) {
            LOG.info("Technician {} brought revocation list {} of operator key {}: {} technicians and {} keys "
                    + "revoked.", by, pushed.serial(), pushed.operatorKeyId(), pushed.list().technicianIds().size(),
                    pushed.list().technicianKeys().size());
        } else {
            LOG.info("Technician {} brought revocation list {} of operator key {}; the gateway holds list {}.", by,
                    pushed.serial(), pushed.operatorKeyId(), kept.serial());
        }
        return held(pushed.operatorKeyId(), kept, taken);
    }

    /** Whether the list held now revokes {@code credential}. */
    boolean revokes(SignedCredential credential) {
        return listOf(credential.credential().operatorKeyId()).map(list -> list.revokes(credential.credential()))
                .orElse(false);
    }

    /**
     * Ends {@code connection} once the answers sent on it are acknowledged, or after a few seconds at most, so that
     * the answer that ended the session reaches the console before the link closes.
     */
    static void closeOnceAnswered(LinkConnection connection) {
        long deadline = System.nanoTime() + CLOSE_WAIT_NANOS;
        try {
            while (!connection.isQuiet() && System.nanoTime() - deadline < 0) {
                Thread.sleep(CLOSE_POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.close();
    }

    private static RevocationsHeld held(String operatorKeyId, SignedRevocationList list, boolean taken) {
        return list == null ? new RevocationsHeld(operatorKeyId, 0, null, false)
                : new RevocationsHeld(operatorKeyId, list.serial(), list.list().issuedAt(), taken);
    }
}

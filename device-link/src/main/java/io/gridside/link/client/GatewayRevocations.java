package io.gridside.link.client;

import io.gridside.link.auth.SignedRevocationList;
import io.gridside.link.message.GetRevocations;
import io.gridside.link.message.PushRevocations;
import io.gridside.link.message.RevocationsHeld;
import java.util.Objects;

/**
 * A session's revocation requests (protocol section 6.29): which list of an operator key the gateway holds, and
 * giving it a newer one. A gateway that keeps revocation lists names the capability
 * {@link PushRevocations#CAPABILITY} in its hello.
 */
public final class GatewayRevocations {

    /**
     * What bringing a list to the gateway did.
     *
     * @param heldBefore the serial of the list the gateway held before, 0 for none
     * @param held what the gateway holds now
     * @param pushed whether the list was sent: false when the gateway held it, or a newer one, already
     * @param sessionEnded whether the list revokes the session's own credential, so that the gateway ended the
     *     session after its answer
     */
    public record Outcome(long heldBefore, RevocationsHeld held, boolean pushed, boolean sessionEnded) {

        public Outcome {
            Objects.requireNonNull(held, "held");
        }
    }

    private final GatewayClient client;

    GatewayRevocations(GatewayClient client) {
        this.client = client;
    }

    /** Whether the session's gateway keeps revocation lists, as its hello says. */
    public boolean supported() {
        return client.hello().capabilities().contains(PushRevocations.CAPABILITY);
    }

    /** The list of {@code operatorKeyId} the gateway holds. */
    public RevocationsHeld held(String operatorKeyId) throws LinkException {
        return GatewayClient.expect(client.call(new GetRevocations(operatorKeyId)), RevocationsHeld.class);
    }

    /**
     * Gives the gateway {@code list}; it keeps it only when it is newer than the one it holds, and says which it
     * holds either way.
     *
     * @throws LinkException with {@link LinkException.Code#GATEWAY_ERROR} and a {@code REVOCATIONS_*} gateway
     *     code when the gateway does not trust the list's signature
     */
    public RevocationsHeld push(SignedRevocationList list) throws LinkException {
        return GatewayClient.expect(client.call(new PushRevocations(list.signed(), list.signature())),
                RevocationsHeld.class);
    }

    /**
     * Gives the gateway {@code list} when it holds an older one of the same operator key, or none. When the list
     * revokes the session's own credential the gateway ends the session after its answer, and so does this side.
     */
    public Outcome pushIfNewer(SignedRevocationList list) throws LinkException {
        RevocationsHeld before = held(list.operatorKeyId());
        if (before.serial() >= list.serial()) {
            return new Outcome(before.serial(), before, false, false);
        }
        RevocationsHeld after = push(list);
        boolean ended = list.revokes(client.credential());
        if (ended) {
            client.close();
        }
        return new Outcome(before.serial(), after, true, ended);
    }
}

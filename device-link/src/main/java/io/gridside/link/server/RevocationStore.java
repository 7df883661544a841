package io.gridside.link.server;

import io.gridside.link.auth.SignedRevocationList;
import java.util.Optional;

/**
 * Where a gateway keeps the newest revocation list of each operator key it trusts, checked before it is kept. A
 * real gateway keeps it on flash, so that a restart forgets no revocation.
 */
public interface RevocationStore {

    /** The list of {@code operatorKeyId} held, if any. */
    Optional<SignedRevocationList> held(String operatorKeyId);

    /**
     * Keeps {@code list} in place of the one of its operator key held, when its serial is higher, written to
     * lasting storage before this returns; a list no newer is not kept. Compares and writes as one step.
     *
     * @return the list held after the call: {@code list} itself when it was kept, or the one held before
     */
    SignedRevocationList keepIfNewer(SignedRevocationList list);
}

package io.gridside.link.auth;

import io.gridside.site.cbor.ByteString;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The check a gateway makes of a hello's credential, offline, against its own clock and the operator keys it
 * trusts. The rules run in a fixed order and the first one broken is the refusal: the bytes must be a
 * credential, signed by a trusted operator key, not revoked by the list of that key the gateway holds, valid at
 * the gateway's clock, for the gateway's site.
 */
public final class CredentialCheck {

    private final TrustedOperators trusted;
    private final String siteId;
    private final Function<String, Optional<RevocationList>> revocations;

    /** A check of a gateway that holds no revocation list. */
    public CredentialCheck(TrustedOperators trusted, String siteId) {
        this(trusted, siteId, keyId -> Optional.empty());
    }

    /**
     * @param revocations the revocation list the gateway holds of an operator key id, looked up at every check
     */
    public CredentialCheck(TrustedOperators trusted, String siteId,
            Function<String, Optional<RevocationList>> revocations) {
        this.trusted = trusted;
        this.siteId = siteId;
        this.revocations = revocations;
    }

    /**
     * The credential that {@code signed} and {@code signature} present, once every rule holds at {@code clock}.
     *
     * @throws CredentialRefusedException with the first rule the credential breaks
     */
    public SignedCredential check(ByteString signed, ByteString signature, Instant clock)
            throws CredentialRefusedException {
        SignedCredential presented = parse(signed, signature);
        TechnicianCredential credential = presented.credential();
        Optional<OperatorKey> operator = trusted.find(credential.operatorKeyId());
        if (operator.isEmpty()) {
            throw new CredentialRefusedException(Refusal.UNKNOWN_OPERATOR, "This gateway does not trust operator "
                    + "key '" + credential.operatorKeyId() + "', which signed the credential of "
                    + credential.technicianId() + "; use a credential from this site's operator.");
        }
        if (!presented.signedBy(operator.get())) {
            throw new CredentialRefusedException(Refusal.BAD_SIGNATURE, "The credential of "
                    + credential.technicianId() + " does not carry a valid signature of operator key '"
                    + credential.operatorKeyId() + "': it was altered or damaged; ask your supervisor for a new one.");
        }
        checkRevoked(credential);
        checkTime(credential, clock);
        if (!credential.covers(siteId)) {
            throw new CredentialRefusedException(Refusal.WRONG_SITE, "The credential of "
                    + credential.technicianId() + " does not cover site " + siteId + " (it covers "
                    + String.join(", ", credential.sites()) + "); use a credential for this site.");
        }
        return presented;
    }

    /**
     * Checks that a credential accepted earlier is neither revoked since nor out of its window at {@code clock}, as
     * the gateway does before each request of a session.
     *
     * @throws CredentialRefusedException when the credential is revoked or out of its window
     */
    public void checkStillValid(TechnicianCredential credential, Instant clock) throws CredentialRefusedException {
        checkRevoked(credential);
        checkTime(credential, clock);
    }

    /**
     * Checks that the revocation list of the credential's operator key, as the gateway holds it, does not name the
     * credential's holder or key.
     *
     * @throws CredentialRefusedException with {@link Refusal#CREDENTIAL_REVOKED} when it does
     */
    public void checkRevoked(TechnicianCredential credential) throws CredentialRefusedException {
        Optional<RevocationList> list = revocations.apply(credential.operatorKeyId());
        if (list.isPresent() && list.get().revokes(credential)) {
            throw new CredentialRefusedException(Refusal.CREDENTIAL_REVOKED, "The credential of "
                    + credential.technicianId() + " was revoked by its operator (revocation list "
                    + list.get().serial() + " names " + list.get().reason(credential) + "), so this gateway no "
                    + "longer accepts it; ask your supervisor for a new credential, with a new key if a laptop was "
                    + "lost.");
        }
    }

    /**
     * Checks that a credential accepted earlier is still valid at {@code clock}, as the gateway does before
     * each request of a session.
     *
     * @throws CredentialRefusedException when the gateway's clock has left the credential's window
     */
    public static void checkTime(TechnicianCredential credential, Instant clock) throws CredentialRefusedException {
        if (clock.isBefore(credential.notBefore())) {
            throw new CredentialRefusedException(Refusal.NOT_YET_VALID, "The credential of "
                    + credential.technicianId() + " is valid only from " + credential.notBefore()
                    + " and the gateway's clock reads " + clock + "; wait, or have a supervisor check the clock.");
        }
        if (!clock.isBefore(credential.notAfter())) {
            throw new CredentialRefusedException(Refusal.EXPIRED, "The credential of " + credential.technicianId()
                    + " expired at " + credential.notAfter() + " by the gateway's clock, which reads " + clock
                    + "; ask your supervisor for a new one.");
        }
    }

    private static SignedCredential parse(ByteString signed, ByteString signature)
            throws CredentialRefusedException {
        if (signed == null || signature == null) {
            throw new CredentialRefusedException(Refusal.CREDENTIAL_MALFORMED, "The hello carries no credential; "
                    + "connect with your credential file.");
        }
        try {
            return SignedCredential.of(signed, signature);
        } catch (IllegalArgumentException e) {
            throw new CredentialRefusedException(Refusal.CREDENTIAL_MALFORMED, "The credential is damaged or "
                    + "not a Gridside credential (" + e.getMessage() + "); ask your supervisor for a new one.");
        }
    }
}

package io.gridside.link.auth;

import io.gridside.site.cbor.ByteString;
import java.util.Objects;
import java.util.Optional;

/**
 * A revocation list as its operator signed it: the exact bytes signed, the signature, and what the bytes say.
 * The bytes travel as they are, from the operator's cloud through the console to the gateway, so nothing is
 * re-encoded on the way.
 *
 * @param signed the deterministic CBOR of the list, as signed
 * @param signature the operator key's Ed25519 signature of {@code signed}
 */
public record SignedRevocationList(RevocationList list, ByteString signed, ByteString signature) {

    public SignedRevocationList {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(signed, "signed");
        Objects.requireNonNull(signature, "signature");
    }

    /**
     * Reads a list from its signed bytes and signature; the signature is not checked here.
     *
     * @throws IllegalArgumentException when the bytes are not a revocation list in deterministic CBOR
     */
    public static SignedRevocationList of(ByteString signed, ByteString signature) {
        return new SignedRevocationList(RevocationList.decode(signed.toByteArray()), signed, signature);
    }

    /**
     * Reads a list and checks that an operator key {@code trusted} holds signed it: what a gateway does before it
     * keeps a list, and a console before it stores one.
     *
     * @throws RevocationListRefusedException naming the first rule the list breaks
     */
    public static SignedRevocationList verify(ByteString signed, ByteString signature, TrustedOperators trusted)
            throws RevocationListRefusedException {
        SignedRevocationList presented;
        try {
            presented = of(signed, signature);
        } catch (IllegalArgumentException e) {
            throw new RevocationListRefusedException(RevocationListRefusedException.MALFORMED, "The revocation list "
                    + "is damaged or not a Gridside revocation list (" + e.getMessage() + "); fetch it again.");
        }
        String keyId = presented.list().operatorKeyId();
        Optional<OperatorKey> operator = trusted.find(keyId);
        if (operator.isEmpty()) {
            throw new RevocationListRefusedException(RevocationListRefusedException.UNKNOWN_OPERATOR, "This gateway "
                    + "does not trust operator key '" + keyId + "', which signed the revocation list; only this "
                    + "site's operator can revoke its credentials.");
        }
        if (!presented.signedBy(operator.get())) {
            throw new RevocationListRefusedException(RevocationListRefusedException.BAD_SIGNATURE, "The revocation "
                    + "list does not carry a valid signature of operator key '" + keyId + "': it was altered or "
                    + "damaged; fetch it again.");
        }
        return presented;
    }

    /** Whether {@code operator} signed these bytes. */
    public boolean signedBy(OperatorKey operator) {
        return operator.keyId().equals(list.operatorKeyId())
                && Ed25519.verify(operator.publicKey(), signed.toByteArray(), signature);
    }

    public long serial() {
        return list.serial();
    }

    public String operatorKeyId() {
        return list.operatorKeyId();
    }

    /** Whether the list revokes {@code credential}; see {@link RevocationList#revokes}. */
    public boolean revokes(SignedCredential credential) {
        return list.revokes(credential.credential());
    }
}

package io.gridside.link.auth;

import io.gridside.site.cbor.ByteString;
import java.util.Objects;

/**
 * A technician's credential as its operator signed it: the exact bytes signed, the signature, and what the
 * bytes say. The bytes travel as they are, in the hello and in credential files, so nothing is re-encoded
 * between the operator's office and the gateway.
 *
 * @param signed the deterministic CBOR of the credential, as signed
 * @param signature the operator key's Ed25519 signature of {@code signed}
 */
public record SignedCredential(TechnicianCredential credential, ByteString signed, ByteString signature) {

    public SignedCredential {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(signed, "signed");
        Objects.requireNonNull(signature, "signature");
    }

    /**
     * Reads a credential from its signed bytes and signature; the signature is not checked here.
     *
     * @throws IllegalArgumentException when the bytes are not a credential in deterministic CBOR
     */
    public static SignedCredential of(ByteString signed, ByteString signature) {
        return new SignedCredential(TechnicianCredential.decode(signed.toByteArray()), signed, signature);
    }

    /** Whether {@code operator} signed these bytes. */
    public boolean signedBy(OperatorKey operator) {
        return operator.keyId().equals(credential.operatorKeyId())
                && Ed25519.verify(operator.publicKey(), signed.toByteArray(), signature);
    }

    public String technicianId() {
        return credential.technicianId();
    }

    public Role role() {
        return credential.role();
    }
}

package io.gridside.link.auth;

import io.gridside.site.cbor.ByteString;
import java.util.Objects;

/**
 * A gateway key replacement record as its operator signed it: the exact bytes signed, the signature, the
 * operator's public key to check it with, and what the bytes say. The public key is carried only so that a
 * console knows which key to try; {@link KeyReplacementCheck} trusts it only once the technician's own
 * credential verifies with it too.
 *
 * @param signed the deterministic CBOR of the record, as signed
 * @param signature the operator key's Ed25519 signature of {@code signed}
 * @param operatorKey the public key of the operator key the record names
 */
public record SignedKeyReplacement(GatewayKeyReplacement replacement, ByteString signed, ByteString signature,
        OperatorKey operatorKey) {

    public SignedKeyReplacement {
        Objects.requireNonNull(replacement, "replacement");
        Objects.requireNonNull(signed, "signed");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(operatorKey, "operatorKey");
        if (!operatorKey.keyId().equals(replacement.operatorKeyId())) {
            throw new IllegalArgumentException("the operator key beside the record is " + operatorKey.keyId()
                    + ", but the record names " + replacement.operatorKeyId());
        }
    }

    /**
     * Reads a record from its signed bytes, signature and operator key; the signature is not checked here.
     *
     * @throws IllegalArgumentException when the bytes are not a key replacement record in deterministic CBOR,
     *     or the operator key is not 32 bytes
     */
    public static SignedKeyReplacement of(ByteString signed, ByteString signature, ByteString operatorKey) {
        GatewayKeyReplacement replacement = GatewayKeyReplacement.decode(signed.toByteArray());
        return new SignedKeyReplacement(replacement, signed, signature,
                new OperatorKey(replacement.operatorKeyId(), operatorKey));
    }

    /** Whether the operator key beside the record signed these bytes. */
    public boolean signatureVerifies() {
        return Ed25519.verify(operatorKey.publicKey(), signed.toByteArray(), signature);
    }
}

package io.gridside.link.auth;

import io.gridside.site.cbor.ByteString;
import java.util.Objects;

/**
 * An operator's public key under its id: what a gateway trusts to sign technicians' credentials.
 *
 * @param keyId the id credentials name it by, such as {@code kisima-ops-2026}
 * @param publicKey the raw 32-byte Ed25519 public key
 */
public record OperatorKey(String keyId, ByteString publicKey) {

    public OperatorKey {
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("An operator key needs an id.");
        }
        Objects.requireNonNull(publicKey, "publicKey");
        if (publicKey.size() != Ed25519.KEY_SIZE) {
            throw new IllegalArgumentException("An operator's public key is 32 bytes, this one is "
                    + publicKey.size() + ".");
        }
    }

    public String fingerprint() {
        return Ed25519.fingerprint(publicKey);
    }
}

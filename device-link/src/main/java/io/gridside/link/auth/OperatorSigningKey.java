package io.gridside.link.auth;

import io.gridside.site.cbor.ByteString;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An operator's private key under its id, which issues technicians' credentials and signs gateway key
 * replacement records and revocation lists. It belongs in the operator's office, never on a gateway or a
 * technician's laptop; the demo site's is the one exception, and public.
 */
public record OperatorSigningKey(String keyId, SigningKey key) {

    public OperatorSigningKey {
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("An operator key needs an id.");
        }
        Objects.requireNonNull(key, "key");
    }

    /** The public half, as gateways trust it. */
    public OperatorKey publicKey() {
        return new OperatorKey(keyId, key.publicKey());
    }

    /**
     * Signs a credential for {@code technicianId}.
     *
     * @param from when it becomes valid; it lasts {@code validity} from then
     */
    public SignedCredential issue(String technicianId, String name, Role role, List<String> sites, Instant from,
            Duration validity, Map<String, Long> limits) {
        return sign(new TechnicianCredential(technicianId, name, role, sites, from, from.plus(validity), limits,
                keyId));
    }

    /**
     * Signs {@code credential}, which must name this key.
     *
     * @throws IllegalArgumentException when the credential names another operator key
     */
    public SignedCredential sign(TechnicianCredential credential) {
        if (!credential.operatorKeyId().equals(keyId)) {
            throw new IllegalArgumentException("The credential names operator key " + credential.operatorKeyId()
                    + ", not " + keyId + ".");
        }
        byte[] signed = credential.encode();
        return SignedCredential.of(ByteString.of(signed), key.sign(signed));
    }

    /**
     * Signs a gateway key replacement record, which must name this key.
     *
     * @throws IllegalArgumentException when the record names another operator key
     */
    public SignedKeyReplacement sign(GatewayKeyReplacement replacement) {
        if (!replacement.operatorKeyId().equals(keyId)) {
            throw new IllegalArgumentException("The record names operator key " + replacement.operatorKeyId()
                    + ", not " + keyId + ".");
        }
        byte[] signed = replacement.encode();
        return new SignedKeyReplacement(replacement, ByteString.of(signed), key.sign(signed), publicKey());
    }

    /**
     * Signs a revocation list, which must name this key.
     *
     * @throws IllegalArgumentException when the list names another operator key
     */
    public SignedRevocationList sign(RevocationList list) {
        if (!list.operatorKeyId().equals(keyId)) {
            throw new IllegalArgumentException("The revocation list names operator key " + list.operatorKeyId()
                    + ", not " + keyId + ".");
        }
        byte[] signed = list.encode();
        return new SignedRevocationList(list, ByteString.of(signed), key.sign(signed));
    }

    /**
     * Signs a commissioning pack, which must name this key.
     *
     * @throws IllegalArgumentException when the pack names another operator key or another public key
     */
    public SignedCommissioningPack sign(CommissioningPack pack) {
        if (!pack.operator().equals(publicKey())) {
            throw new IllegalArgumentException("The pack names operator key " + pack.operatorKeyId()
                    + ", not " + keyId + ".");
        }
        byte[] signed = pack.encode();
        return new SignedCommissioningPack(pack, ByteString.of(signed), key.sign(signed));
    }
}

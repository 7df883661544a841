package io.gridside.link.client;

import io.gridside.link.auth.Ed25519;
import io.gridside.link.auth.SignedKeyReplacement;
import io.gridside.site.cbor.ByteString;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The identity key a console holds for a site's gateway: any gateway of that site must prove it holds this
 * key, or the console refuses the session.
 *
 * @param gatewayId the gateway's id when the key was pinned, for people; the key is what counts
 * @param publicKey the gateway's raw 32-byte Ed25519 identity key
 * @param pinnedBy the technician id of the session that pinned it: a supervisor's, or anyone's with a record
 * @param replacement the operator-signed record that let the key replace the one before, kept so that anyone can
 *     check later why it was pinned; null when a supervisor pinned it
 */
public record GatewayPin(String siteId, String gatewayId, ByteString publicKey, Instant pinnedAt, String pinnedBy,
        SignedKeyReplacement replacement) {

    public GatewayPin {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(gatewayId, "gatewayId");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(pinnedAt, "pinnedAt");
        Objects.requireNonNull(pinnedBy, "pinnedBy");
    }

    /** A pin a supervisor made. */
    public GatewayPin(String siteId, String gatewayId, ByteString publicKey, Instant pinnedAt, String pinnedBy) {
        this(siteId, gatewayId, publicKey, pinnedAt, pinnedBy, null);
    }

    public String fingerprint() {
        return Ed25519.fingerprint(publicKey);
    }

    /** The record that made this pin, when one did. */
    public Optional<SignedKeyReplacement> byRecord() {
        return Optional.ofNullable(replacement);
    }
}

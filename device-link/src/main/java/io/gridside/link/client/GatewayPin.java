package io.gridside.link.client;

import io.gridside.link.auth.Ed25519;
import io.gridside.site.cbor.ByteString;
import java.time.Instant;
import java.util.Objects;

/**
 * The identity key a console holds for a site's gateway: any gateway of that site must prove it holds this
 * key, or the console refuses the session.
 *
 * @param gatewayId the gateway's id when the key was pinned, for people; the key is what counts
 * @param publicKey the gateway's raw 32-byte Ed25519 identity key
 * @param pinnedBy the technician id of the supervisor whose session pinned it
 */
public record GatewayPin(String siteId, String gatewayId, ByteString publicKey, Instant pinnedAt, String pinnedBy) {

    public GatewayPin {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(gatewayId, "gatewayId");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(pinnedAt, "pinnedAt");
        Objects.requireNonNull(pinnedBy, "pinnedBy");
    }

    public String fingerprint() {
        return Ed25519.fingerprint(publicKey);
    }
}

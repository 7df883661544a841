package io.gridside.sim;

import io.gridside.link.auth.SigningKey;
import io.gridside.site.cbor.ByteString;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The simulated gateway's identity key, which its site's seed gives. */
final class GatewayIdentity {

    private GatewayIdentity() {
    }

    /**
     * The identity key of the site that {@code spec} builds: the same seed gives the same key, as a real gateway
     * keeps its key across restarts, so a console that pinned it finds it again.
     */
    static SigningKey keyFor(SiteSpec spec) {
        byte[] seed;
        try {
            seed = MessageDigest.getInstance("SHA-256").digest(("gridside simulated gateway identity "
                    + spec.seed()).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256.", e);
        }
        return SigningKey.fromSeed(ByteString.of(seed));
    }
}

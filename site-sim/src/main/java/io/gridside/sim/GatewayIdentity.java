package io.gridside.sim;

import io.gridside.link.auth.SigningKey;
import io.gridside.site.cbor.ByteString;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/** The simulated gateways' identity keys and ids, which their site's seed gives. */
final class GatewayIdentity {

    private GatewayIdentity() {
    }

    /**
     * The identity key of the site that {@code spec} builds: the same seed gives the same key, as a real gateway
     * keeps its key across restarts, so a console that pinned it finds it again.
     */
    static SigningKey keyFor(SiteSpec spec) {
        return keyOf("gridside simulated gateway identity " + spec.seed());
    }

    /**
     * The identity key of the factory-fresh gateway of the site that {@code spec} builds: another box than the
     * site's demo gateway of the same seed, so it proves itself with a key of its own, kept across restarts too.
     */
    static SigningKey freshKeyFor(SiteSpec spec) {
        return keyOf("gridside factory-fresh gateway identity " + spec.seed());
    }

    /** The id of that factory-fresh gateway: never the id of the demo gateway of the same seed. */
    static String freshGatewayIdFor(SiteSpec spec) {
        String demo = SiteGenerator.gatewayIdFor(spec.seed());
        String fresh = String.format(Locale.ROOT, "GW-F%05X", Noise.hash(spec.seed(), 2) & 0xFFFFF);
        return fresh.equals(demo) ? String.format(Locale.ROOT, "GW-F%05X", (Noise.hash(spec.seed(), 3) & 0xFFFFF))
                : fresh;
    }

    private static SigningKey keyOf(String label) {
        byte[] seed;
        try {
            seed = MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256.", e);
        }
        return SigningKey.fromSeed(ByteString.of(seed));
    }
}

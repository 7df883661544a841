package io.gridside.link.message;

import io.gridside.site.cbor.ByteString;
import io.gridside.site.commission.SitePlan;
import java.time.Instant;
import java.util.Objects;

/**
 * Sets up a factory-fresh gateway (protocol section 6.30): the site it serves, its clock, and the operator's
 * commissioning pack, whose operator key the gateway trusts from then on. The first pack a gateway takes fixes its
 * operator; a later setup is taken only with a pack signed by that same key, for the same site. Answered by a
 * {@link SiteSetUp}; the same setup sent again is answered again and changes nothing.
 *
 * @param plan the site as the technician created it
 * @param clock the time to set the gateway's clock to, from the console's clock
 * @param pack the deterministic CBOR of the commissioning pack, exactly as the operator signed it
 * @param packSignature the operator's Ed25519 signature of {@code pack}; empty for an unsigned pack, which is
 *     refused
 */
public record SetUpSite(SitePlan plan, Instant clock, ByteString pack, ByteString packSignature)
        implements Message {

    /** The capability a gateway names in its hello while it is factory-fresh: no site, no operator, clock unset. */
    public static final String FACTORY_FRESH = "factory-fresh";
    /** The capability a gateway names in its hello when it takes the commissioning messages of this section. */
    public static final String CAPABILITY = "commissioning";

    public SetUpSite {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(packSignature, "packSignature");
    }
}

package io.gridside.link.server;

import java.util.List;

/**
 * What a gateway says of itself in every hello reply; the session adds its clock, the role it grants, its key
 * and its proof.
 *
 * @param timeZone the site's time zone, an IANA name
 * @param capabilities what this gateway can do, such as {@code readings} or {@code ledger}
 */
public record GatewayProfile(String gatewayId, String siteId, String siteName, String firmware, String currency,
        String timeZone, List<String> capabilities) {

    public GatewayProfile {
        capabilities = List.copyOf(capabilities);
    }
}

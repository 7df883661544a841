package io.gridside.link.message;

import java.time.Instant;
import java.util.List;

/**
 * The gateway's answer to a hello: the protocol version chosen and who the gateway is.
 *
 * @param clock the gateway's clock when it answered, the site's time authority
 * @param timeZone the site's time zone, an IANA name such as {@code Africa/Nairobi}
 */
public record HelloReply(
        int protocolVersion, String gatewayId, String siteId, String siteName, String firmware, Instant clock,
        String currency, String timeZone, List<String> capabilities) implements Message {

    public HelloReply {
        capabilities = List.copyOf(capabilities);
    }
}

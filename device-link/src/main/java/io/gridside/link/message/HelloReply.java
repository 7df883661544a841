package io.gridside.link.message;

import io.gridside.site.cbor.ByteString;
import java.time.Instant;
import java.util.List;

/**
 * The gateway's answer to a hello: the protocol version chosen, who the gateway is, the role it grants the
 * session, and its proof that it holds the identity key consoles pin.
 *
 * @param clock the gateway's clock when it answered, the site's time authority
 * @param timeZone the site's time zone, an IANA name such as {@code Africa/Nairobi}
 * @param role the role the session runs under, from the accepted credential: {@code technician} or
 *     {@code supervisor}
 * @param gatewayKey the gateway's raw 32-byte Ed25519 identity key
 * @param proof the identity key's signature of the hello and of this reply's other fields (see
 *     {@code HelloProof})
 */
public record HelloReply(
        int protocolVersion, String gatewayId, String siteId, String siteName, String firmware, Instant clock,
        String currency, String timeZone, List<String> capabilities, String role, ByteString gatewayKey,
        ByteString proof) implements Message {

    public HelloReply {
        capabilities = List.copyOf(capabilities);
    }

    /** This reply with another proof; the proof is made over every other field. */
    public HelloReply withProof(ByteString newProof) {
        return new HelloReply(protocolVersion, gatewayId, siteId, siteName, firmware, clock, currency, timeZone,
                capabilities, role, gatewayKey, newProof);
    }
}

package io.gridside.link.discovery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a gateway says of itself on its LAN through DNS-SD: the service type, and the keys and values of the TXT
 * record that carries its identity.
 *
 * <p>An advert is a hint, not proof: anything on the LAN can send one. The console trusts only what the gateway says
 * in its hello once connected, and compares it with the advert.
 *
 * @param gatewayId the gateway's identity, as its hello gives it
 * @param siteId the site's id, as its hello gives it
 * @param siteName the site's name, for a person to recognise
 * @param protocolVersions the link protocol versions the gateway speaks, highest last
 * @param keyFingerprint the fingerprint of the gateway's public key, or null while gateways have no key
 */
public record GatewayAdvert(String gatewayId, String siteId, String siteName, List<Integer> protocolVersions,
        String keyFingerprint) {

    /** The DNS-SD service type under which gateways advertise their link over TCP. */
    public static final String SERVICE_TYPE = "_gridside._tcp.local.";
    /** The version of the TXT record's layout; a later layout may add keys, never change these. */
    public static final String TXT_VERSION = "1";

    static final String KEY_TXT_VERSION = "txtvers";
    static final String KEY_GATEWAY_ID = "gatewayId";
    static final String KEY_SITE_ID = "siteId";
    static final String KEY_SITE_NAME = "siteName";
    static final String KEY_PROTOCOL = "protocol";
    static final String KEY_FINGERPRINT = "keyFingerprint";

    /** DNS-SD limits an instance name to 63 bytes of UTF-8. */
    private static final int MAX_INSTANCE_NAME_BYTES = 63;

    public GatewayAdvert {
        requireText(gatewayId, "gatewayId");
        requireText(siteId, "siteId");
        Objects.requireNonNull(siteName, "siteName");
        protocolVersions = List.copyOf(protocolVersions);
        if (protocolVersions.isEmpty()) {
            throw new IllegalArgumentException("An advert must name at least one protocol version.");
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("An advert's " + name + " must not be empty.");
        }
    }

    /** The TXT record's entries, in the order they are written. */
    public Map<String, String> toTxt() {
        Map<String, String> txt = new LinkedHashMap<>();
        txt.put(KEY_TXT_VERSION, TXT_VERSION);
        txt.put(KEY_GATEWAY_ID, gatewayId);
        txt.put(KEY_SITE_ID, siteId);
        txt.put(KEY_SITE_NAME, siteName);
        txt.put(KEY_PROTOCOL, protocolVersions.stream().map(String::valueOf).collect(Collectors.joining(",")));
        if (keyFingerprint != null) {
            txt.put(KEY_FINGERPRINT, keyFingerprint);
        }
        return txt;
    }

    /**
     * Reads an advert from a TXT record.
     *
     * @param txt the value of each key, or null for a key the record lacks
     * @return the advert, or empty when a required key is missing or a value cannot be read, as with a record
     *     that has not fully arrived yet or was not written by a Gridside gateway
     */
    public static Optional<GatewayAdvert> fromTxt(Function<String, String> txt) {
        String gatewayId = txt.apply(KEY_GATEWAY_ID);
        String siteId = txt.apply(KEY_SITE_ID);
        String protocol = txt.apply(KEY_PROTOCOL);
        if (isBlank(gatewayId) || isBlank(siteId) || isBlank(protocol)) {
            return Optional.empty();
        }
        List<Integer> versions = parseVersions(protocol);
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        String siteName = txt.apply(KEY_SITE_NAME);
        String fingerprint = txt.apply(KEY_FINGERPRINT);
        return Optional.of(new GatewayAdvert(gatewayId, siteId, siteName == null ? "" : siteName, versions,
                isBlank(fingerprint) ? null : fingerprint));
    }

    private static List<Integer> parseVersions(String text) {
        List<Integer> versions = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                versions.add(Integer.parseInt(part.strip()));
            } catch (NumberFormatException e) {
                return List.of();
            }
        }
        return versions;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * The DNS-SD instance name, which browsers show to people: the site's name and the gateway's id, without dots
     * (which DNS-SD would have to escape) and cut to the 63 bytes a name may hold.
     */
    public String instanceName() {
        String name = (siteName.isBlank() ? gatewayId : siteName + " (" + gatewayId + ")").replace('.', ' ');
        while (name.getBytes(StandardCharsets.UTF_8).length > MAX_INSTANCE_NAME_BYTES) {
            name = name.substring(0, name.offsetByCodePoints(name.length(), -1));
        }
        return name;
    }
}

package io.gridside.link.auth;

import static io.gridside.link.auth.SignedFields.bytes;
import static io.gridside.link.auth.SignedFields.instant;
import static io.gridside.link.auth.SignedFields.text;

import io.gridside.site.cbor.ByteString;
import io.gridside.site.cbor.DeterministicCbor;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An operator's word that a site's gateway now holds another identity key: which site and gateway, the new key,
 * the key it replaces, why, and how long the word holds. Its deterministic CBOR ({@link #encode}) is what the
 * operator signs; see {@link SignedKeyReplacement}, and {@link KeyReplacementCheck} for what a console checks
 * before it pins the new key.
 *
 * @param siteId the site whose pin it replaces
 * @param gatewayId the id of the gateway that holds the new key, as that gateway's hello names it
 * @param gatewayKey the new raw 32-byte Ed25519 identity key
 * @param replacedKeySha256 the SHA-256 of the raw key it replaces, which is what that key's fingerprint spells
 *     out: a record replaces one pin only, and cannot later move a site back to an older key
 * @param issuedAt when the operator signed it, and the first instant it is valid, by the laptop's clock
 * @param notAfter the first instant it is no longer valid, by the laptop's clock
 * @param reason why the key changed, for people, such as "gateway replaced after lightning damage"
 * @param operatorKeyId the id of the operator key that signs it
 */
public record GatewayKeyReplacement(String siteId, String gatewayId, ByteString gatewayKey,
        ByteString replacedKeySha256, Instant issuedAt, Instant notAfter, String reason, String operatorKeyId) {

    /** The {@code type} field of the signed map, which keeps the signature from meaning anything else. */
    public static final String TYPE = "gridside/gateway-key-replacement/1";
    private static final int SHA256_SIZE = 32;
    private static final Set<String> FIELDS = Set.of("type", "siteId", "gatewayId", "gatewayKey",
            "replacedKeySha256", "issuedAt", "notAfter", "reason", "operatorKeyId");

    public GatewayKeyReplacement {
        requireText("siteId", siteId);
        requireText("gatewayId", gatewayId);
        requireSize("gatewayKey", gatewayKey, Ed25519.KEY_SIZE);
        requireSize("replacedKeySha256", replacedKeySha256, SHA256_SIZE);
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(notAfter, "notAfter");
        if (!issuedAt.isBefore(notAfter)) {
            throw new IllegalArgumentException("its issuedAt must come before its notAfter");
        }
        requireText("reason", reason);
        requireText("operatorKeyId", operatorKeyId);
        if (Ed25519.keyDigest(gatewayKey).equals(replacedKeySha256)) {
            throw new IllegalArgumentException("its gatewayKey is the key it replaces");
        }
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("its field " + field + " must not be empty");
        }
    }

    private static void requireSize(String field, ByteString value, int size) {
        Objects.requireNonNull(value, field);
        if (value.size() != size) {
            throw new IllegalArgumentException("its field " + field + " must be " + size + " bytes, is "
                    + value.size());
        }
    }

    /** The new key's fingerprint. */
    public String gatewayKeyFingerprint() {
        return Ed25519.fingerprint(gatewayKey);
    }

    /** The fingerprint of the key it replaces. */
    public String replacedFingerprint() {
        return Ed25519.fingerprintOfDigest(replacedKeySha256);
    }

    /** Whether {@code publicKey} is the key this record replaces. */
    public boolean replaces(ByteString publicKey) {
        return Ed25519.keyDigest(publicKey).equals(replacedKeySha256);
    }

    /** Whether {@code clock} falls in [issuedAt, notAfter). */
    public boolean validAt(Instant clock) {
        return !clock.isBefore(issuedAt) && clock.isBefore(notAfter);
    }

    /** The record as the map that is signed: instants as ISO 8601 text in UTC, keys as byte strings. */
    public Map<String, Object> toCbor() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", TYPE);
        map.put("siteId", siteId);
        map.put("gatewayId", gatewayId);
        map.put("gatewayKey", gatewayKey);
        map.put("replacedKeySha256", replacedKeySha256);
        map.put("issuedAt", issuedAt.toString());
        map.put("notAfter", notAfter.toString());
        map.put("reason", reason);
        map.put("operatorKeyId", operatorKeyId);
        return map;
    }

    /** The deterministic CBOR that the operator signs. */
    public byte[] encode() {
        return DeterministicCbor.encode(toCbor());
    }

    /**
     * Reads a record from its signed bytes.
     *
     * @throws IllegalArgumentException naming the field that is wrong, when the bytes are not a key replacement
     *     record in deterministic CBOR with every field present, of the right type, and none unknown
     */
    public static GatewayKeyReplacement decode(byte[] cbor) {
        Map<?, ?> map = SignedFields.read(cbor, "a key replacement record", TYPE, FIELDS);
        return new GatewayKeyReplacement(text(map, "siteId"), text(map, "gatewayId"), bytes(map, "gatewayKey"),
                bytes(map, "replacedKeySha256"), instant(map, "issuedAt"), instant(map, "notAfter"),
                text(map, "reason"), text(map, "operatorKeyId"));
    }
}

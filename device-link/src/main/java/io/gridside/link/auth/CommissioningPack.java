package io.gridside.link.auth;

import static io.gridside.link.auth.SignedFields.bytes;
import static io.gridside.link.auth.SignedFields.instant;
import static io.gridside.link.auth.SignedFields.text;

import io.gridside.site.cbor.ByteString;
import io.gridside.site.cbor.DeterministicCbor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an operator hands a technician, ahead of time, to commission one site: the operator's public key, which the
 * factory-fresh gateway will trust, the tariff files the site bills with, and the technicians' credentials it
 * issued. Its deterministic CBOR ({@link #encode}) is what the operator signs; see {@link SignedCommissioningPack}.
 *
 * @param siteId the one site the pack is for
 * @param operatorKeyId the id of the operator key that signs the pack and the credentials in it
 * @param operatorKey the raw Ed25519 public key of that operator key
 * @param issuedAt when the operator signed it
 * @param notAfter the first instant, by the gateway's clock once set, at which a gateway no longer takes the pack
 * @param tariffFiles the tariff files' JSON text, as {@code bill tariff-check} reads them, each once
 * @param credentials the technicians' credentials as the operator signed them, each signed by the same key
 */
public record CommissioningPack(String siteId, String operatorKeyId, ByteString operatorKey, Instant issuedAt,
        Instant notAfter, List<String> tariffFiles, List<SignedCredential> credentials) {

    /** The {@code type} field of the signed map, which keeps the pack's signature from meaning anything else. */
    public static final String TYPE = "gridside/commissioning-pack/1";
    private static final Set<String> FIELDS = Set.of("type", "siteId", "operatorKeyId", "operatorKey", "issuedAt",
            "notAfter", "tariffFiles", "credentials");
    private static final Set<String> CREDENTIAL_FIELDS = Set.of("credential", "signature");

    public CommissioningPack {
        if (siteId == null || siteId.isBlank()) {
            throw new IllegalArgumentException("its siteId must not be empty");
        }
        if (operatorKeyId == null || operatorKeyId.isBlank()) {
            throw new IllegalArgumentException("its operatorKeyId must not be empty");
        }
        if (operatorKey == null || operatorKey.size() != Ed25519.KEY_SIZE) {
            throw new IllegalArgumentException("its operatorKey is a raw Ed25519 key of " + Ed25519.KEY_SIZE
                    + " bytes");
        }
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(notAfter, "notAfter");
        if (!issuedAt.isBefore(notAfter)) {
            throw new IllegalArgumentException("its issuedAt must come before its notAfter");
        }
        tariffFiles = List.copyOf(tariffFiles);
        credentials = List.copyOf(credentials);
    }

    /** The operator key the pack names, as a gateway trusts it. */
    public OperatorKey operator() {
        return new OperatorKey(operatorKeyId, operatorKey);
    }

    /** The pack as the map that is signed: instants as ISO 8601 text in UTC, credentials as their signed bytes. */
    public Map<String, Object> toCbor() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", TYPE);
        map.put("siteId", siteId);
        map.put("operatorKeyId", operatorKeyId);
        map.put("operatorKey", operatorKey);
        map.put("issuedAt", issuedAt.toString());
        map.put("notAfter", notAfter.toString());
        map.put("tariffFiles", tariffFiles);
        List<Object> signed = new ArrayList<>();
        for (SignedCredential credential : credentials) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("credential", credential.signed());
            item.put("signature", credential.signature());
            signed.add(item);
        }
        map.put("credentials", signed);
        return map;
    }

    /** The deterministic CBOR that the operator signs. */
    public byte[] encode() {
        return DeterministicCbor.encode(toCbor());
    }

    /**
     * Reads a pack from its signed bytes; the signatures in it are not checked here.
     *
     * @throws IllegalArgumentException naming what is wrong, when the bytes are not a pack in deterministic CBOR
     *     with every field of the right type and none unknown
     */
    public static CommissioningPack decode(byte[] cbor) {
        Map<?, ?> map = SignedFields.read(cbor, "a commissioning pack", TYPE, FIELDS);
        List<String> tariffs = new ArrayList<>();
        for (Object item : list(map, "tariffFiles")) {
            if (!(item instanceof String text)) {
                throw new IllegalArgumentException("its field tariffFiles holds something other than text");
            }
            tariffs.add(text);
        }
        List<SignedCredential> credentials = new ArrayList<>();
        for (Object item : list(map, "credentials")) {
            if (!(item instanceof Map<?, ?> entry) || !CREDENTIAL_FIELDS.equals(entry.keySet())) {
                throw new IllegalArgumentException("its credentials are maps of a credential and its signature");
            }
            credentials.add(SignedCredential.of(bytes(entry, "credential"), bytes(entry, "signature")));
        }
        return new CommissioningPack(text(map, "siteId"), text(map, "operatorKeyId"), bytes(map, "operatorKey"),
                instant(map, "issuedAt"), instant(map, "notAfter"), tariffs, credentials);
    }

    private static List<?> list(Map<?, ?> map, String field) {
        if (!(map.get(field) instanceof List<?> list)) {
            throw new IllegalArgumentException("its field " + field + " is missing or not an array");
        }
        return list;
    }
}

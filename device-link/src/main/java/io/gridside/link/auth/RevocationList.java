package io.gridside.link.auth;

import static io.gridside.link.auth.SignedFields.instant;
import static io.gridside.link.auth.SignedFields.text;

import io.gridside.site.cbor.ByteString;
import io.gridside.site.cbor.DeterministicCbor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An operator's list of the credentials its gateways must no longer accept: technicians by id, and technicians'
 * keys, such as the key on a laptop that was lost. A newer list replaces an older one whole, by its serial. Its
 * deterministic CBOR ({@link #encode}) is what the operator signs; see {@link SignedRevocationList}.
 *
 * @param operatorKeyId the id of the operator key that signs it
 * @param serial the list's place among its operator's lists, counted from 1: a gateway keeps the highest
 * @param issuedAt when the operator signed it
 * @param technicianIds the revoked technicians' ids, in text order, each once
 * @param technicianKeys the revoked raw Ed25519 public keys of technicians, in the order of their bytes, each once
 */
public record RevocationList(String operatorKeyId, long serial, Instant issuedAt, List<String> technicianIds,
        List<ByteString> technicianKeys) {

    /** The {@code type} field of the signed map, which keeps the list's signature from meaning anything else. */
    public static final String TYPE = "gridside/revocation-list/1";
    /**
     * The most entries, ids and keys together, that one list holds, so that it fits one link message. KNOWN
     * SHORTCOMING: an operator with more revocations outstanding must let old credentials expire first; sending a
     * list in pieces, as firmware is, would lift the bound.
     */
    public static final int MAX_ENTRIES = 400;
    private static final Set<String> FIELDS = Set.of("type", "operatorKeyId", "serial", "issuedAt",
            "technicianIds", "technicianKeys");
    private static final Comparator<ByteString> BY_BYTES = Comparator.comparing(ByteString::hex);

    public RevocationList {
        if (operatorKeyId == null || operatorKeyId.isBlank()) {
            throw new IllegalArgumentException("its operatorKeyId must not be empty");
        }
        if (serial < 1) {
            throw new IllegalArgumentException("its serial is counted from 1, not " + serial);
        }
        Objects.requireNonNull(issuedAt, "issuedAt");
        technicianIds = technicianIds.stream().distinct().sorted().toList();
        technicianIds.forEach(id -> {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("its technicianIds must not hold an empty id");
            }
        });
        technicianKeys = technicianKeys.stream().distinct().sorted(BY_BYTES).toList();
        technicianKeys.forEach(key -> {
            if (key.size() != Ed25519.KEY_SIZE) {
                throw new IllegalArgumentException("its technicianKeys hold raw Ed25519 keys of " + Ed25519.KEY_SIZE
                        + " bytes, not " + key.size());
            }
        });
        if (technicianIds.size() + technicianKeys.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("it holds " + (technicianIds.size() + technicianKeys.size())
                    + " entries, more than the " + MAX_ENTRIES + " one list may hold");
        }
    }

    /**
     * Whether the list revokes {@code credential}: its holder's id is listed, or the key it names is. A list
     * applies only to credentials of its own operator key.
     */
    public boolean revokes(TechnicianCredential credential) {
        if (!credential.operatorKeyId().equals(operatorKeyId)) {
            return false;
        }
        return technicianIds.contains(credential.technicianId())
                || credential.hasTechnicianKey() && technicianKeys.contains(credential.technicianKey());
    }

    /** What the list revokes of {@code credential}, for a sentence: "its technician id T-0042"; empty when nothing. */
    public String reason(TechnicianCredential credential) {
        if (!revokes(credential)) {
            return "";
        }
        return technicianIds.contains(credential.technicianId())
                ? "its technician id " + credential.technicianId()
                : "its technician key " + Ed25519.fingerprint(credential.technicianKey());
    }

    /** The list as the map that is signed: the instant as ISO 8601 text in UTC, keys as byte strings. */
    public Map<String, Object> toCbor() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", TYPE);
        map.put("operatorKeyId", operatorKeyId);
        map.put("serial", serial);
        map.put("issuedAt", issuedAt.toString());
        map.put("technicianIds", technicianIds);
        map.put("technicianKeys", technicianKeys);
        return map;
    }

    /** The deterministic CBOR that the operator signs. */
    public byte[] encode() {
        return DeterministicCbor.encode(toCbor());
    }

    /**
     * Reads a list from its signed bytes.
     *
     * @throws IllegalArgumentException naming what is wrong, when the bytes are not a revocation list in
     *     deterministic CBOR with every field of the right type, none unknown, and its entries in order, each once
     */
    public static RevocationList decode(byte[] cbor) {
        Map<?, ?> map = SignedFields.read(cbor, "a revocation list", TYPE, FIELDS);
        if (!(map.get("serial") instanceof Long serial)) {
            throw new IllegalArgumentException("its field serial is missing or not an integer");
        }
        List<String> ids = items(map, "technicianIds", String.class);
        List<ByteString> keys = items(map, "technicianKeys", ByteString.class);
        RevocationList list = new RevocationList(text(map, "operatorKeyId"), serial, instant(map, "issuedAt"), ids,
                keys);
        if (!list.technicianIds().equals(ids) || !list.technicianKeys().equals(keys)) {
            throw new IllegalArgumentException("its entries are not in order, each once, so its bytes are not the "
                    + "one encoding of the list");
        }
        return list;
    }

    private static <T> List<T> items(Map<?, ?> map, String field, Class<T> type) {
        if (!(map.get(field) instanceof List<?> list)) {
            throw new IllegalArgumentException("its field " + field + " is missing or not an array");
        }
        List<T> items = new ArrayList<>();
        for (Object item : list) {
            if (!type.isInstance(item)) {
                throw new IllegalArgumentException("its field " + field + " holds something other than "
                        + (type == String.class ? "text" : "byte strings"));
            }
            items.add(type.cast(item));
        }
        return items;
    }
}

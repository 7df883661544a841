package io.gridside.link.auth;

import static io.gridside.link.auth.SignedFields.instant;
import static io.gridside.link.auth.SignedFields.text;

import io.gridside.site.cbor.ByteString;
import io.gridside.site.cbor.DeterministicCbor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What an operator vouches for when it signs a technician's credential: who the holder is, their role, the
 * sites and the time window it is good for, and the limits on what they may do offline. Its deterministic CBOR
 * ({@link #encode}) is what the operator signs; see {@link SignedCredential}.
 *
 * @param sites the site ids the credential covers, or {@link #ALL_SITES} alone
 * @param notBefore the first instant it is valid, by the gateway's clock
 * @param notAfter the first instant it is no longer valid, by the gateway's clock
 * @param limits named limits in integer units, such as {@code maxOfflineCashCreditMinor}
 * @param operatorKeyId the id of the operator key that signs it
 * @param technicianKey the raw Ed25519 public key of the holder, whose private half signs the commands that move
 *     money; null in a credential of the first version, which may read but not move money
 */
public record TechnicianCredential(String technicianId, String name, Role role, List<String> sites,
        Instant notBefore, Instant notAfter, Map<String, Long> limits, String operatorKeyId,
        ByteString technicianKey) {

    /** The site scope that covers every site of the operator. */
    public static final String ALL_SITES = "*";
    /** The limit on the cash, in minor units of a site's currency, that the holder may credit offline. */
    public static final String CASH_LIMIT = "maxOfflineCashCreditMinor";
    /** The {@code type} field of the signed map, which keeps a credential's signature from meaning anything else. */
    public static final String TYPE = "gridside/technician-credential/1";
    /** The {@code type} of a credential that names its holder's key: the only kind that may move money. */
    public static final String TYPE_KEYED = "gridside/technician-credential/2";
    private static final Set<String> FIELDS = Set.of("type", "technicianId", "name", "role", "sites", "notBefore",
            "notAfter", "limits", "operatorKeyId");
    private static final Set<String> FIELDS_KEYED = Set.of("type", "technicianId", "name", "role", "sites",
            "notBefore", "notAfter", "limits", "operatorKeyId", "technicianKey");

    public TechnicianCredential {
        requireText("technicianId", technicianId);
        requireText("name", name);
        Objects.requireNonNull(role, "role");
        sites = List.copyOf(sites);
        if (sites.isEmpty() || sites.contains(ALL_SITES) && sites.size() > 1) {
            throw new IllegalArgumentException("A credential covers one or more site ids, or \"*\" alone.");
        }
        sites.forEach(site -> requireText("site id", site));
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        if (!notBefore.isBefore(notAfter)) {
            throw new IllegalArgumentException("A credential's notBefore must come before its notAfter.");
        }
        limits = new TreeMap<>(limits);
        limits.forEach((limit, value) -> {
            requireText("limit name", limit);
            if (value == null || value < 0) {
                throw new IllegalArgumentException("The limit " + limit + " must be a whole number of 0 or more.");
            }
        });
        limits = Collections.unmodifiableMap(limits);
        requireText("operatorKeyId", operatorKeyId);
        if (technicianKey != null && technicianKey.size() != Ed25519.KEY_SIZE) {
            throw new IllegalArgumentException("A credential's technicianKey is a raw Ed25519 key of "
                    + Ed25519.KEY_SIZE + " bytes, not " + technicianKey.size() + ".");
        }
    }

    /** A credential of the first version, which names no key of its holder: good for reading only. */
    public TechnicianCredential(String technicianId, String name, Role role, List<String> sites, Instant notBefore,
            Instant notAfter, Map<String, Long> limits, String operatorKeyId) {
        this(technicianId, name, role, sites, notBefore, notAfter, limits, operatorKeyId, null);
    }

    /** The same credential naming {@code key} as its holder's. */
    public TechnicianCredential withTechnicianKey(ByteString key) {
        return new TechnicianCredential(technicianId, name, role, sites, notBefore, notAfter, limits,
                operatorKeyId, key);
    }

    /** Whether the credential names its holder's key, without which no command that moves money is taken. */
    public boolean hasTechnicianKey() {
        return technicianKey != null;
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A credential's " + field + " must not be empty.");
        }
    }

    /** Whether the credential lets its holder into {@code siteId}. */
    public boolean covers(String siteId) {
        return sites.equals(List.of(ALL_SITES)) || sites.contains(siteId);
    }

    /** Whether {@code clock} falls in [notBefore, notAfter). */
    public boolean validAt(Instant clock) {
        return !clock.isBefore(notBefore) && clock.isBefore(notAfter);
    }

    /** The credential as the map that is signed: instants as ISO 8601 text in UTC, the role by its name. */
    public Map<String, Object> toCbor() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", hasTechnicianKey() ? TYPE_KEYED : TYPE);
        map.put("technicianId", technicianId);
        map.put("name", name);
        map.put("role", role.wireName());
        map.put("sites", sites);
        map.put("notBefore", notBefore.toString());
        map.put("notAfter", notAfter.toString());
        map.put("limits", new LinkedHashMap<String, Object>(limits));
        map.put("operatorKeyId", operatorKeyId);
        if (hasTechnicianKey()) {
            map.put("technicianKey", technicianKey);
        }
        return map;
    }

    /** The deterministic CBOR that the operator signs. */
    public byte[] encode() {
        return DeterministicCbor.encode(toCbor());
    }

    /**
     * Reads a credential from its signed bytes.
     *
     * @throws IllegalArgumentException naming what is wrong, when the bytes are not a credential in
     *     deterministic CBOR with every field of the right type and none unknown
     */
    public static TechnicianCredential decode(byte[] cbor) {
        boolean keyed = TYPE_KEYED.equals(SignedFields.type(cbor));
        Map<?, ?> map = keyed ? SignedFields.read(cbor, "a credential", TYPE_KEYED, FIELDS_KEYED)
                : SignedFields.read(cbor, "a credential", TYPE, FIELDS);
        return fromMap(map, keyed ? SignedFields.bytes(map, "technicianKey") : null);
    }

    private static TechnicianCredential fromMap(Map<?, ?> map, ByteString technicianKey) {
        return new TechnicianCredential(text(map, "technicianId"), text(map, "name"),
                Role.ofWireName(text(map, "role")), texts(map, "sites"), instant(map, "notBefore"),
                instant(map, "notAfter"), limits(map), text(map, "operatorKeyId"), technicianKey);
    }

    private static List<String> texts(Map<?, ?> map, String field) {
        if (!(map.get(field) instanceof List<?> list)) {
            throw new IllegalArgumentException("its field " + field + " is missing or not an array");
        }
        List<String> texts = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String text)) {
                throw new IllegalArgumentException("its field " + field + " holds something other than text");
            }
            texts.add(text);
        }
        return texts;
    }

    private static Map<String, Long> limits(Map<?, ?> map) {
        if (!(map.get("limits") instanceof Map<?, ?> limits)) {
            throw new IllegalArgumentException("its field limits is missing or not a map");
        }
        Map<String, Long> values = new TreeMap<>();
        limits.forEach((name, value) -> {
            if (!(name instanceof String text) || !(value instanceof Long number)) {
                throw new IllegalArgumentException("its limits must map names to integers");
            }
            values.put(text, number);
        });
        return values;
    }
}

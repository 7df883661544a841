package io.gridside.link.auth;

import io.gridside.site.cbor.ByteString;
import io.gridside.site.cbor.CborException;
import io.gridside.site.cbor.DeterministicCbor;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/**
 * Strict reading of a structure an operator signs: deterministic CBOR of a map whose {@code type} names what it
 * is, with no field this version does not know, each field of its own type. Every refusal names what is wrong.
 */
final class SignedFields {

    private SignedFields() {
    }

    /**
     * Decodes {@code cbor} as a map of {@code type} holding only {@code fields}.
     *
     * @param what the structure, as a refusal names it: "a credential"
     */
    static Map<?, ?> read(byte[] cbor, String what, String type, Set<String> fields) {
        Object decoded;
        try {
            decoded = DeterministicCbor.decode(cbor);
        } catch (CborException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (!(decoded instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(what + " is a CBOR map");
        }
        if (!type.equals(map.get("type"))) {
            throw new IllegalArgumentException("its type is not " + type);
        }
        for (Object key : map.keySet()) {
            if (!fields.contains(key)) {
                throw new IllegalArgumentException("it carries the field " + key + ", which this version does not "
                        + "know");
            }
        }
        return map;
    }

    /** The {@code type} field of a signed map, or null when the bytes are no map or it has none. */
    static Object type(byte[] cbor) {
        try {
            return DeterministicCbor.decode(cbor) instanceof Map<?, ?> map ? map.get("type") : null;
        } catch (CborException e) {
            return null;
        }
    }

    static String text(Map<?, ?> map, String field) {
        if (!(map.get(field) instanceof String text)) {
            throw new IllegalArgumentException("its field " + field + " is missing or not text");
        }
        return text;
    }

    static ByteString bytes(Map<?, ?> map, String field) {
        if (!(map.get(field) instanceof ByteString bytes)) {
            throw new IllegalArgumentException("its field " + field + " is missing or not a byte string");
        }
        return bytes;
    }

    /** An instant written as {@link Instant#toString()} writes it, and no other way, so the signed bytes are one. */
    static Instant instant(Map<?, ?> map, String field) {
        String text = text(map, field);
        Instant instant;
        try {
            instant = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("its field " + field + " is not an instant in ISO 8601 in UTC", e);
        }
        if (!instant.toString().equals(text)) {
            throw new IllegalArgumentException("its field " + field + " is not written as " + instant);
        }
        return instant;
    }
}

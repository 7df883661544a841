package io.gridside.link.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridside.site.RefusedFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;

/**
 * A gateway key replacement file: UTF-8 JSON that carries the signed record, its signature and the operator's
 * public key in base64, and the same record spelled out for people to read.
 *
 * <pre>
 * {
 *   "format" : "gridside-gateway-key-replacement/1",
 *   "record" : "base64 of the deterministic CBOR the operator signed",
 *   "signature" : "base64 of the 64-byte Ed25519 signature",
 *   "operatorKey" : "base64 of the operator's 32-byte public key",
 *   "details" : { "siteId" : "site-42", "gatewayId" : "GW-9F8E7D", "gatewayKey" : "SHA256:...", ... }
 * }
 * </pre>
 *
 * <p>Only {@code record}, {@code signature} and {@code operatorKey} count; {@code details} must say the same as
 * the record does, so that a file edited by hand is refused when it is loaded. A field this version does not
 * know is refused too, since it might be meant to restrict the record.
 */
public final class KeyReplacementFile {

    public static final String FORMAT = "gridside-gateway-key-replacement/1";
    private static final Set<String> FIELDS = Set.of("format", "record", "signature", "operatorKey", "details");

    private KeyReplacementFile() {
    }

    /**
     * @throws IOException naming the file and what is wrong with it, when it cannot be read as a key replacement
     *     record
     */
    public static SignedKeyReplacement read(Path file) throws IOException {
        return fromJson(JsonFiles.read(file, FORMAT, "gateway key replacement"), file.toString());
    }

    /** Writes a new record file; an existing file is not replaced. */
    public static void write(Path file, SignedKeyReplacement record) throws IOException {
        JsonFiles.write(file, toJson(record), false, false);
    }

    /** The record as its file holds it, for keeping it beside the pin it made. */
    public static ObjectNode toJson(SignedKeyReplacement record) throws IOException {
        ObjectNode root = JsonFiles.object(FORMAT);
        root.put("record", record.signed().base64());
        root.put("signature", record.signature().base64());
        root.put("operatorKey", record.operatorKey().publicKey().base64());
        root.set("details", details(record.replacement()));
        return root;
    }

    /**
     * Reads a record from the JSON object a file holds.
     *
     * @param origin where the object came from, to name it in errors
     * @throws IOException naming the field that is wrong
     */
    public static SignedKeyReplacement fromJson(JsonNode root, String origin) throws IOException {
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new RefusedFileException("file.format", "The file " + origin + " is not a gateway key replacement "
                    + "file (its format is not " + FORMAT + ").", null, origin, FORMAT);
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new RefusedFileException("record.unknownField", "The gateway key replacement file " + origin
                        + " carries the field " + name + ", which this version does not know; ask the operator for "
                        + "a new file.", null, origin, name);
            }
        }
        SignedKeyReplacement record;
        try {
            record = SignedKeyReplacement.of(JsonFiles.base64(root, "record", origin),
                    JsonFiles.base64(root, "signature", origin), JsonFiles.base64(root, "operatorKey", origin));
        } catch (IllegalArgumentException e) {
            throw new RefusedFileException("record.damaged", "The gateway key replacement record in " + origin
                    + " is damaged: " + e.getMessage() + ".", e, origin);
        }
        JsonNode details = root.get("details");
        if (details != null && !details.equals(details(record.replacement()))) {
            throw new RefusedFileException("record.altered", "The details in the gateway key replacement file "
                    + origin + " were changed and no longer say what the operator signed; ask the operator for a new "
                    + "file.", null, origin);
        }
        return record;
    }

    /** The record as the file spells it out, read back as JSON so that it compares as it parses. */
    private static JsonNode details(GatewayKeyReplacement replacement) throws IOException {
        ObjectNode details = JsonFiles.JSON.createObjectNode();
        details.put("siteId", replacement.siteId());
        details.put("gatewayId", replacement.gatewayId());
        details.put("gatewayKey", replacement.gatewayKeyFingerprint());
        details.put("replaces", replacement.replacedFingerprint());
        details.put("issuedAt", replacement.issuedAt().toString());
        details.put("notAfter", replacement.notAfter().toString());
        details.put("reason", replacement.reason());
        details.put("operatorKeyId", replacement.operatorKeyId());
        return JsonFiles.JSON.readTree(JsonFiles.JSON.writeValueAsString(details));
    }
}

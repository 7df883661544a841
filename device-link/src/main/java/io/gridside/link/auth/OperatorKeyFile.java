package io.gridside.link.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;

/**
 * An operator key file: UTF-8 JSON with the key's id and its raw Ed25519 public key in base64, and, in the
 * operator's own copy only, the 32-byte private seed.
 *
 * <pre>
 * {
 *   "format" : "gridside-operator-key/1",
 *   "keyId" : "kisima-ops-2026",
 *   "publicKey" : "base64 of 32 bytes",
 *   "privateKey" : "base64 of 32 bytes; only in the signing copy"
 * }
 * </pre>
 */
public final class OperatorKeyFile {

    public static final String FORMAT = "gridside-operator-key/1";

    private OperatorKeyFile() {
    }

    /** Reads the public key, from either copy. */
    public static OperatorKey readPublic(Path file) throws IOException {
        return publicKey(JsonFiles.read(file, FORMAT, "operator key"), file.toString());
    }

    /**
     * Reads the signing copy.
     *
     * @throws IOException when the file has no private key, or one that does not match its public key
     */
    public static OperatorSigningKey readSigning(Path file) throws IOException {
        return signingKey(JsonFiles.read(file, FORMAT, "operator key"), file.toString());
    }

    /**
     * Reads a signing copy from its text.
     *
     * @param origin where the text came from, to name it in errors
     */
    public static OperatorSigningKey parseSigning(String json, String origin) throws IOException {
        return signingKey(JsonFiles.parse(json, origin, FORMAT, "operator key"), origin);
    }

    private static OperatorKey publicKey(JsonNode root, String origin) throws IOException {
        try {
            return new OperatorKey(JsonFiles.text(root, "keyId", origin),
                    JsonFiles.base64(root, "publicKey", origin));
        } catch (IllegalArgumentException e) {
            throw new IOException("The operator key in " + origin + " is not usable: " + e.getMessage(), e);
        }
    }

    private static OperatorSigningKey signingKey(JsonNode root, String origin) throws IOException {
        OperatorKey publicKey = publicKey(root, origin);
        if (!root.has("privateKey")) {
            throw new IOException("The operator key file " + origin + " holds only the public key; signing takes "
                    + "the operator's private key file.");
        }
        SigningKey key;
        try {
            key = SigningKey.fromSeed(JsonFiles.base64(root, "privateKey", origin));
        } catch (IllegalArgumentException e) {
            throw new IOException("The private key in " + origin + " is not usable: " + e.getMessage(), e);
        }
        if (!key.publicKey().equals(publicKey.publicKey())) {
            throw new IOException("The private and public keys in " + origin + " do not belong together.");
        }
        return new OperatorSigningKey(publicKey.keyId(), key);
    }

    /** Writes the operator's signing copy, readable by its owner only; an existing file is not replaced. */
    public static void writeSigning(Path file, OperatorSigningKey key) throws IOException {
        ObjectNode root = publicPart(key.publicKey());
        root.put("privateKey", key.key().seed().base64());
        JsonFiles.write(file, root, true, false);
    }

    /** Writes the public copy, for gateways to trust; an existing file is not replaced. */
    public static void writePublic(Path file, OperatorKey key) throws IOException {
        JsonFiles.write(file, publicPart(key), false, false);
    }

    private static ObjectNode publicPart(OperatorKey key) {
        ObjectNode root = JsonFiles.object(FORMAT);
        root.put("keyId", key.keyId());
        root.put("publicKey", key.publicKey().base64());
        return root;
    }
}

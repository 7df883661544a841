package io.gridside.link.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridside.site.RefusedFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A technician's private key file, kept next to their credential file and readable by its owner only: UTF-8
 * JSON with the raw Ed25519 public key and the 32-byte private seed in base64. The credential names the public
 * key; the private one signs the commands that move money (see {@link TechnicianCommand}).
 *
 * <pre>
 * {
 *   "format" : "gridside-technician-key/1",
 *   "technicianId" : "T-0042",
 *   "publicKey" : "base64 of 32 bytes",
 *   "privateKey" : "base64 of 32 bytes"
 * }
 * </pre>
 *
 * <p>The file of credential {@code amina.json} is {@code amina.key.json} in the same folder.
 */
public final class TechnicianKeyFile {

    public static final String FORMAT = "gridside-technician-key/1";

    private TechnicianKeyFile() {
    }

    /** Where the private key of the credential file {@code credentialFile} is kept. */
    public static Path nextTo(Path credentialFile) {
        String name = credentialFile.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return credentialFile.resolveSibling(stem + ".key.json");
    }

    /** Writes the private key, readable by its owner only; an existing file is not replaced. */
    public static void write(Path file, String technicianId, SigningKey key) throws IOException {
        ObjectNode root = JsonFiles.object(FORMAT);
        root.put("technicianId", technicianId);
        root.put("publicKey", key.publicKey().base64());
        root.put("privateKey", key.seed().base64());
        JsonFiles.write(file, root, true, false);
    }

    /**
     * The private key kept next to {@code credentialFile} for {@code credential}, or empty when the credential
     * names no key or no key file lies next to it: the session may then read but not move money.
     *
     * @throws IOException when the key file cannot be read, or holds another key than the credential names
     */
    public static Optional<SigningKey> readFor(Path credentialFile, SignedCredential credential) throws IOException {
        Path file = nextTo(credentialFile);
        if (!credential.credential().hasTechnicianKey() || !Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode root = JsonFiles.read(file, FORMAT, "technician key");
        SigningKey key;
        try {
            key = SigningKey.fromSeed(JsonFiles.base64(root, "privateKey", file));
        } catch (IllegalArgumentException e) {
            throw new RefusedFileException("key.unusable", "The private key in " + file + " is not usable: "
                    + e.getMessage(), e, file);
        }
        if (!key.publicKey().equals(credential.credential().technicianKey())) {
            throw new RefusedFileException("key.notTheCredentials", "The key in " + file + " is not the one the "
                    + "credential of " + credential.technicianId() + " names; keep each credential with its own key "
                    + "file.", null, file, credential.technicianId());
        }
        return Optional.of(key);
    }
}

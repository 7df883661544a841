package io.gridside.link.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridside.site.RefusedFileException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A technician's credential file: UTF-8 JSON that carries the signed bytes and the signature in base64, and
 * the same credential spelled out for people to read.
 *
 * <pre>
 * {
 *   "format" : "gridside-credential/1",
 *   "credential" : "base64 of the deterministic CBOR the operator signed",
 *   "signature" : "base64 of the 64-byte Ed25519 signature",
 *   "details" : { "technicianId" : "T-0042", "role" : "technician", ... }
 * }
 * </pre>
 *
 * <p>Only {@code credential} and {@code signature} count; {@code details} must say the same as they do, so
 * that a file edited by hand is refused here, when it is loaded, and not later by the gateway.
 */
public final class CredentialFile {

    public static final String FORMAT = "gridside-credential/1";

    private CredentialFile() {
    }

    /**
     * @throws IOException naming the file and what is wrong with it, when it cannot be read as a credential
     */
    public static SignedCredential read(Path file) throws IOException {
        JsonNode root = JsonFiles.read(file, FORMAT, "credential");
        SignedCredential credential;
        try {
            credential = SignedCredential.of(JsonFiles.base64(root, "credential", file),
                    JsonFiles.base64(root, "signature", file));
        } catch (IllegalArgumentException e) {
            throw new RefusedFileException("credential.damaged", "The credential in " + file + " is damaged: "
                    + e.getMessage() + ".", e, file);
        }
        JsonNode details = root.get("details");
        if (details != null && !details.equals(details(credential.credential()))) {
            throw new RefusedFileException("credential.altered", "The details in the credential file " + file
                    + " were changed and no longer say what the operator signed; ask your supervisor for a new file.",
                    null, file);
        }
        return credential;
    }

    /** Writes a new credential file; an existing file is not replaced. */
    public static void write(Path file, SignedCredential credential) throws IOException {
        ObjectNode root = JsonFiles.object(FORMAT);
        root.put("credential", credential.signed().base64());
        root.put("signature", credential.signature().base64());
        root.set("details", details(credential.credential()));
        JsonFiles.write(file, root, false, false);
    }

    /** The credential as the file spells it out, read back as JSON so that numbers compare as they parse. */
    private static JsonNode details(TechnicianCredential credential) throws IOException {
        ObjectNode details = JsonFiles.JSON.createObjectNode();
        details.put("technicianId", credential.technicianId());
        details.put("name", credential.name());
        details.put("role", credential.role().wireName());
        credential.sites().forEach(details.putArray("sites")::add);
        details.put("notBefore", credential.notBefore().toString());
        details.put("notAfter", credential.notAfter().toString());
        ObjectNode limits = details.putObject("limits");
        credential.limits().forEach(limits::put);
        details.put("operatorKeyId", credential.operatorKeyId());
        if (credential.hasTechnicianKey()) {
            details.put("technicianKey", credential.technicianKey().base64());
        }
        return JsonFiles.JSON.readTree(JsonFiles.JSON.writeValueAsString(details));
    }
}

package io.gridside.link.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridside.site.RefusedFileException;
import io.gridside.site.cbor.ByteString;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A commissioning pack file, which a technician carries to a new site: UTF-8 JSON that carries the signed bytes
 * and the signature in base64, and what the pack is for spelled out for people to read.
 *
 * <pre>
 * {
 *   "format" : "gridside-commissioning-pack/1",
 *   "pack" : "base64 of the deterministic CBOR the operator signed",
 *   "signature" : "base64 of the 64-byte Ed25519 signature",
 *   "details" : { "siteId" : "site-7", "operatorKeyId" : "op-2026", "notAfter" : "...", ... }
 * }
 * </pre>
 *
 * <p>Only {@code pack} and {@code signature} count; the gateway checks them. {@code details} is for reading.
 */
public final class CommissioningPackFile {

    public static final String FORMAT = "gridside-commissioning-pack/1";

    private CommissioningPackFile() {
    }

    /**
     * Reads a pack file; its signature is not checked here, the gateway checks it.
     *
     * @throws IOException naming the file and what is wrong with it, when it cannot be read as a pack
     */
    public static SignedCommissioningPack read(Path file) throws IOException {
        JsonNode root = JsonFiles.read(file, FORMAT, "commissioning pack");
        JsonNode signature = root.get("signature");
        try {
            return SignedCommissioningPack.of(JsonFiles.base64(root, "pack", file),
                    signature == null || signature.asText().isEmpty()
                            ? ByteString.of(new byte[0]) : JsonFiles.base64(root, "signature", file));
        } catch (IllegalArgumentException e) {
            throw new RefusedFileException("pack.damaged", "The commissioning pack in " + file + " is damaged: "
                    + e.getMessage() + ".", e, file);
        }
    }

    /** Writes a new pack file; an existing file is not replaced. */
    public static void write(Path file, SignedCommissioningPack signed) throws IOException {
        ObjectNode root = JsonFiles.object(FORMAT);
        root.put("pack", signed.signed().base64());
        root.put("signature", signed.signature().base64());
        CommissioningPack pack = signed.pack();
        ObjectNode details = root.putObject("details");
        details.put("siteId", pack.siteId());
        details.put("operatorKeyId", pack.operatorKeyId());
        details.put("issuedAt", pack.issuedAt().toString());
        details.put("notAfter", pack.notAfter().toString());
        details.put("tariffFiles", pack.tariffFiles().size());
        pack.credentials().forEach(credential -> details.withArray("technicians").add(credential.technicianId()));
        JsonFiles.write(file, root, false, false);
    }
}

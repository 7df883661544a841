package io.gridside.site.commission;

import io.gridside.site.cbor.ByteString;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A commissioning report as kept in the site store and sent to the cloud: its signed bytes, the signature, and the
 * public key that made it, named by the technician it belongs to.
 *
 * @param reportId      {@code report-} and the first 16 hex digits of the SHA-256 of the signed bytes
 * @param siteId        the site it reports on
 * @param technicianId  who signed it
 * @param technicianKey the raw 32-byte Ed25519 public key of the technician's credential
 * @param signed        the report's deterministic CBOR ({@link CommissionReport#encode})
 * @param signature     the 64-byte Ed25519 signature of {@code signed}
 * @param signedAt      when it was signed
 */
public record SignedReport(String reportId, String siteId, String technicianId, ByteString technicianKey,
        ByteString signed, ByteString signature, Instant signedAt) {

    public SignedReport {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(technicianId, "technicianId");
        Objects.requireNonNull(technicianKey, "technicianKey");
        Objects.requireNonNull(signed, "signed");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(signedAt, "signedAt");
        if (!reportId.equals(idOf(signed.toByteArray()))) {
            throw new IllegalArgumentException("A report's id is made from its signed bytes: " + reportId);
        }
    }

    /** The id of the report whose signed bytes are {@code signed}. */
    public static String idOf(byte[] signed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(signed);
            return "report-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime has no SHA-256.", e);
        }
    }
}

package io.gridside.console.service.commission;

import io.gridside.link.auth.Ed25519;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.auth.TechnicianCommand;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.commission.CommissionReport;
import io.gridside.site.commission.SignedReport;
import java.time.Instant;

/**
 * Signs a commissioning report with the technician's credential key, as a command that moves money is signed, and
 * checks a kept report's signature: the signed bytes are the report's deterministic CBOR, so the cloud or another
 * console checks the same bytes the technician signed.
 */
public final class ReportSigning {

    private ReportSigning() {
    }

    /**
     * {@code report} signed by {@code key}, the private half of {@code credential}'s technician key.
     *
     * @throws IllegalArgumentException when the key is not the one the credential names, or the credential is not
     *     the report's technician's
     */
    public static SignedReport sign(CommissionReport report, SignedCredential credential, SigningKey key,
            Instant at) {
        if (!credential.technicianId().equals(report.technicianId())) {
            throw new IllegalArgumentException("The report is made out to technician " + report.technicianId()
                    + ", and the credential is " + credential.technicianId() + "'s.");
        }
        if (!credential.credential().hasTechnicianKey()
                || !credential.credential().technicianKey().equals(key.publicKey())) {
            throw new IllegalArgumentException("The key given is not the one credential " + credential.technicianId()
                    + " names; use the key file kept next to the credential file.");
        }
        byte[] signed = report.encode();
        return new SignedReport(SignedReport.idOf(signed), report.siteId(), report.technicianId(), key.publicKey(),
                ByteString.of(signed), key.sign(signed), at);
    }

    /** Whether {@code report}'s signature is its technician key's signature of its bytes. */
    public static boolean verify(SignedReport report) {
        return Ed25519.verify(report.technicianKey(), report.signed().toByteArray(), report.signature());
    }

    /** Whether {@code report} was signed by the key {@code credential} names, and the signature holds. */
    public static boolean signedBy(SignedReport report, SignedCredential credential) {
        return credential.technicianId().equals(report.technicianId())
                && TechnicianCommand.signedBy(credential.credential(), report.signed(), report.signature());
    }
}

package io.gridside.console.service.commission;

import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SigningKey;
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
        throw new UnsupportedOperationException("not yet");
    }

    /** Whether {@code report}'s signature is its technician key's signature of its bytes. */
    public static boolean verify(SignedReport report) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Whether {@code report} was signed by the key {@code credential} names, and the signature holds. */
    public static boolean signedBy(SignedReport report, SignedCredential credential) {
        throw new UnsupportedOperationException("not yet");
    }
}

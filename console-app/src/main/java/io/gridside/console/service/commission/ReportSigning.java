package io.gridside.console.service.commission;

import io.gridside.link.auth.Ed25519;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.auth.TechnicianCommand;
import io.gridside.site.InvalidValueException;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.cbor.DeterministicCbor;
import io.gridside.site.commission.CommissionReport;
import io.gridside.site.commission.SignedReport;
import io.gridside.site.store.CommissionRecords;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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
            throw new InvalidValueException("report.technician", "The report is made out to technician "
                    + report.technicianId() + ", and the credential is " + credential.technicianId() + "'s.",
                    report.technicianId(), credential.technicianId());
        }
        if (!credential.credential().hasTechnicianKey()
                || !credential.credential().technicianKey().equals(key.publicKey())) {
            throw new InvalidValueException("report.key", "The key given is not the one credential "
                    + credential.technicianId() + " names; use the key file kept next to the credential file.",
                    credential.technicianId());
        }
        byte[] signed = report.encode();
        return new SignedReport(SignedReport.idOf(signed), report.siteId(), report.technicianId(), key.publicKey(),
                ByteString.of(signed), key.sign(signed), at);
    }

    /**
     * The kept report that says the same as the report {@code build} makes now: one of {@code kept} whose bytes are
     * those of the report built with its own time. A report made again after nothing changed is then kept and
     * queued for the cloud once, not once a run; a report whose bytes were altered is never the same.
     *
     * @param build makes the report of the day as it stands, created at the time given
     * @param kept  the reports kept, the latest first
     */
    public static Optional<SignedReport> sameAsKept(Function<Instant, CommissionReport> build,
            List<SignedReport> kept) {
        for (SignedReport report : kept) {
            Optional<Instant> created = createdAt(report);
            if (created.isPresent() && Arrays.equals(build.apply(created.get()).encode(),
                    report.signed().toByteArray())) {
                return Optional.of(report);
            }
        }
        return Optional.empty();
    }

    /**
     * The reports {@code records} keeps whose bytes still give their id and whose signature holds, the latest
     * first: an altered one is left out here, for verify-report to name, so that making the day's report neither
     * stops at it nor shows it as the report kept.
     */
    public static List<SignedReport> intactReports(CommissionRecords records) {
        List<SignedReport> intact = new ArrayList<>();
        for (String id : records.reportIds()) {
            try {
                records.report(id).filter(ReportSigning::verify).ifPresent(intact::add);
            } catch (IllegalArgumentException e) {
                // Altered after signing: never the same as a report made now, and verify-report lists it.
            }
        }
        return intact;
    }

    /** When the report in {@code report}'s signed bytes says it was made; empty when they do not say. */
    private static Optional<Instant> createdAt(SignedReport report) {
        try {
            Object decoded = DeterministicCbor.decode(report.signed().toByteArray());
            if (decoded instanceof Map<?, ?> map && map.get("createdAt") instanceof String text) {
                return Optional.of(Instant.parse(text));
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
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

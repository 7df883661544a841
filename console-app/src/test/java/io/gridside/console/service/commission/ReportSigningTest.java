package io.gridside.console.service.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SigningKey;
import io.gridside.sim.DemoOperator;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.commission.CommissionReport;
import io.gridside.site.commission.SignedReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A report signed with the key its technician's credential names, and checked again by that key. */
class ReportSigningTest {

    static final Instant AT = Instant.parse("2026-12-01T16:00:00Z");
    static final SignedCredential TECHNICIAN = DemoOperator.issue("tech-1", "Technician", Role.TECHNICIAN,
            List.of("ke-kisumu-07"), AT.minus(Duration.ofDays(1)), Duration.ofDays(30), Map.of());

    @Test
    void signsTheReportsBytesSoThatItsKeyAndItsCredentialCheckThem() {
        CommissionReport report = report("tech-1");

        SignedReport signed = ReportSigning.sign(report, TECHNICIAN, DemoOperator.holderKey(), AT);

        assertThat(signed.signed().toByteArray()).isEqualTo(report.encode());
        assertThat(signed.reportId()).isEqualTo(SignedReport.idOf(report.encode()));
        assertThat(signed.technicianKey()).isEqualTo(DemoOperator.holderKey().publicKey());
        assertThat(ReportSigning.verify(signed)).isTrue();
        assertThat(ReportSigning.signedBy(signed, TECHNICIAN)).isTrue();
    }

    @Test
    void aChangedByteOrSignatureDoesNotHold() {
        SignedReport signed = ReportSigning.sign(report("tech-1"), TECHNICIAN, DemoOperator.holderKey(), AT);
        byte[] signature = signed.signature().toByteArray();
        signature[0] ^= 1;

        SignedReport forged = new SignedReport(signed.reportId(), signed.siteId(), signed.technicianId(),
                signed.technicianKey(), signed.signed(), ByteString.of(signature), signed.signedAt());

        assertThat(ReportSigning.verify(forged)).isFalse();
        assertThat(ReportSigning.signedBy(forged, TECHNICIAN)).isFalse();
    }

    @Test
    void aReportSignedByAnotherKeyHoldsForThatKeyButNotForTheCredential() {
        SigningKey other = SigningKey.generate();
        CommissionReport report = report("tech-1");
        byte[] bytes = report.encode();
        SignedReport signed = new SignedReport(SignedReport.idOf(bytes), report.siteId(), "tech-1",
                other.publicKey(), ByteString.of(bytes), other.sign(bytes), AT);

        assertThat(ReportSigning.verify(signed)).isTrue();
        assertThat(ReportSigning.signedBy(signed, TECHNICIAN)).isFalse();
    }

    @Test
    void refusesAKeyTheCredentialDoesNotNameAndAnotherTechniciansReport() {
        assertThatThrownBy(() -> ReportSigning.sign(report("tech-1"), TECHNICIAN, SigningKey.generate(), AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key file");
        assertThatThrownBy(() -> ReportSigning.sign(report("tech-2"), TECHNICIAN, DemoOperator.holderKey(), AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tech-2");
    }

    @Test
    void findsTheKeptReportThatSaysWhatTheDaySaysNowWhateverItsTime() {
        SignedReport kept = ReportSigning.sign(report("tech-1"), TECHNICIAN, DemoOperator.holderKey(), AT);
        CommissionReport other = new CommissionReport("ke-kisumu-07", "Kisumu Seven", "Lakeside Power", "KES",
                "GW-1", "tech-1", AT, List.of(), List.of(), null);

        assertThat(ReportSigning.sameAsKept(at -> report("tech-1", at), List.of(kept))).contains(kept);
        assertThat(ReportSigning.sameAsKept(at -> other, List.of(kept))).isEmpty();
        assertThat(ReportSigning.sameAsKept(at -> report("tech-1", at), List.of())).isEmpty();
    }

    static CommissionReport report(String technician, Instant createdAt) {
        return new CommissionReport("ke-kisumu-07", "Kisumu Seven", "Lakeside Power", "KES", "GW-1", technician,
                createdAt, List.of(), List.of("GS000000015"), null);
    }

    static CommissionReport report(String technician) {
        return new CommissionReport("ke-kisumu-07", "Kisumu Seven", "Lakeside Power", "KES", "GW-1", technician, AT,
                List.of(), List.of("GS000000015"), null);
    }
}

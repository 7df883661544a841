package io.gridside.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gridside.console.service.commission.ReportSigning;
import io.gridside.link.auth.CredentialFile;
import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.auth.TechnicianKeyFile;
import io.gridside.sim.DemoOperator;
import io.gridside.site.WordedRefusal;
import io.gridside.site.commission.CommissionReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks of a signed record the technician hands the console (a credential, its key file, a commissioning
 * report to sign) refuse it in the technician's language on screen, and in English in the message the command line
 * and the log read.
 */
class SignedRecordRefusalsInTheLanguageTest {

    private static final Instant AT = Instant.parse("2026-12-01T16:00:00Z");
    private static final SignedCredential TECHNICIAN = DemoOperator.issue("tech-1", "Technician", Role.TECHNICIAN,
            List.of("ke-kisumu-07"), AT.minus(Duration.ofDays(1)), Duration.ofDays(30), Map.of());

    @TempDir
    Path dir;

    @AfterEach
    void backToEnglish() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void aCredentialFileWhoseDetailsWereChangedIsRefusedInFrench() throws IOException {
        Path file = dir.resolve("tech-1.credential.json");
        CredentialFile.write(file, TECHNICIAN);
        Files.writeString(file, Files.readString(file).replace("\"Technician\"", "\"Supervisor\""));

        Throwable refused = catchThrowable(() -> CredentialFile.read(file));
        I18n.use(Locale.FRENCH);

        assertThat(refused).isInstanceOf(IOException.class).isInstanceOf(WordedRefusal.class)
                .hasMessageContaining("were changed");
        assertThat(Failures.describe(refused)).startsWith("Les détails du fichier d'accréditation " + file)
                .contains("l'opérateur a signé").doesNotContain("were changed");
    }

    @Test
    void aDamagedCredentialAndAFileOfAnotherFormatAreRefusedInFrench() throws IOException {
        Path damaged = dir.resolve("damaged.credential.json");
        CredentialFile.write(damaged, TECHNICIAN);
        Files.writeString(damaged, Files.readString(damaged).replaceFirst("\"credential\" : \"[^\"]+\"",
                "\"credential\" : \"AAAA\""));
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"format\": \"gridside-tariff/1\"}");

        Throwable broken = catchThrowable(() -> CredentialFile.read(damaged));
        Throwable wrongKind = catchThrowable(() -> CredentialFile.read(other));
        I18n.use(Locale.FRENCH);

        assertThat(broken).hasMessageContaining("is damaged");
        assertThat(Failures.describe(broken)).isEqualTo("L'accréditation dans " + damaged
                + " est endommagée ; demandez un nouveau fichier à votre superviseur.");
        assertThat(Failures.describe(wrongKind)).startsWith("Le fichier " + other + " n'est pas le genre de fichier")
                .endsWith("son format n'est pas gridside-credential/1.");
    }

    @Test
    void aKeyFileOfAnotherKeyIsRefusedInPortuguese() throws IOException {
        Path credential = dir.resolve("tech-1.credential.json");
        CredentialFile.write(credential, TECHNICIAN);
        TechnicianKeyFile.write(TechnicianKeyFile.nextTo(credential), "tech-1", SigningKey.generate());

        Throwable refused = catchThrowable(() -> TechnicianKeyFile.readFor(credential, TECHNICIAN));
        I18n.use(Locale.forLanguageTag("pt"));

        assertThat(refused).hasMessageContaining("is not the one the credential of tech-1 names");
        assertThat(Failures.describe(refused)).startsWith("A chave em ").contains("credencial de tech-1")
                .doesNotContain("credential of");
    }

    @Test
    void aCommissioningReportSignedWithTheWrongKeyOrForAnotherTechnicianIsRefusedInFrench() {
        Throwable wrongKey = catchThrowable(() -> ReportSigning.sign(report("tech-1"), TECHNICIAN,
                SigningKey.generate(), AT));
        Throwable otherTechnician = catchThrowable(() -> ReportSigning.sign(report("tech-2"), TECHNICIAN,
                DemoOperator.holderKey(), AT));
        I18n.use(Locale.FRENCH);

        assertThat(wrongKey).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key file");
        assertThat(Failures.words(wrongKey)).startsWith("La clé donnée n'est pas celle que nomme l'accréditation "
                + "tech-1");
        assertThat(Failures.describe(otherTechnician)).isEqualTo("Le rapport est établi au nom du technicien tech-2, "
                + "et l'accréditation est celle de tech-1.");
    }

    private static CommissionReport report(String technician) {
        return new CommissionReport("ke-kisumu-07", "Kisumu Seven", "Lakeside Power", "KES", "GW-1", technician, AT,
                List.of(), List.of("GS000000015"), null);
    }
}

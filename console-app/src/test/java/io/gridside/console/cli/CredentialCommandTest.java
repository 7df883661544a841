package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.auth.CredentialFile;
import io.gridside.link.auth.OperatorKeyFile;
import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedCredential;
import io.gridside.sim.DemoOperator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialCommandTest {

    @TempDir
    Path dir;

    @Test
    void issuesADemoCredentialOnlyWhenAskedForByName() throws IOException {
        Path file = dir.resolve("amina.json");

        CommandRun run = CommandRun.of("credential", "issue", "--technician", "T-0042", "--name", "Amina Wanjiru",
                "--role", "supervisor", "--days", "30", "--demo", "--out", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        SignedCredential credential = CredentialFile.read(file);
        assertThat(credential.credential().technicianId()).isEqualTo("T-0042");
        assertThat(credential.role()).isEqualTo(Role.SUPERVISOR);
        assertThat(credential.credential().sites()).containsExactly("*");
        assertThat(Duration.between(credential.credential().notBefore(), credential.credential().notAfter()))
                .isEqualTo(Duration.ofDays(30));
        assertThat(credential.signedBy(DemoOperator.publicKey())).isTrue();
        assertThat(run.out()).contains("supervisor credential for T-0042", "every site", "only simulated sites");
    }

    @Test
    void refusesToIssueWithoutAnOperatorKeyOrDemo() {
        CommandRun run = CommandRun.of("credential", "issue", "--technician", "T-1", "--role", "technician",
                "--out", dir.resolve("t.json").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--operator-key", "--demo");
        assertThat(dir.resolve("t.json")).doesNotExist();
    }

    @Test
    void issuesWithAnOperatorsOwnKeyForNamedSitesWithLimits() throws IOException {
        Path key = dir.resolve("operator.key.json");
        Path publicKey = dir.resolve("operator.pub.json");
        Path file = dir.resolve("juma.json");
        assertThat(CommandRun.of("credential", "operator-key", "--key-id", "kisima-ops-2026", "--out",
                key.toString(), "--public-out", publicKey.toString()).exitCode()).isZero();

        CommandRun run = CommandRun.of("credential", "issue", "--technician", "T-7", "--role", "technician",
                "--site", "site-42", "--site", "site-43", "--from", "2099-07-01T00:00:00Z", "--days", "7",
                "--limit", "maxOfflineCashCreditMinor=500000", "--operator-key", key.toString(), "--out",
                file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        SignedCredential credential = CredentialFile.read(file);
        assertThat(credential.credential().sites()).containsExactly("site-42", "site-43");
        assertThat(credential.credential().notBefore()).isEqualTo(Instant.parse("2099-07-01T00:00:00Z"));
        assertThat(credential.credential().limits()).isEqualTo(Map.of("maxOfflineCashCreditMinor", 500_000L));
        assertThat(credential.credential().operatorKeyId()).isEqualTo("kisima-ops-2026");
        assertThat(credential.signedBy(OperatorKeyFile.readPublic(publicKey))).isTrue();
        assertThat(credential.signedBy(DemoOperator.publicKey())).isFalse();
    }

    @Test
    void showsACredentialAndChecksItsSignatureAgainstAKey() throws IOException {
        Path file = dir.resolve("neema.json");
        CredentialFile.write(file, DemoOperator.signingKey().issue("T-9", "Neema", Role.TECHNICIAN,
                List.of("site-42"), Instant.parse("2026-06-01T00:00:00Z"), Duration.ofDays(10), Map.of()));
        Path demoPublic = dir.resolve("demo.pub.json");
        OperatorKeyFile.writePublic(demoPublic, DemoOperator.publicKey());
        Path other = dir.resolve("other.key.json");
        CommandRun.of("credential", "operator-key", "--key-id", "other", "--out", other.toString());

        CommandRun shown = CommandRun.of("credential", "show", file.toString(), "--operator-key",
                demoPublic.toString());
        CommandRun wrongKey = CommandRun.of("credential", "show", file.toString(), "--operator-key",
                other.toString());

        assertThat(shown.exitCode()).isZero();
        assertThat(shown.out()).contains("technician credential for T-9 (Neema)", "site site-42",
                "2026-06-11T00:00:00Z", "Signature: valid", "Offline cash: none");
        assertThat(wrongKey.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(wrongKey.out()).contains("NOT by operator key other");
    }

    @Test
    void neverOverwritesAnExistingCredentialFile() throws IOException {
        Path file = dir.resolve("exists.json");
        Files.writeString(file, "keep me");

        CommandRun run = CommandRun.of("credential", "issue", "--technician", "T-1", "--role", "technician",
                "--demo", "--out", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).singleElement().asString()
                .contains(file.toString(), "choose another path for --out").endsWith(" [FILE_EXISTS]")
                .doesNotContain("details in the log");
        assertThat(Files.readString(file)).isEqualTo("keep me");
    }

    @Test
    void aRoleThatIsNoneIsAUsageError() {
        CommandRun run = CommandRun.of("credential", "issue", "--technician", "T-1", "--role", "admin", "--demo",
                "--out", dir.resolve("x.json").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("technician or supervisor");
    }

    @Test
    void aSimulatedSiteCanTrustAnOperatorsKeyAndDropTheDemoOperator() throws IOException {
        Path key = dir.resolve("operator.key.json");
        CommandRun.of("credential", "operator-key", "--key-id", "kisima-ops-2026", "--out", key.toString());
        SimCommand sim = new SimCommand();
        sim.operatorKeys = List.of(key);
        sim.noDemoOperator = true;

        assertThat(sim.trusted().keys()).extracting(k -> k.keyId()).containsExactly("kisima-ops-2026");
    }
}

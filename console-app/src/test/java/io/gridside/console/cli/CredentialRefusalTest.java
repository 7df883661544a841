package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.auth.OperatorKeyFile;
import io.gridside.link.auth.OperatorSigningKey;
import io.gridside.link.auth.SigningKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The credential commands refuse mistakes in one plain line that says what to do and ends in one code, instead of
 * signing what no gateway would use or quoting a library's exception.
 */
class CredentialRefusalTest {

    private static final String CODE_AT_END = ".*[^\\]] \\[[A-Z_]+\\]";

    @TempDir
    Path dir;

    @Test
    void aLimitNoGatewayKnowsIsAUsageErrorNamingTheKnownOne() {
        CommandRun run = issue("--limit", "maxOfflineCashCredit=500");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(onlyLine(run)).contains("maxOfflineCashCredit ", "maxOfflineCashCreditMinor").endsWith("[USAGE]");
        assertThat(dir.resolve("t.json")).doesNotExist();
    }

    @Test
    void aLimitWithoutANameIsAUsageErrorInPlainWords() {
        CommandRun run = issue("--limit", "=500");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(onlyLine(run)).contains("--limit needs a name").doesNotContain("a limit's name");
    }

    @Test
    void aCredentialExpiredAtIssueIsRefused() {
        Instant from = Instant.now().minus(10, ChronoUnit.DAYS);

        CommandRun run = issue("--from", from.toString(), "--days", "5");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(onlyLine(run)).contains("expired", "--from", "--days").endsWith("[USAGE]");
        assertThat(dir.resolve("t.json")).doesNotExist();
    }

    @Test
    void anOutputFileInAFolderThatDoesNotExistIsRefusedAndNoFolderIsMade() {
        Path missing = dir.resolve("no-such-folder");

        CommandRun run = issueTo(missing.resolve("t.json"));

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(onlyLine(run)).contains(missing.toString(), "does not exist").endsWith("[USAGE]");
        assertThat(missing).doesNotExist();
    }

    @Test
    void showingAMissingFileSaysItIsMissing() {
        CommandRun run = CommandRun.of("credential", "show", dir.resolve("missing.json").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(onlyLine(run)).contains("missing.json does not exist").endsWith(" [CREDENTIAL_UNREADABLE]")
                .doesNotContain("details in the log");
    }

    @Test
    void aFileOfRandomBytesIsNoCredentialToShowOrConnectWith() throws IOException {
        Path noise = dir.resolve("noise.json");
        Files.write(noise, new byte[] {(byte) 0xc3, 0x28, (byte) 0xff, (byte) 0xfe, 0x00, (byte) 0x80});

        CommandRun shown = CommandRun.of("credential", "show", noise.toString());
        CommandRun connect = CommandRun.of("connect", "--tcp", "127.0.0.1:9", "--credential", noise.toString(),
                "status");

        for (CommandRun run : List.of(shown, connect)) {
            assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(onlyLine(run)).contains("noise.json is not a Gridside credential file", "not UTF-8 JSON")
                    .endsWith(" [CREDENTIAL_UNREADABLE]").doesNotContain("Input length");
        }
    }

    @Test
    void aFolderGivenAsTheCredentialIsNamedInTheLine() {
        CommandRun shown = CommandRun.of("credential", "show", dir.toString());
        CommandRun connect = CommandRun.of("connect", "--tcp", "127.0.0.1:9", "--credential", dir.toString(),
                "status");

        for (CommandRun run : List.of(shown, connect)) {
            assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(onlyLine(run)).contains("The credential file " + dir + " is a folder")
                    .endsWith(" [CREDENTIAL_UNREADABLE]").doesNotContain("Is a directory");
        }
    }

    @Test
    void aTopUpWithoutTheCredentialsKeyFileIsRefusedBeforeAnyGatewayIsReached() throws IOException {
        Path credential = dir.resolve("t.json");
        assertThat(issueTo(credential).exitCode()).isZero();
        Files.delete(io.gridside.link.auth.TechnicianKeyFile.nextTo(credential));

        // Nothing listens on the discard port: a command that tried the gateway would end unreachable (exit 3).
        CommandRun run = CommandRun.of("connect", "--tcp", "127.0.0.1:9", "--credential", credential.toString(),
                "topup", "--customer", "C-1", "--amount", "10", "--reference", "CASH-1");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.USAGE);
        assertThat(onlyLine(run)).contains("Crediting cash moves money", "no key file at " + dir.resolve("t.key.json"),
                "nothing was sent").doesNotContain("CashTopUp").endsWith(" [CREDENTIAL_KEY_MISSING]");
        CommandRun voiding = CommandRun.of("connect", "--tcp", "127.0.0.1:9", "--credential", credential.toString(),
                "void", "--receipt", "AB12CD-0001", "--reason", "typed twice");
        CommandRun movingIn = CommandRun.of("connect", "--tcp", "127.0.0.1:9", "--credential", credential.toString(),
                "move-in", "--meter", "M-1", "--customer", "C-2", "--name", "New customer");
        assertThat(onlyLine(voiding)).contains("Voiding a receipt moves money").endsWith(" [CREDENTIAL_KEY_MISSING]");
        assertThat(onlyLine(movingIn)).contains("Moving a customer in moves money")
                .endsWith(" [CREDENTIAL_KEY_MISSING]");
    }

    @Test
    void aPublicKeyFileCannotSignAKeyReplacementRecordAndTheLineSaysSigning() throws IOException {
        Path publicKey = dir.resolve("operator.pub.json");
        OperatorKeyFile.writePublic(publicKey, new OperatorSigningKey("ops", SigningKey.generate()).publicKey());

        CommandRun run = CommandRun.of("credential", "replace-key", "--operator-key", publicKey.toString(), "--site",
                "site-6", "--gateway", "GW-1", "--new-key", "11".repeat(32), "--replaces", "SHA256:" + "ab".repeat(32),
                "--reason", "replaced", "--out", dir.resolve("record.json").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(onlyLine(run)).contains("only the public key", "private key file")
                .doesNotContain("credentials are issued").endsWith(" [OPERATOR_KEY_UNREADABLE]");
    }

    @Test
    void aFileOfAnotherKindIsNamedWithItsArticle() throws IOException {
        Path credential = dir.resolve("t.json");
        assertThat(issueTo(credential).exitCode()).isZero();

        CommandRun run = CommandRun.of("credential", "issue", "--technician", "T-1", "--role", "technician",
                "--operator-key", credential.toString(), "--out", dir.resolve("u.json").toString());

        assertThat(onlyLine(run)).contains("is not an operator key file").doesNotContain("a operator");
    }

    @Test
    void valuesOfTheWrongTypeGetPlainLinesWithTheUsageCode() {
        List<CommandRun> runs = List.of(
                CommandRun.of("connect", "--tcp", "127.0.0.1:9", "--timeout", "abc", "status"),
                issue("--days", "x"),
                issue("--from", "garbage"),
                issue("--limit", "abc"),
                issue("--limit", "maxOfflineCashCreditMinor=lots"),
                CommandRun.of("connect", "--tcp", "127.0.0.1:9"),
                CommandRun.of("credential"));

        for (CommandRun run : runs) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.USAGE);
            assertThat(onlyLine(run)).endsWith(" [USAGE]").doesNotContain("is not a double", "is not an int",
                    "is not a long", "class java", "Exception", "option option", "Missing required subcommand");
        }
        assertThat(onlyLine(runs.get(0))).contains("--timeout takes a number", "'abc'");
        assertThat(onlyLine(runs.get(2))).contains("--from takes an instant in UTC", "'garbage'");
        assertThat(onlyLine(runs.get(3))).contains("--limit takes NAME=VALUE");
        assertThat(onlyLine(runs.get(5))).contains("status", "topup");
    }

    private static String onlyLine(CommandRun run) {
        assertThat(run.errLines()).as(run.err()).hasSize(1);
        assertThat(run.errLines()[0]).matches(CODE_AT_END);
        return run.errLines()[0];
    }

    private CommandRun issue(String... more) {
        List<String> args = new ArrayList<>(List.of("credential", "issue", "--technician", "T-1", "--role",
                "technician", "--demo", "--out", dir.resolve("t.json").toString()));
        args.addAll(Arrays.asList(more));
        return CommandRun.of(args.toArray(String[]::new));
    }

    private CommandRun issueTo(Path out) {
        return CommandRun.of("credential", "issue", "--technician", "T-1", "--role", "technician", "--demo", "--out",
                out.toString());
    }
}

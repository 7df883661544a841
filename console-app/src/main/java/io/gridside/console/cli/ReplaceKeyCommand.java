package io.gridside.console.cli;

import io.gridside.link.auth.Ed25519;
import io.gridside.link.auth.GatewayKeyReplacement;
import io.gridside.link.auth.KeyReplacementFile;
import io.gridside.link.auth.OperatorSigningKey;
import io.gridside.link.auth.SignedKeyReplacement;
import io.gridside.sim.DemoOperator;
import io.gridside.site.cbor.ByteString;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridside credential replace-key}: signs a record that a site's gateway now holds a new identity key,
 * which lets any technician of the operator re-pin the site with {@code gridside connect ... --repin-record}.
 */
@Command(name = "replace-key", mixinStandardHelpOptions = true,
        description = {"Signs a record that a site's gateway now holds a new identity key, and writes it to a file.",
            "A console whose credential the same operator key signed re-pins the site with it: "
                + "gridside connect ... --repin-record FILE."})
final class ReplaceKeyCommand implements Callable<Integer> {

    private static final int MAX_DAYS = 90;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--site", paramLabel = "SITE-ID", required = true, description = "The site whose key changed.")
    String siteId;

    @Option(names = "--gateway", paramLabel = "ID", required = true,
            description = "The id of the gateway that holds the new key, as its hello names it.")
    String gatewayId;

    @Option(names = "--new-key", paramLabel = "KEY", required = true,
            description = "The gateway's new Ed25519 public key: 32 bytes in base64 or in hex.")
    String newKey;

    @Option(names = "--replaces", paramLabel = "FINGERPRINT", required = true,
            description = "The fingerprint of the key it replaces, as the console shows it (SHA256:...).")
    String replaces;

    @Option(names = "--reason", paramLabel = "TEXT", required = true,
            description = "Why the key changed, such as \"gateway replaced after lightning damage\".")
    String reason;

    @Option(names = "--days", paramLabel = "D", defaultValue = "7",
            description = "How many days it is valid, by the laptop's clock (default: ${DEFAULT-VALUE}, at most 90).")
    int days;

    @Option(names = "--from", paramLabel = "INSTANT",
            description = "When it becomes valid, in UTC such as 2026-07-01T00:00:00Z (default: now).")
    Instant from;

    @ArgGroup(exclusive = true, multiplicity = "1")
    IssueCredentialCommand.Signer signer;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "The record file to write; an existing file is not replaced.")
    Path out;

    @Override
    public Integer call() throws IOException {
        CommandFiles.requireNew(out, "--out");
        OperatorSigningKey key = signer.demo ? DemoOperator.signingKey() : CommandFiles.signingKey(signer.operatorKey);
        SignedKeyReplacement record = key.sign(replacement(key.keyId()));
        CommandFiles.written(out, "--out", () -> KeyReplacementFile.write(out, record));
        PrintWriter stdout = command.commandLine().getOut();
        stdout.println(summary(record.replacement()));
        stdout.println("Written to " + out + ".");
        if (signer.demo) {
            stdout.println("Signed with the demo operator's key, which is public: for simulated sites only.");
        }
        return ExitCode.OK;
    }

    private GatewayKeyReplacement replacement(String keyId) {
        if (days < 1 || days > MAX_DAYS) {
            throw new UsageException("--days must be from 1 to " + MAX_DAYS + ", was " + days + ".");
        }
        Instant start = (from != null ? from : Instant.now()).truncatedTo(ChronoUnit.SECONDS);
        try {
            return new GatewayKeyReplacement(siteId, gatewayId, publicKey(), Ed25519.parseFingerprint(replaces),
                    start, start.plus(Duration.ofDays(days)), reason, keyId);
        } catch (IllegalArgumentException e) {
            throw new UsageException("The record cannot be signed: " + e.getMessage(), e);
        }
    }

    private ByteString publicKey() {
        String text = newKey.strip();
        ByteString key;
        try {
            key = text.matches("[0-9a-fA-F]{64}") ? ByteString.fromHex(text) : ByteString.fromBase64(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--new-key must be the key's 32 bytes in base64 or in hex.", e);
        }
        if (key.size() != Ed25519.KEY_SIZE) {
            throw new UsageException("--new-key must be 32 bytes, is " + key.size() + ".");
        }
        return key;
    }

    /** One sentence on which site's key the record replaces with which, until when, and who signed it. */
    static String summary(GatewayKeyReplacement record) {
        return String.format("A key replacement record for site %s: gateway %s now holds key %s in place of %s, "
                + "valid from %s until %s (UTC), signed by operator key %s; reason: %s.", record.siteId(),
                record.gatewayId(), record.gatewayKeyFingerprint(), record.replacedFingerprint(), record.issuedAt(),
                record.notAfter(), record.operatorKeyId(), record.reason());
    }
}

package io.gridside.console.cli;

import io.gridside.link.auth.CredentialFile;
import io.gridside.link.auth.OperatorSigningKey;
import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.auth.TechnicianKeyFile;
import io.gridside.link.auth.TechnicianCredential;
import io.gridside.sim.DemoOperator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridside credential issue}: signs a technician's credential with an operator key. The demo operator's
 * key is used only when {@code --demo} says so, and its credentials open simulated sites only.
 */
@Command(name = "issue", mixinStandardHelpOptions = true,
        description = {"Signs a technician's credential with an operator's key and writes it to a file.",
            "Give the operator's private key file with --operator-key, or --demo for the demo operator, whose "
                + "credentials only simulated sites accept."})
final class IssueCredentialCommand implements Callable<Integer> {

    /** The limits a gateway enforces; a credential carries no other. */
    static final List<String> KNOWN_LIMITS = List.of(TechnicianCredential.CASH_LIMIT);

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--technician", paramLabel = "ID", required = true, description = "The technician's id.")
    String technicianId;

    @Option(names = "--name", paramLabel = "NAME", description = "The technician's name (default: the id).")
    String name;

    @Option(names = "--role", paramLabel = "ROLE", required = true, description = "technician or supervisor.")
    String role;

    @Option(names = "--site", paramLabel = "SITE-ID",
            description = "A site the credential covers; repeat for more (default: every site, \"*\").")
    List<String> sites;

    @Option(names = "--days", paramLabel = "D", defaultValue = "30",
            description = "How many days it is valid (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--from", paramLabel = "INSTANT",
            description = "When it becomes valid, in UTC such as 2026-07-01T00:00:00Z (default: now).")
    Instant from;

    @Option(names = "--limit", paramLabel = "NAME=VALUE",
            description = "A limit as NAME=INTEGER; the one gateways know is maxOfflineCashCreditMinor, the cash the "
                + "holder may credit offline in the currency's minor units (500000 is KES 5,000.00), such as "
                + "maxOfflineCashCreditMinor=500000.")
    Map<String, Long> limits;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Signer signer;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "The credential file to write, in a folder that exists; an existing file is not replaced.")
    Path out;

    /** Exactly one key signs: the operator's own, or the demo operator's when asked for by name. */
    static final class Signer {

        @Option(names = "--operator-key", paramLabel = "FILE", required = true,
                description = "The operator's private key file (see credential operator-key).")
        Path operatorKey;

        @Option(names = "--demo", required = true,
                description = "Sign with the demo operator's key, which is public: for simulated sites only.")
        boolean demo;
    }

    @Override
    public Integer call() throws IOException {
        CommandFiles.requireNew(out, "--out");
        Path keyFile = TechnicianKeyFile.nextTo(out);
        CommandFiles.requireNew(keyFile, "--out");
        OperatorSigningKey key = signingKey();
        SigningKey holder = SigningKey.generate();
        SignedCredential credential = key.sign(credential(key.keyId(), Instant.now())
                .withTechnicianKey(holder.publicKey()));
        CommandFiles.written(keyFile, "--out", () -> TechnicianKeyFile.write(keyFile, technicianId, holder));
        CommandFiles.written(out, "--out", () -> CredentialFile.write(out, credential));
        PrintWriter stdout = command.commandLine().getOut();
        stdout.println(ShowCredentialCommand.summary(credential.credential()));
        stdout.println("Written to " + out + ", with the holder's private key in " + keyFile + " (readable by this "
                + "user only): give both to the technician, and keep no copy of the key.");
        if (signer.demo) {
            stdout.println("Signed with the demo operator's key: only simulated sites accept it.");
        }
        return ExitCode.OK;
    }

    private OperatorSigningKey signingKey() {
        if (signer.demo) {
            return DemoOperator.signingKey();
        }
        return CommandFiles.signingKey(signer.operatorKey);
    }

    private TechnicianCredential credential(String keyId, Instant now) {
        if (days < 1 || days > 3660) {
            throw new UsageException("--days must be from 1 to 3660, was " + days + ".");
        }
        checkLimits();
        Instant start = (from != null ? from : now).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plus(Duration.ofDays(days));
        if (!end.isAfter(now)) {
            throw new UsageException("A credential valid from " + start + " for " + days + " days would have expired "
                    + "at " + end + ", before it is issued; give a later --from, or more --days.");
        }
        try {
            return new TechnicianCredential(technicianId, name != null ? name : technicianId,
                    Role.ofWireName(role), sites == null ? List.of(TechnicianCredential.ALL_SITES) : sites, start,
                    end, limits == null ? Map.of() : limits, keyId);
        } catch (IllegalArgumentException e) {
            throw new UsageException("The credential cannot be issued: " + e.getMessage(), e);
        }
    }

    /** Refuses a limit no gateway knows, which would otherwise be signed and then ignored without a word. */
    private void checkLimits() {
        for (String limit : limits == null ? List.<String>of() : limits.keySet()) {
            if (limit.isBlank()) {
                throw new UsageException("--limit needs a name before its '=', such as "
                        + TechnicianCredential.CASH_LIMIT + "=500000.");
            }
            if (!KNOWN_LIMITS.contains(limit)) {
                throw new UsageException("--limit " + limit + " is not a limit gateways know; the known limits are: "
                        + String.join(", ", KNOWN_LIMITS) + ".");
            }
        }
    }
}

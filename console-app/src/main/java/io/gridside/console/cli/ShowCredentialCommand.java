package io.gridside.console.cli;

import io.gridside.link.auth.Ed25519;
import io.gridside.link.auth.OperatorKey;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.TechnicianCredential;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gridside credential show}: what a credential file says, and whether an operator key signed it. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Prints what a credential file says.",
            "With --operator-key, also checks that the operator's key signed it."})
final class ShowCredentialCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Parameters(paramLabel = "FILE", description = "The credential file.")
    Path file;

    @Option(names = "--operator-key", paramLabel = "FILE",
            description = "An operator key file (public or private) to check the signature with.")
    Path operatorKey;

    @Override
    public Integer call() {
        SignedCredential credential = CommandFiles.credential(file);
        PrintWriter out = command.commandLine().getOut();
        out.println(summary(credential.credential()));
        if (credential.credential().limits().isEmpty()) {
            out.println("No limits.");
        } else {
            credential.credential().limits().forEach((limit, value) -> out.println("Limit " + limit + " = " + value));
        }
        out.println(cashSentence(credential.credential()));
        out.println(keySentence(credential.credential()));
        if (operatorKey == null) {
            out.println("Signature not checked here; the gateway checks it against the operator keys it trusts.");
            return ExitCode.OK;
        }
        OperatorKey key = CommandFiles.operatorKey(operatorKey);
        if (credential.signedBy(key)) {
            out.println("Signature: valid, by operator key " + key.keyId() + " (" + key.fingerprint() + ").");
            return ExitCode.OK;
        }
        out.println("Signature: NOT by operator key " + key.keyId() + "; a gateway that trusts only that key "
                + "refuses this credential.");
        return ExitCode.FAILED;
    }

    /** Whether the credential names its holder's key, without which it may read a site but not move money. */
    static String keySentence(TechnicianCredential credential) {
        if (!credential.hasTechnicianKey()) {
            return "Technician key: none; this credential may read a site but not move money (a gateway refuses "
                    + "with COMMAND_KEYLESS_CREDENTIAL). Ask your supervisor for a new credential.";
        }
        return "Technician key: " + Ed25519.fingerprint(credential.technicianKey()) + "; it signs every request "
                + "that moves money, from the key file next to the credential.";
    }

    /** What the credential lets its holder credit in cash, as the gateway counts it. */
    static String cashSentence(TechnicianCredential credential) {
        Long limit = credential.limits().get(TechnicianCredential.CASH_LIMIT);
        if (limit == null) {
            return "Offline cash: none; without " + TechnicianCredential.CASH_LIMIT
                    + " a gateway refuses every cash top-up.";
        }
        return "Offline cash: at most " + limit + " minor units of the site's currency in all, over the credential's "
                + "life, counted by each gateway ('connect ... topup' shows what is left).";
    }

    /** One sentence on who the credential is for, where and when, and who signed it. */
    static String summary(TechnicianCredential credential) {
        String sites = credential.sites().equals(java.util.List.of(TechnicianCredential.ALL_SITES))
                ? "every site" : "site " + String.join(", ", credential.sites());
        return String.format("A %s credential for %s (%s), for %s, valid from %s until %s (UTC), "
                + "signed by operator key %s.", credential.role(), credential.technicianId(), credential.name(),
                sites, credential.notBefore(), credential.notAfter(), credential.operatorKeyId());
    }
}

package io.gridside.console.cli;

import io.gridside.link.auth.OperatorKeyFile;
import io.gridside.link.auth.OperatorSigningKey;
import io.gridside.link.auth.SigningKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gridside credential operator-key}: makes a new operator key pair. */
@Command(name = "operator-key", mixinStandardHelpOptions = true,
        description = {"Makes a new operator key: a private file that issues credentials, kept in the operator's "
            + "office, and a public file that gateways trust."})
final class OperatorKeyCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--key-id", paramLabel = "ID", required = true,
            description = "The id credentials name the key by, such as kisima-ops-2026.")
    String keyId;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "The private key file to write, readable by its owner only.")
    Path out;

    @Option(names = "--public-out", paramLabel = "FILE", description = "Also write the public key file here.")
    Path publicOut;

    @Override
    public Integer call() throws IOException {
        CommandFiles.requireNew(out, "--out");
        if (publicOut != null) {
            CommandFiles.requireNew(publicOut, "--public-out");
        }
        OperatorSigningKey key = new OperatorSigningKey(keyId, SigningKey.generate());
        CommandFiles.written(out, "--out", () -> OperatorKeyFile.writeSigning(out, key));
        if (publicOut != null) {
            CommandFiles.written(publicOut, "--public-out",
                    () -> OperatorKeyFile.writePublic(publicOut, key.publicKey()));
        }
        PrintWriter stdout = command.commandLine().getOut();
        stdout.println("Operator key " + keyId + " (" + key.publicKey().fingerprint() + ") written to " + out
                + (publicOut != null ? ", its public key to " + publicOut : "") + ".");
        return ExitCode.OK;
    }
}

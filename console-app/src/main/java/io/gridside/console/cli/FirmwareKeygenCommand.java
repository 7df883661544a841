package io.gridside.console.cli;

import io.gridside.link.auth.SigningKey;
import io.gridside.link.firmware.FirmwareKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gridside firmware keygen}: makes a new firmware key pair, to sign images with. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = {"Makes a new firmware key: a private file that signs images, kept where images are made, "
            + "and a public file that consoles and gateways trust (NAME.pub.json beside it unless --public-out)."})
final class FirmwareKeygenCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--out", paramLabel = "KEYFILE", required = true,
            description = "The private key file to write, readable by its owner only.")
    Path out;

    @Option(names = "--public-out", paramLabel = "FILE", description = "Where to write the public key file.")
    Path publicOut;

    @Override
    public Integer call() throws IOException {
        Path publicFile = publicOut != null ? publicOut : publicBeside(out);
        CommandFiles.requireNew(out, "--out");
        CommandFiles.requireNew(publicFile, "--public-out");
        if (publicFile.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
            throw new UsageException("--public-out names the private key file; choose another path.");
        }

        SigningKey key = SigningKey.generate();
        CommandFiles.written(out, "--out", () -> FirmwareKeys.writeSigningKey(out, key));
        CommandFiles.written(publicFile, "--public-out", () -> FirmwareKeys.writePublicKey(publicFile,
                key.publicKey()));

        command.commandLine().getOut().println("Firmware key " + key.fingerprint() + " written to " + out
                + " (keep it private: it signs images) and its public key to " + publicFile + " (give it to the "
                + "consoles and gateways that are to trust it).");
        return ExitCode.OK;
    }

    /** {@code maker.pub.json} beside {@code maker.key.json} or {@code maker.json}. */
    static Path publicBeside(Path keyFile) {
        String name = keyFile.getFileName().toString();
        String stem = name.endsWith(".key.json") ? name.substring(0, name.length() - ".key.json".length())
                : name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return keyFile.resolveSibling(stem + ".pub.json");
    }
}

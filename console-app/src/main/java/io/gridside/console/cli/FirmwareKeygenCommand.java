package io.gridside.console.cli;

import io.gridside.console.service.AppDirs;
import io.gridside.console.service.firmware.FirmwareTrust;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.firmware.FirmwareKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gridside firmware keygen}: makes a new firmware key pair, to sign images with. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = {"Makes a new firmware key: a private file that signs images, kept where images are made, "
            + "and a public file that consoles and gateways trust (NAME.pub.json beside it unless --public-out).",
            "A console trusts the public key files in its data folder's " + FirmwareTrust.DIRECTORY + " folder "
                + "(on Linux ~/.local/share/gridside/" + FirmwareTrust.DIRECTORY + ", or $GRIDSIDE_HOME/data/"
                + FirmwareTrust.DIRECTORY + "); the command prints the copy step."})
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

        Path trusted = AppDirs.forCurrentUser().data().resolve(FirmwareTrust.DIRECTORY);
        PrintWriter text = command.commandLine().getOut();
        text.println("Firmware key " + key.fingerprint() + " written to " + out + " (keep it private: it signs "
                + "images) and its public key to " + publicFile + ".");
        text.println("Consoles trust the public key files in their data folder's " + FirmwareTrust.DIRECTORY
                + " folder; on this computer that is " + trusted + ". To trust this key here:");
        text.println("  mkdir -p " + shell(trusted) + " && cp " + shell(publicFile) + " " + shell(trusted) + "/");
        text.println("Do the same on every console that pushes images signed with it; each gateway must be given "
                + "the public key too.");
        return ExitCode.OK;
    }

    /** A path as a shell takes it: quoted when it holds anything but plain characters. */
    static String shell(Path path) {
        String text = path.toString();
        return text.matches("[A-Za-z0-9_./:@%+=,-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }

    /** {@code maker.pub.json} beside {@code maker.key.json} or {@code maker.json}. */
    static Path publicBeside(Path keyFile) {
        String name = keyFile.getFileName().toString();
        String stem = name.endsWith(".key.json") ? name.substring(0, name.length() - ".key.json".length())
                : name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return keyFile.resolveSibling(stem + ".pub.json");
    }
}

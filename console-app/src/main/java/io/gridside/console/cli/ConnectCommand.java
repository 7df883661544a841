package io.gridside.console.cli;

import io.gridside.console.service.AppDirs;
import io.gridside.console.service.ConnectionTarget;
import io.gridside.console.service.Connector;
import io.gridside.console.service.GatewayPinFile;
import io.gridside.link.auth.CredentialFile;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gridside connect}: talks to one gateway over TCP or serial. */
@Command(name = "connect", mixinStandardHelpOptions = true,
        description = "Connects to a gateway and asks it something.",
        subcommands = {StatusCommand.class, MetersCommand.class, SetClockCommand.class})
final class ConnectCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Where where;

    @Option(names = "--credential", paramLabel = "FILE",
            description = "The technician's credential file (default: credential.json in the config folder).")
    Path credential;

    @Option(names = "--repin", description = {"Trust the key the gateway presents now in place of the key pinned "
            + "for its site, after checking that the gateway was replaced. Needs a supervisor's credential."})
    boolean repin;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long to wait for each answer of the gateway (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    /** Exactly one of the two ways to reach a gateway. */
    static final class Where {

        @Option(names = "--tcp", paramLabel = "HOST:PORT", required = true, description = "A gateway on the LAN.")
        String tcp;

        @Option(names = "--serial", paramLabel = "DEVICE", required = true,
                description = "A gateway on a serial port, such as /dev/ttyACM0.")
        String serial;
    }

    ConnectionTarget target() {
        return where.tcp != null ? ConnectionTarget.Tcp.parse(where.tcp) : new ConnectionTarget.Serial(where.serial);
    }

    /** Opens the session the subcommands use; the caller closes it. */
    GatewayClient open() throws LinkException {
        AppDirs dirs = AppDirs.forCurrentUser();
        SignedCredential technician = readCredential(dirs);
        if (!(timeoutSeconds > 0) || timeoutSeconds > 3600) {
            throw new IllegalArgumentException("--timeout must be above 0 and at most 3600 seconds.");
        }
        Connector connector = new Connector(GatewayPinFile.of(dirs), Duration.ofMillis((long) (timeoutSeconds * 1000)));
        return repin ? connector.repin(target(), technician) : connector.connect(target(), technician);
    }

    private SignedCredential readCredential(AppDirs dirs) {
        Path file = credential != null ? credential : dirs.defaultCredential();
        if (credential == null && !Files.exists(file)) {
            throw new IllegalArgumentException("No credential: give your credential file with --credential FILE, "
                    + "or put it at " + file + ".");
        }
        try {
            return CredentialFile.read(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("The credential file " + file + " does not exist.", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}

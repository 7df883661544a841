package io.gridside.console.cli;

import io.gridside.console.service.ConnectionTarget;
import io.gridside.console.service.Connector;
import io.gridside.link.client.Credential;
import io.gridside.link.client.GatewayClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gridside connect}: talks to one gateway over TCP or serial. */
@Command(name = "connect", mixinStandardHelpOptions = true,
        description = "Connects to a gateway and asks it something.",
        subcommands = {StatusCommand.class, MetersCommand.class})
final class ConnectCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Where where;

    @Option(names = "--credential", paramLabel = "FILE",
            description = "The technician's credential file (default: the demo credential).")
    Path credential;

    @Option(names = "--force",
            description = "Use the serial port even if it does not look like a gateway (see 'gridside ports').")
    boolean force;

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
        return where.tcp != null ? ConnectionTarget.Tcp.parse(where.tcp)
                : new ConnectionTarget.Serial(where.serial, force);
    }

    /** Opens the session the subcommands use; the caller closes it. */
    GatewayClient open() throws IOException {
        Credential technician;
        try {
            technician = credential == null ? Credential.DEMO : Credential.read(credential);
        } catch (IOException e) {
            throw new IllegalArgumentException("The credential file " + credential + " could not be read: "
                    + e.getMessage(), e);
        }
        if (!(timeoutSeconds > 0) || timeoutSeconds > 3600) {
            throw new IllegalArgumentException("--timeout must be above 0 and at most 3600 seconds.");
        }
        return new Connector(Duration.ofMillis((long) (timeoutSeconds * 1000))).connect(target(), technician);
    }
}

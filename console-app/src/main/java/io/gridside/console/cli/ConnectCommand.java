package io.gridside.console.cli;

import io.gridside.console.service.AppDirs;
import io.gridside.console.service.ConnectionTarget;
import io.gridside.console.service.Connector;
import io.gridside.console.service.GatewayPinFile;
import io.gridside.console.service.RevocationCarrier;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SignedKeyReplacement;
import io.gridside.link.auth.TechnicianKeyFile;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.HelloCheck;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gridside connect}: talks to one gateway over TCP or serial. */
@Command(name = "connect", mixinStandardHelpOptions = true,
        description = "Connects to a gateway and asks it something.",
        subcommands = {StatusCommand.class, MetersCommand.class, EventsCommand.class, AuditCommand.class,
            SetClockCommand.class, TopUpCommand.class, VoidCommand.class, CashUpCommand.class, TopologyCommand.class,
            HealthCommand.class, PushCommand.class, RelaysCommand.class, ExchangeMeterCommand.class,
            MoveOutCommand.class, MoveInCommand.class, ReconcileCommand.class, CommandsCommand.class,
            TariffPushCommand.class, OutagesCommand.class,
            ConnectFirmwareCommand.class, ConnectCommissionCommand.class, ReplaceGatewayCommand.class})
final class ConnectCommand {

    /** The code of a command that moves money refused for want of the credential's key file. */
    static final String NO_KEY_FILE = "CREDENTIAL_KEY_MISSING";

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Where where;

    @Option(names = "--credential", paramLabel = "FILE",
            description = "The technician's credential file (default: credential.json in the config folder).")
    Path credential;

    @Option(names = "--force",
            description = "Use the serial port even if it does not look like a gateway (see 'gridside ports').")
    boolean force;

    @Option(names = "--repin", description = {"Trust the key the gateway presents now in place of the key pinned "
            + "for its site, after checking that the gateway was replaced. Needs a supervisor's credential."})
    boolean repin;

    @Option(names = "--repin-record", paramLabel = "FILE", description = {"If the gateway presents another key "
            + "than the one pinned for its site, trust it when this operator-signed key replacement record (see "
            + "credential replace-key) names it. Any technician's credential may use one."})
    Path repinRecord;

    @Option(names = "--site", paramLabel = "FILE", description = {"The site database whose revocation list (which "
            + "sync keeps) is given to the gateway right after the hello, if the gateway holds an older one "
            + "(default: the site's database in the data folder, if there is one); the commission subcommands "
            + "record their steps in it when they are given no --site of their own, and audit pulls into it, as "
            + "with audit --site FILE."})
    Path site;

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

    /** Where the gateway is, as the options say; checked here so that subcommand help needs no address. */
    ConnectionTarget target() {
        if (where == null) {
            throw new UsageException("Say where the gateway is: --tcp HOST:PORT or --serial DEVICE.");
        }
        if (where.serial != null) {
            if (where.serial.isBlank()) {
                throw new UsageException("--serial needs a device path, such as /dev/ttyACM0.");
            }
            return new ConnectionTarget.Serial(where.serial, force);
        }
        try {
            return ConnectionTarget.Tcp.parse(where.tcp);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** Opens the session the subcommands use; the caller closes it. */
    GatewayClient open() throws IOException {
        return open(HelloCheck.NONE);
    }

    /** Opens the session the subcommands use, a re-pin judged first by {@code beforePin}; the caller closes it. */
    private GatewayClient open(HelloCheck beforePin) throws IOException {
        ConnectionTarget target = target();
        if (!(timeoutSeconds > 0) || timeoutSeconds > 3600) {
            throw new UsageException("--timeout must be above 0 and at most 3600 seconds.");
        }
        if (repin && repinRecord != null) {
            throw new UsageException("Give either --repin or --repin-record FILE, not both.");
        }
        AppDirs dirs = AppDirs.forCurrentUser();
        Path file = credentialFile(dirs);
        SignedCredential technician = CommandFiles.credential(file);
        SignedKeyReplacement record = repinRecord != null ? CommandFiles.keyReplacement(repinRecord) : null;
        RepinWatch pins = new RepinWatch(GatewayPinFile.of(dirs));
        Connector connector = new Connector(pins, Duration.ofMillis((long) (timeoutSeconds * 1000)));
        connector.signWith(CommandFiles.technicianKey(file, technician));
        GatewayClient client;
        if (record != null) {
            client = connector.repinWithRecord(target, technician, record);
        } else {
            client = repin ? connector.repin(target, technician, beforePin) : connector.connect(target, technician);
        }
        pins.takeNotices().forEach(notice -> spec.commandLine().getErr().println("gridside: " + notice));
        carryRevocations(dirs, client);
        return client;
    }

    /**
     * Opens a session that re-pins the site to the key the gateway presents, as a replacement needs, with
     * {@code replacementCredential} when one is given and the site database {@code database}, once
     * {@code beforePin} has judged the gateway's hello: a check that throws leaves the site's pin as it was.
     */
    GatewayClient openForReplacement(Path replacementCredential, Path database, HelloCheck beforePin)
            throws IOException {
        if (repinRecord != null) {
            throw new UsageException("replace-gateway re-pins under the supervisor's credential; leave out "
                    + "--repin-record.");
        }
        credential = replacementCredential != null ? replacementCredential : credential;
        site = database;
        repin = true;
        return open(beforePin);
    }

    /**
     * Opens the site database of the gateway of {@code client}: {@code --site}, or the site's database in the data
     * folder when there is one; empty when there is none. The caller closes it.
     */
    Optional<SiteStore> openSiteDatabase(GatewayClient client) {
        if (site != null) {
            return Optional.of(SiteFiles.openExisting(site));
        }
        Path database = AppDirs.forCurrentUser().siteDatabase(client.hello().siteId());
        // As for the revocations: the site's own file may be one another console is making right now.
        return Files.isRegularFile(database) ? Optional.of(SiteStore.open(database)) : Optional.empty();
    }

    /**
     * Gives the gateway the operator's revocation list that the site database holds, when the gateway holds an
     * older one, and says so; a list that revokes this laptop's own credential ends the session, and the command.
     */
    private void carryRevocations(AppDirs dirs, GatewayClient client) throws IOException {
        Path database = site != null ? site : dirs.siteDatabase(client.hello().siteId());
        if (site == null && !Files.isRegularFile(database)) {
            return;
        }
        // The site's own file may be one another console is making right now (empty until its first migration):
        // SiteStore.open waits for that console's migration, where openExisting would refuse the empty file.
        try (SiteStore store = site != null ? SiteFiles.openExisting(database) : SiteStore.open(database)) {
            RevocationCarrier.carry(client, store)
                    .ifPresent(carried -> spec.commandLine().getErr().println("gridside: " + carried.notice()));
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    // KNOWN SHORTCOMING: only topup, void and move-in check the key file before connecting; the other commands
    // that move money (push, move-out, meter exchange, adjustments, tariff push) still learn of a missing key file
    // from the gateway's refusal, whose sentence names the request's message type.
    /**
     * Refuses, before any session is opened, a command that moves money when the credential names a key of its
     * holder but its key file is not beside it: the gateway would take the command only signed with that key.
     *
     * @param doing what the command does, as the sentence's subject ("Crediting cash")
     */
    void requireSigningKey(String doing) {
        Path file = credentialFile();
        SignedCredential technician = CommandFiles.credential(file);
        if (technician.credential().hasTechnicianKey() && CommandFiles.technicianKey(file, technician) == null) {
            throw new UsageException(doing + " moves money, so the gateway takes it only signed with the key of "
                    + technician.technicianId() + "'s credential, and there is no key file at "
                    + TechnicianKeyFile.nextTo(file) + ". Put the key file issued with the credential there and run "
                    + "again; nothing was sent.", null, NO_KEY_FILE);
        }
    }

    /** The technician's credential file that sessions are opened with, as {@code --credential} or the default. */
    Path credentialFile() {
        return credentialFile(AppDirs.forCurrentUser());
    }

    private Path credentialFile(AppDirs dirs) {
        Path file = credential != null ? credential : dirs.defaultCredential();
        if (credential == null && !Files.exists(file)) {
            throw new UsageException("No credential: give your credential file with --credential FILE, "
                    + "or put it at " + file + ".");
        }
        return file;
    }
}

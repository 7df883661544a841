package io.gridside.console.cli;

import io.gridside.console.GridsideApp;
import io.gridside.console.service.ConnectionTarget;
import io.gridside.console.service.UnconfirmedPortException;
import io.gridside.console.support.Incidents;
import io.gridside.link.client.LinkException;
import io.gridside.site.commission.CommissionRefusal;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gridside}: with no subcommand it opens the console window. */
@Command(name = "gridside", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        description = "Operations console for technicians of off-grid and mini-grid electricity sites.",
        footer = {"", "Exit codes: 0 success; 1 the operation failed (a link that dropped during the command, "
            + "a request outside the technician's role, a request the gateway refused with its own code); 2 a usage "
            + "error; 3 the gateway or the cloud could not be "
            + "reached, did not answer, is not a Gridside gateway, or refused the session; 4 an error the console did "
            + "not foresee, whose incident code the line names and whose details only the log holds."},
        subcommands = {DemoCommand.class, SimCommand.class, ScenariosCommand.class, ConnectCommand.class,
            BillCommand.class, CredentialCommand.class, DiscoverCommand.class, PortsCommand.class,
            StoredTopologyCommand.class, MeshCommand.class, ImportCommand.class, ReportCommand.class,
            FirmwareCommand.class, SyncCommand.class, CommissionCommand.class, DiagnosticsCommand.class})
public final class GridsideCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(GridsideCommand.class);
    /** A link message that ends with the code of the gateway's ErrorReply, such as "... (ROLE_FORBIDDEN)". */
    private static final Pattern GATEWAY_CODE = Pattern.compile("(.*) \\(([A-Z]+(?:_[A-Z]+)+)\\)", Pattern.DOTALL);
    /** A message that carries its own code in brackets, such as "... report it to support [LEDGER_CONFLICT]." */
    private static final Pattern OWN_CODE = Pattern.compile("(.*?)\\s*\\[([A-Z]+(?:_[A-Z]+)*)\\]\\.?",
            Pattern.DOTALL);
    /** The code of a failure the console did not foresee, whose details only the log holds. */
    static final String UNEXPECTED = "UNEXPECTED";
    /** The code of a foreseen failure whose message names no code of its own: the command failed (exit 1). */
    static final String FAILED = "FAILED";

    @Option(names = "--tcp", paramLabel = "HOST:PORT", description = "Open the window connected to the gateway at "
            + "HOST:PORT with the credential of the config folder, as the connect screen would.")
    String tcp;

    @Option(names = "--screen", paramLabel = "NAME", description = "With --tcp, the screen the window shows once the "
            + "gateway answers: dashboard, meters, mesh and the others of 'gridside demo --screen'.")
    String screen;

    @Mixin
    AppearanceOptions appearance = new AppearanceOptions();

    @Override
    public Integer call() {
        if (screen != null && (tcp == null || !DemoCommand.SCREENS.contains(screen))) {
            throw new UsageException(tcp == null ? "--screen goes with --tcp." : "--screen takes one of "
                    + String.join(", ", DemoCommand.SCREENS) + ", not '" + screen + "'.");
        }
        ConnectionTarget target;
        try {
            target = tcp == null ? null : ConnectionTarget.Tcp.parse(tcp);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        appearance.applyToWindow();
        GridsideApp.open(target, screen);
        return ExitCode.OK;
    }

    /**
     * Runs the command {@code args} name and returns its exit code. An error that escapes even the command line's
     * handlers (an error of the Java runtime, such as a stack overflow) and one on any other thread are reported the
     * same way: one line with an incident code, the details in the log.
     */
    public static int run(String... args) {
        CommandLine commandLine = commandLine();
        PrintWriter err = commandLine.getErr();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            String incident = Incidents.record("the thread " + thread.getName(), e);
            err.println("gridside: " + unexpectedLine(e, incident));
            err.flush();
        });
        try {
            return commandLine.execute(args);
        } catch (RuntimeException | Error e) {
            return failed(e, String.join(" ", args), err);
        }
    }

    /**
     * Opens the window as {@code gridside} with no arguments does, without building the command line first: the
     * launch from the desktop has no arguments, and making the hundred commands' models took most of a second of
     * the start (decision 0079). A failure ends as the command line ends one: a line with its code.
     */
    public static int openWindow() {
        try {
            GridsideApp.open(null);
            return ExitCode.OK;
        } catch (RuntimeException e) {
            return failed(e, "(the window)", new PrintWriter(System.err, true));
        }
    }

    /** A command line wired with the project's exit codes and its one-line errors. */
    public static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /** A command line whose commands {@code factory} makes, so that a test can give one its collaborators. */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine commandLine = new CommandLine(new GridsideCommand(), factory);
        commandLine.setExecutionExceptionHandler(GridsideCommand::handle);
        commandLine.setParameterExceptionHandler(GridsideCommand::handleUsage);
        commandLine.setExecutionStrategy(GridsideCommand::execute);
        // "--screen mesh" names a screen, though "mesh" is also a command's name.
        commandLine.setAllowSubcommandsAsOptionParameters(true);
        return commandLine;
    }

    /**
     * Runs the command the line names, having checked the window's language and theme given before it: only the
     * window reads them, so a command would otherwise take a language the console does not speak in silence.
     */
    private static int execute(CommandLine.ParseResult parseResult) {
        CommandLine root = parseResult.commandSpec().commandLine();
        if (parseResult.hasSubcommand()) {
            try {
                root.<GridsideCommand>getCommand().appearance.check();
            } catch (UsageException e) {
                throw new CommandLine.ExecutionException(root, e.getMessage(), e);
            }
        }
        return new CommandLine.RunLast().execute(parseResult);
    }

    private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof LinkException link) {
            LOG.warn("The session with the gateway failed: {}", link.getMessage(), link);
            err.println("gridside: " + linkLine(link));
            // A gateway that answered and refused the request was reached: its refusal is a failure to act on
            // (the code in brackets says what to change), not a link to try again (decision 0086).
            return switch (link.code()) {
                case FORBIDDEN, GATEWAY_ERROR, CLOSED, INCOMPLETE -> ExitCode.FAILED;
                default -> ExitCode.UNREACHABLE;
            };
        }
        if (e instanceof UnconfirmedPortException unconfirmed) {
            err.println("gridside: " + unconfirmed.getMessage() + " Add --force to use it anyway. [UNCONFIRMED_PORT]");
            return ExitCode.USAGE;
        }
        if (e instanceof UsageException usage) {
            LOG.info("The command was refused: {}", usage.getMessage(), usage);
            err.println("gridside: " + usage.line(commandLine.getCommandSpec().qualifiedName()));
            return ExitCode.USAGE;
        }
        if (e instanceof RefusedException refused) {
            LOG.info("The command was refused: {}", refused.getMessage(), refused);
            err.println("gridside: " + refused.line());
            return ExitCode.FAILED;
        }
        CommissionRefusal commission = refusalIn(e);
        if (commission != null) {
            LOG.info("The commissioning step was refused: {}", commission.getMessage(), e);
            err.println("gridside: " + commission.getMessage() + " [" + commission.code() + "]");
            return ExitCode.FAILED;
        }
        return failed(e, String.join(" ", parseResult.originalArgs()), err);
    }

    /**
     * The commissioning refusal {@code e} is or wraps, or null: a refusal raised inside a store transaction reaches
     * here wrapped, and its code is what the technician needs, not the wrapper's.
     */
    private static CommissionRefusal refusalIn(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CommissionRefusal refusal) {
                return refusal;
            }
        }
        return null;
    }

    /**
     * Reports a failure no handler foresaw in one line, its details in the log under an incident code; the exit
     * code says whether it was a failure with a message written for the technician or an unexpected error.
     */
    static int failed(Throwable e, String commandLine, PrintWriter err) {
        if (Incidents.isUnexpected(e)) {
            String incident = Incidents.record("the command '" + commandLine + "'", e);
            err.println("gridside: " + unexpectedLine(e, incident));
            err.flush();
            return ExitCode.UNEXPECTED;
        }
        LOG.error("The command '{}' failed.", commandLine, e);
        String fileLine = FileFailures.lineOrNull(e);
        err.println("gridside: " + (fileLine != null ? fileLine : failureLine(e)));
        return ExitCode.FAILED;
    }

    /** An unexpected error in one line: what kind it was, where its details are, how to send them. */
    static String unexpectedLine(Throwable e, String incident) {
        return "The console met an error it did not foresee (" + e.getClass().getSimpleName() + ", incident "
                + incident + "). Its details are in the log; 'gridside diagnostics export' bundles the log for "
                + "support without personal data. [" + UNEXPECTED + "]";
    }

    /**
     * Any other failure in one line with one code: a message that names its own code, such as a ledger conflict's,
     * keeps it, moved to the end; one that names none was still foreseen (its message is written for the
     * technician), so it takes the code of a failed command and points to the log, where the details went.
     */
    static String failureLine(Throwable e) {
        String message = e.getMessage() != null ? e.getMessage().strip() : e.getClass().getSimpleName();
        Matcher coded = OWN_CODE.matcher(message);
        if (coded.matches()) {
            String text = coded.group(1).strip();
            return text + (text.endsWith(".") ? "" : ".") + " [" + coded.group(2) + "]";
        }
        return message + " The details are in the log; send them to support. [" + FAILED + "]";
    }

    /**
     * A link failure in one line with one code: the gateway's own when it refused with one (section 7 of the
     * protocol maps each to the console's), which is the more precise; otherwise the console's.
     */
    static String linkLine(LinkException link) {
        Matcher gatewayCode = GATEWAY_CODE.matcher(link.getMessage());
        boolean fromGateway = switch (link.code()) {
            case REFUSED, FORBIDDEN, GATEWAY_ERROR -> gatewayCode.matches();
            default -> false;
        };
        String message = fromGateway ? gatewayCode.group(1) : link.getMessage();
        String code = fromGateway ? gatewayCode.group(2) : link.code().name();
        return message + hint(link) + " [" + code + "]";
    }

    /** What the command line adds to a link's message: the command that does what it advises. */
    private static String hint(LinkException link) {
        return link.code() == LinkException.Code.GATEWAY_KEY_CHANGED
                ? " A supervisor who has checked the gateway re-pins it with: gridside connect ... --repin; anyone "
                        + "with the operator's key replacement record, with: gridside connect ... --repin-record FILE"
                : "";
    }

    private static int handleUsage(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        LOG.info("The command line was refused: {}", e.getMessage());
        err.println("gridside: " + UsageLines.of(e) + " [" + UsageException.USAGE + "]");
        return ExitCode.USAGE;
    }
}

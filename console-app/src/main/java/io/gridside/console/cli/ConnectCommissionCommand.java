package io.gridside.console.cli;

import io.gridside.console.Formats;
import io.gridside.console.service.AppDirs;
import io.gridside.console.service.Progress;
import io.gridside.console.service.commission.CommissionService;
import io.gridside.console.service.commission.CommissionSetup;
import io.gridside.console.service.commission.RunResult;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.CommissioningState;
import io.gridside.site.commission.CommissionRefusal;
import io.gridside.site.commission.CommissionStep;
import io.gridside.site.commission.LinkThresholds;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gridside connect ... commission}: the commissioning day of a site database that {@code commission
 * create-site} made, one part at a time, against its factory-fresh gateway (protocol sections 6.30 and 6.31). Each
 * subcommand runs the same steps as the console's Commissioning screen and {@code commission run}, up to its own, on
 * that database: what it does on the gateway is recorded there, so the offline commands, the screen and a later
 * {@code commission run} carry on from it, and nothing is applied twice.
 */
@Command(name = "commission", mixinStandardHelpOptions = true,
        description = {"Commissions a factory-fresh gateway one part at a time, on the site database that "
                + "gridside commission create-site made: setup, joined meters, assign, relay test, go-live, status.",
            "Each subcommand runs the commissioning steps up to its own and records them in the site database, as "
                + "gridside commission run and the Commissioning screen do; running one again applies nothing "
                + "twice."},
        subcommands = {ConnectCommissionCommand.Setup.class, ConnectCommissionParts.Joined.class,
            ConnectCommissionParts.Assign.class, ConnectCommissionParts.TestRelay.class,
            ConnectCommissionCommand.GoLive.class, ConnectCommissionParts.Status.class})
final class ConnectCommissionCommand {

    /** The code of a part of the day that could not be done because an earlier step waits for the technician. */
    static final String STEP_WAITING = "COMMISSION_STEP_WAITING";

    @ParentCommand
    ConnectCommand connect;

    /**
     * Opens the commissioning day of {@code file} with the gateway that connect names and runs {@code work} on it; a
     * refusal by the gateway or by a commissioning rule is a failed command (exit 1), the rest as any connect
     * command.
     */
    int run(CommandSpec command, Path file, DayWork work) throws Exception {
        CommissionSetup setup = setup(file);
        try (CommissionService day = new CommissionService(setup)) {
            day.resume(file);
            day.useGateway(connect.target());
            return work.run(day, command.commandLine().getOut());
        } catch (LinkException e) {
            if (!FieldOptions.refusedByGateway(e)) {
                throw e;
            }
            return FieldOptions.refused(command, e);
        } catch (CommissionRefusal e) {
            throw new RefusedException(e.getMessage(), e, e.code());
        }
    }

    /** How the day is run from this command line: sessions opened as connect opens them, with its credential. */
    private CommissionSetup setup(Path file) {
        // The file must be a site being commissioned, checked before the gateway is reached.
        CommissionSite.open(file).close();
        Path credentialFile = connect.credentialFile();
        SignedCredential credential = CommandFiles.credential(credentialFile);
        SigningKey key = CommandFiles.technicianKey(credentialFile, credential);
        Path folder = file.toAbsolutePath().getParent();
        return new CommissionSetup(folder, Clock.systemUTC(), target -> connect::open, credential, key,
                LinkThresholds.DEFAULTS);
    }

    /**
     * Runs the steps up to and including {@code last}, and refuses with the step that waits when they stopped
     * before it.
     */
    static RunResult through(CommissionService day, CommissionStep last, String part) throws Exception {
        RunResult result = day.proceedThrough(last, Progress.NONE, CancelSignal.NEVER);
        if (!result.complete()) {
            throw new RefusedException(part + " waits for the step " + result.stopped() + ": " + result.waiting()
                    + hint(result.stopped()), STEP_WAITING);
        }
        return result;
    }

    /** The command that moves {@code step} on from this command line, for the refusal's sentence. */
    private static String hint(CommissionStep step) {
        String command = switch (step) {
            case PACK -> "gridside connect ... commission setup --pack FILE";
            case CUSTOMERS -> "gridside commission customers --csv FILE";
            case ASSIGN -> "gridside connect ... commission assign --customer ID --meter SCAN";
            case LINK_CHECK -> "gridside commission check-links";
            case RELAY_TEST -> "gridside connect ... commission relay-test --meter SCAN";
            default -> "";
        };
        return command.isEmpty() ? "" : " (from the command line: " + command + ")";
    }

    /** What every subcommand has: the connect command it runs under, its own spec, the site and {@code --json}. */
    abstract static class Subcommand implements Callable<Integer> {

        @ParentCommand
        ConnectCommissionCommand parent;

        @Spec
        CommandSpec command;

        @Option(names = "--site", paramLabel = "FILE", description = "The site database that 'gridside commission "
                + "create-site' made (or give it to connect with --site).")
        Path siteFile;

        @Option(names = "--json", description = "Print JSON for programs.")
        boolean json;

        /** The site database, given here or to connect. */
        Path site() {
            Path file = siteFile != null ? siteFile : parent.connect.site;
            if (file == null) {
                throw new UsageException("Give the site database with --site FILE (made by gridside commission "
                        + "create-site): commissioning records every step in it.");
            }
            return file;
        }

        int run(DayWork work) throws Exception {
            return parent.run(command, site(), work);
        }
    }

    /** One part of the day on the open day, and how its outcome is printed. */
    interface DayWork {
        int run(CommissionService day, PrintWriter out) throws Exception;
    }

    /** {@code setup}: the site of the site database, the laptop's clock and the operator's pack. */
    @Command(name = "setup", mixinStandardHelpOptions = true,
            description = {"Sets up a factory-fresh gateway: the site of the site database, the laptop's clock, and "
                    + "the operator's pack, whose operator key the gateway trusts from then on; the pack's tariffs "
                    + "and the gateway's id are kept in the site database.",
                "The gateway's key is pinned for the site on this laptop once the gateway takes the setup."})
    static final class Setup extends Subcommand {

        @Option(names = "--pack", required = true, paramLabel = "FILE",
                description = "The commissioning pack the operator made (gridside commission pack).")
        Path pack;

        @Override
        public Integer call() throws Exception {
            return run((day, out) -> {
                // After go-live the gateway bills what the pack gave it; another pack would change nothing there.
                day.records().refuseWhenClosed();
                day.usePack(pack.toAbsolutePath());
                RunResult result = through(day, CommissionStep.PACK, "The setup");
                ConnectCommissionJson.SetUp setUp = ConnectCommissionJson.setUp(day,
                        !result.ran().contains(CommissionStep.PACK));
                if (json) {
                    out.println(Json.write(setUp));
                } else {
                    out.printf("Gateway %s %s site %s, trusting operator key %s.%n", setUp.gatewayId(),
                            setUp.repeated() ? "was set up already for" : "now serves", setUp.siteId(),
                            setUp.operatorKeyId());
                    out.printf("Gateway key %s, pinned for site %s on this laptop.%n", setUp.gatewayKey(),
                            setUp.siteId());
                    out.printf("Tariffs %s, kept in %s.%n", String.join(", ", setUp.tariffIds()),
                            day.store().file());
                    printWhereTheSiteLives(day, out);
                }
                return ExitCode.OK;
            });
        }
    }

    /**
     * Says so when the site database is not the site's own file in the data folder, which the console and the
     * connect commands open for the live site by its id: their first audit would start a second database there.
     */
    private static void printWhereTheSiteLives(CommissionService day, PrintWriter out) {
        Path own = AppDirs.forCurrentUser().siteDatabase(day.plan().siteId()).toAbsolutePath().normalize();
        if (!own.equals(day.store().file().toAbsolutePath().normalize())) {
            out.printf("Note: later sessions with the live site use %s; move this database there, or give it to "
                    + "them with --site.%n", own);
        }
    }

    /** {@code go-live}: the steps before go-live, then billing on. */
    @Command(name = "go-live", mixinStandardHelpOptions = true,
            description = {"Switches the gateway's billing on, once every step before it is done in the site "
                    + "database (customers, assignments, balances, link checks, relay tests, dry run): the "
                    + "customers' accounts open with their opening balances now, each is billed on their own "
                    + "tariff from the next quarter hour, and the meters no customer was given are not billed.",
                "Refused, with the step that waits, while a step before it is not done; running it again is safe."})
    static final class GoLive extends Subcommand {

        @Override
        public Integer call() throws Exception {
            return run((day, out) -> {
                day.confirmGoLive();
                RunResult result = through(day, CommissionStep.GO_LIVE, "Go-live");
                CommissioningState state = day.gatewayCommissioning().state();
                boolean repeated = !result.ran().contains(CommissionStep.GO_LIVE);
                if (json) {
                    out.println(Json.write(new ConnectCommissionJson.Live(state.liveAt(),
                            state.commissionedCustomers().size(), repeated)));
                } else {
                    int spare = Math.max(0, state.joinedMeters() - state.commissionedCustomers().size());
                    out.printf("The site %s live at %s: %d customer(s) billed, %d meter(s) without a customer "
                            + "and not billed. %s%n", repeated ? "was" : "went",
                            Formats.siteTime(state.liveAt(), day.plan().zone()), state.commissionedCustomers().size(),
                            spare, next(day));
                }
                return ExitCode.OK;
            });
        }

        /** The report to make next, or the one kept already when go-live is run again after it. */
        private String next(CommissionService day) {
            List<String> kept = day.records().reportIds();
            if (!kept.isEmpty()) {
                return "Its commissioning report " + kept.get(0) + " is kept already; check it with "
                        + "gridside commission verify-report --site " + day.store().file() + ".";
            }
            return "Next: gridside commission report --site " + day.store().file() + " --credential "
                    + parent.connect.credentialFile() + ".";
        }
    }
}

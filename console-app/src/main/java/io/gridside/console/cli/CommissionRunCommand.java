package io.gridside.console.cli;

import io.gridside.console.service.AppDirs;
import io.gridside.console.service.Connector;
import io.gridside.console.service.GatewayPinFile;
import io.gridside.console.service.Progress;
import io.gridside.console.service.commission.CommissionService;
import io.gridside.console.service.commission.CommissionSetup;
import io.gridside.console.service.commission.CommissionTargets;
import io.gridside.console.service.commission.RunResult;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.LinkException;
import io.gridside.site.commission.CommissionStep;
import io.gridside.site.commission.CustomerCsv;
import io.gridside.site.commission.LinkThresholds;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridside commission run}: the commissioning day of a site database made by {@code commission create-site},
 * run by the same steps as the console's Commissioning screen, against the factory-fresh gateway: setup with the
 * operator's pack, the joined meters kept, customers given their planned meters, opening balances, link checks,
 * relay tests, the dry run, go-live when asked, and the signed report. It goes as far as it can and says where it
 * stopped and what it waits for, exiting 1 so that a script stops there; run it again after fixing that, and it
 * carries on without repeating anything.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the commissioning steps of a site database against its factory-fresh gateway, as the "
                + "console's Commissioning screen does, as far as they go; says where it stopped and why.",
            "Safe to run again: each step checks what the database and the gateway hold and applies nothing twice."},
        footer = {"", "Exit codes: 0 every step done; 1 stopped at a step that waits for the technician (the last "
                + "line says which and for what, COMMISSION_STEP_WAITING), a customers file with problems "
                + "(CSV_INVALID) or a refusal of the gateway; 2 a usage error; 3 the gateway could not be reached."})
final class CommissionRunCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Mixin
    CommissionSite site;

    @Option(names = "--gateway", paramLabel = "TARGET",
            description = "The factory-fresh gateway: tcp=HOST:PORT or serial=DEVICE (kept for later runs).")
    String gateway;

    @Option(names = "--pack", paramLabel = "FILE",
            description = "The operator's commissioning pack (kept for later runs).")
    Path pack;

    @Option(names = "--customers", paramLabel = "CSV", description = "Load the operator's customers file first.")
    Path customers;

    @Option(names = "--credential", paramLabel = "FILE", required = true,
            description = "The technician's credential file; its key file lies next to it.")
    Path credentialFile;

    @Option(names = "--go-live", description = "Switch the gateway's billing on once every check before it passed.")
    boolean goLive;

    @Override
    public Integer call() throws Exception {
        SignedCredential credential = CommandFiles.credential(credentialFile);
        SigningKey key = CommandFiles.technicianKey(credentialFile, credential);
        Connector connector = new Connector(GatewayPinFile.of(AppDirs.forCurrentUser()));
        connector.signWith(key);
        Path file = site.siteFile.toAbsolutePath();
        CommissionSetup setup = new CommissionSetup(file.getParent(), Clock.systemUTC(),
                target -> () -> connector.connect(target, credential), credential, key, LinkThresholds.DEFAULTS);
        try (CommissionService day = new CommissionService(setup)) {
            day.resume(file);
            if (gateway != null) {
                day.useGateway(CommissionTargets.parse(gateway));
            }
            if (pack != null) {
                day.usePack(pack);
            }
            List<CommissionStep> ran = new ArrayList<>();
            try {
                return runSteps(day, ran);
            } catch (LinkException e) {
                printDone(ran);
                if (!FieldOptions.refusedByGateway(e)) {
                    throw e;
                }
                return FieldOptions.refused(command, e);
            }
        }
    }

    /**
     * The setup steps first, which need no customers, so that a customers file with problems stops only its own
     * step; then the customers file; then every step that can go, and go-live when asked. {@code ran} gathers
     * the steps done across the passes.
     */
    private int runSteps(CommissionService day, List<CommissionStep> ran) throws Exception {
        RunResult result = day.proceedThrough(CommissionStep.PACK, Progress.NONE, CancelSignal.NEVER);
        ran.addAll(result.ran());
        if (customers != null) {
            loadCustomers(day, ran);
        }
        if (result.complete()) {
            result = day.proceed(Progress.NONE, CancelSignal.NEVER);
            ran.addAll(result.ran());
        }
        if (goLive && !result.complete() && result.stopped() == CommissionStep.GO_LIVE) {
            day.confirmGoLive();
            result = day.proceed(Progress.NONE, CancelSignal.NEVER);
            ran.addAll(result.ran());
        }
        printDone(ran);
        if (!result.complete()) {
            throw new RefusedException("Stopped at " + result.stopped() + ": " + result.waiting(),
                    ConnectCommissionCommand.STEP_WAITING);
        }
        command.commandLine().getOut().println("Every step is done: the site bills and its report is kept and "
                + "queued for sync.");
        return ExitCode.OK;
    }

    private void loadCustomers(CommissionService day, List<CommissionStep> ran) throws IOException {
        CustomerCsv.Result loaded = day.importCustomers(customers);
        if (!loaded.problems().isEmpty()) {
            printDone(ran);
            PrintWriter err = command.commandLine().getErr();
            loaded.problems().forEach(err::println);
            throw new RefusedException("The customers file " + customers + " has " + loaded.problems().size()
                    + (loaded.problems().size() == 1 ? " problem" : " problems") + ", listed above; nothing of it "
                    + "was loaded. Fix the lines they name and run again.", CommissionCustomersCommand.CSV_INVALID);
        }
    }

    private void printDone(List<CommissionStep> ran) {
        PrintWriter out = command.commandLine().getOut();
        ran.forEach(step -> out.println("done: " + step));
        ran.clear();
    }
}

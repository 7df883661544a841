package io.gridside.console.cli;

import io.gridside.billing.vee.EstimateEditor;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gridside bill vee --site FILE accept ...}: accepts a gap's estimate, recorded with who, when and why. */
@Command(name = "accept", mixinStandardHelpOptions = true,
        description = "Accepts a gap's estimate as it stands; the edit is kept with who, when and why.",
        footer = {"", "Exit codes: 0 recorded; 1 refused (no estimate starts there, or the edit breaks a rule); "
            + "2 a usage error, such as a missing site database."})
final class VeeAcceptCommand implements Callable<Integer> {

    @ParentCommand
    VeeCommand vee;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Mixin
    VeeEditOptions edit;

    @Override
    public Integer call() {
        return edit.record(vee, command.commandLine().getOut(),
                (estimate, now) -> EstimateEditor.accept(estimate, edit.by, now, edit.why),
                (estimate, accepted, zone) -> String.format(Locale.ROOT, "Accepted the estimate of meter %s from %s "
                        + "to %s (%d quarter hours, %d Wh, %s).", estimate.meterId(),
                        VeeCommand.siteTime(estimate.gapStart(), zone), VeeCommand.siteTime(estimate.gapEnd(), zone),
                        estimate.intervals(), estimate.deltaWh(), estimate.method().name().toLowerCase(Locale.ROOT)));
    }
}

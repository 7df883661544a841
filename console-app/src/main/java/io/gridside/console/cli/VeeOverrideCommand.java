package io.gridside.console.cli;

import io.gridside.billing.vee.EstimateEditor;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gridside bill vee --site FILE override ...}: replaces a gap's estimated values with the technician's,
 * which keep the gap's total unless a reason says why not; recorded with who, when and why.
 */
@Command(name = "override", mixinStandardHelpOptions = true,
        description = {"Replaces a gap's estimate with your values, one per quarter hour, in Wh; the edit is kept "
            + "with who, when and why.", "The values must sum to the register's rise over the gap, unless "
                + "--total-reason says why they do not."},
        footer = {"", "Exit codes: 0 recorded; 1 refused (no estimate starts there, or the values break a rule); "
            + "2 a usage error, such as a missing site database."})
final class VeeOverrideCommand implements Callable<Integer> {

    @ParentCommand
    VeeCommand vee;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Mixin
    VeeEditOptions edit;

    @Option(names = "--wh", paramLabel = "WH", required = true, split = ",",
            description = "The energy of each quarter hour of the gap, in Wh, comma-separated, in time order.")
    List<Long> energiesWh;

    @Option(names = "--total-reason", paramLabel = "TEXT",
            description = "Why the values do not sum to the register's rise over the gap.")
    String totalReason;

    @Override
    public Integer call() {
        return edit.record(vee, command.commandLine().getOut(),
                (estimate, now) -> EstimateEditor.override(estimate, energiesWh, edit.by, now, edit.why,
                        totalReason),
                (estimate, overridden, zone) -> String.format(Locale.ROOT, "Overrode the estimate of meter %s from "
                        + "%s to %s with %d Wh over %d quarter hours.", estimate.meterId(),
                        VeeCommand.siteTime(estimate.gapStart(), zone), VeeCommand.siteTime(estimate.gapEnd(), zone),
                        energiesWh.stream().mapToLong(e -> e).sum(), energiesWh.size()));
    }
}

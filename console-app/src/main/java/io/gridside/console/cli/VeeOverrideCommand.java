package io.gridside.console.cli;

import io.gridside.billing.vee.EstimateEditor;
import io.gridside.site.SiteInfo;
import io.gridside.site.store.SiteStore;
import io.gridside.site.vee.EstimateEdit;
import io.gridside.site.vee.GapEstimate;
import java.time.Instant;
import java.util.List;
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
                + "--total-reason says why they do not."})
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
        try (SiteStore store = vee.open()) {
            SiteInfo site = vee.site(store);
            GapEstimate estimate = edit.estimate(store, site, vee.siteFile.toString());
            EstimateEdit overridden;
            try {
                overridden = EstimateEditor.override(estimate, energiesWh, edit.by, Instant.now(), edit.why,
                        totalReason);
            } catch (IllegalArgumentException e) {
                throw new UsageException("The override was refused: " + e.getMessage(), e,
                        VeeEditOptions.EDIT_REFUSED);
            }
            store.recordEdit(overridden);
            command.commandLine().getOut().printf("Overrode the estimate of meter %s from %s to %s with %d Wh over %d "
                    + "quarter hours.%n", estimate.meterId(), VeeCommand.siteTime(estimate.gapStart(), site.zone()),
                    VeeCommand.siteTime(estimate.gapEnd(), site.zone()), energiesWh.stream().mapToLong(e -> e).sum(),
                    energiesWh.size());
        }
        return ExitCode.OK;
    }
}
